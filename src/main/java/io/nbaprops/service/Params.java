package io.nbaprops.service;

import io.nbaprops.source.Seasons;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Validated query parameters of one request. Unknown parameters are refused, dates must be ISO
 * (YYYY-MM-DD) inside {@link #EARLIEST}..{@link #latest()}, limits are bounded, names must be one of the
 * known values, control characters are refused. Anything else is a {@link BadRequest} naming the
 * parameter, so a bad or hostile value never reaches a query (and the queries bind their values anyway).
 */
final class Params {
    private static final int MAX_VALUE_CHARS = 200;
    /** The first day of the league's first season (1946-47): no NBA data is older. */
    static final LocalDate EARLIEST = LocalDate.of(1946, 8, 1);
    /** A %-escape that is not two hex digits; Javalin would silently drop the whole parameter. */
    private static final Pattern BAD_ESCAPE = Pattern.compile("%(?![0-9A-Fa-f]{2})");
    private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");
    private final Map<String, List<String>> raw;

    private Params(Map<String, List<String>> raw) {
        this.raw = raw;
    }

    static Params of(Map<String, List<String>> query, String... allowed) {
        Set<String> ok = Set.of(allowed);
        for (var e : query.entrySet()) {
            if (!ok.contains(e.getKey())) {
                throw new BadRequest(clip(e.getKey()), "unknown parameter '" + clip(e.getKey()) + "' (allowed: "
                        + String.join(", ", allowed) + ")");
            }
            if (e.getValue().size() > 1) {
                throw new BadRequest(e.getKey(), "parameter '" + e.getKey() + "' given more than once");
            }
        }
        return new Params(query);
    }

    String string(String name) {
        List<String> v = raw.get(name);
        if (v == null || v.isEmpty() || v.get(0).isBlank()) {
            return null;
        }
        String s = v.get(0);
        if (s.length() > MAX_VALUE_CHARS) {
            throw new BadRequest(name, "parameter '" + name + "' is longer than " + MAX_VALUE_CHARS + " characters");
        }
        refuseControl("parameter", name, s);
        return s.trim();
    }

    /** A NUL, line break or other control character inside a value is refused, never trimmed away. */
    static void refuseControl(String kind, String name, String s) {
        if (CONTROL.matcher(s).find()) {
            throw new BadRequest(name, kind + " '" + name + "' contains a control character");
        }
    }

    /**
     * Checks the raw query string before anything decodes it: a malformed %-escape is a 400 naming its parameter
     * (decoders would otherwise drop the parameter, and a bad {@code limit} would read as "no limit given").
     */
    static void checkEscapes(String rawQuery) {
        if (rawQuery == null || !BAD_ESCAPE.matcher(rawQuery).find()) {
            return;
        }
        for (String pair : rawQuery.split("&")) {
            if (BAD_ESCAPE.matcher(pair).find()) {
                int eq = pair.indexOf('=');
                String name = clip(eq < 0 ? pair : pair.substring(0, eq));
                throw new BadRequest(name, "parameter '" + name + "' has a malformed %-escape (a % must be followed by two hex digits)");
            }
        }
    }

    LocalDate date(String name) {
        String s = string(name);
        return s == null ? null : parseDate(name, s);
    }

    LocalDate requiredDate(String name) {
        LocalDate d = date(name);
        if (d == null) {
            throw new BadRequest(name, "parameter '" + name + "' is required (YYYY-MM-DD)");
        }
        return d;
    }

    static LocalDate parseDate(String name, String s) {
        LocalDate d;
        try {
            d = LocalDate.parse(s);
        } catch (DateTimeParseException e) {
            throw new BadRequest(name, "'" + name + "' must be a date YYYY-MM-DD, got '" + clip(s) + "'");
        }
        LocalDate latest = latest();
        if (d.isBefore(EARLIEST) || d.isAfter(latest)) {
            throw new BadRequest(name, "'" + name + "' (" + d + ") is outside the dates the platform knows: " + EARLIEST + " (the first NBA"
                    + " season) to " + latest + " (the end of next season)");
        }
        return d;
    }

    /** The end of the season after the current one (31 July): a schedule is never published further ahead. */
    static LocalDate latest() {
        return LocalDate.of(Seasons.startYear(LocalDate.now(ZoneOffset.UTC)) + 2, 7, 31);
    }

    int bounded(String name, int dflt, int min, int max) {
        String s = string(name);
        if (s == null) {
            return dflt;
        }
        int v;
        try {
            v = Integer.parseInt(s);
        } catch (NumberFormatException e) {
            throw new BadRequest(name, "parameter '" + name + "' must be a whole number, got '" + clip(s) + "'");
        }
        if (v < min || v > max) {
            throw new BadRequest(name, "parameter '" + name + "' must be between " + min + " and " + max + ", got " + v);
        }
        return v;
    }

    String oneOf(String name, Collection<String> known) {
        String s = string(name);
        return s == null ? null : checkOneOf(name, s, known);
    }

    static String checkOneOf(String name, String s, Collection<String> known) {
        if (!known.contains(s)) {
            throw new BadRequest(name, "parameter '" + name + "' must be one of " + known + ", got '" + clip(s) + "'");
        }
        return s;
    }

    String matching(String name, Pattern p, String what) {
        String s = string(name);
        if (s != null && !p.matcher(s).matches()) {
            throw new BadRequest(name, "parameter '" + name + "' must be " + what + ", got '" + clip(s) + "'");
        }
        return s;
    }

    /** {@code from <= to}, and at most {@code maxDays} days apart. */
    static void checkRange(String fromName, LocalDate from, LocalDate to, int maxDays) {
        if (from.isAfter(to)) {
            throw new BadRequest(fromName, "'" + fromName + "' (" + from + ") is after the end of the range (" + to + ")");
        }
        if (from.plusDays(maxDays - 1L).isBefore(to)) {
            throw new BadRequest(fromName, "the range from '" + fromName + "' " + from + " to " + to + " is longer than " + maxDays + " days");
        }
    }

    /** Echoed text is bounded: error messages never carry a whole hostile payload back. */
    static String clip(String s) {
        String oneLine = s.replaceAll("[\\r\\n\\t]", " ");
        return oneLine.length() <= 60 ? oneLine : oneLine.substring(0, 57) + "...";
    }
}
