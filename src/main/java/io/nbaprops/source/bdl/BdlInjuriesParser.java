package io.nbaprops.source.bdl;

import com.fasterxml.jackson.databind.JsonNode;
import io.nbaprops.source.JsonPayload;
import io.nbaprops.source.ParseContext;
import io.nbaprops.source.ParsedRows;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAdjusters;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * balldontlie {@code GET /v1/player_injuries}: the current injury list, kept per partition date in
 * {@code bdl_injury} (the list has no date of its own; the date we saw it is what matters).
 *
 * <p>Each listing is tied to a game: its description opens with the day it was reported ("Dec 7: ...") and
 * usually names the game ("... ruled out for Tuesday's game", "tonight's", "tomorrow's"). {@code reported_on}
 * and {@code for_game_date} (the first such weekday on or after the report) let the context apply a listing to
 * that game or later ones only, never to an earlier game (a player ruled out at 17:30 for tomorrow is not out today).
 */
public final class BdlInjuriesParser extends BdlDataParser {
    public static final String TABLE = "bdl_injury";

    public BdlInjuriesParser() {
        super("bdl_injuries", TABLE);
    }

    @Override
    void element(JsonPayload json, JsonNode e, String path, ParseContext ctx, ParsedRows out) {
        JsonNode player = json.object(e, "player", path);
        String pp = JsonPayload.join(path, "player");
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("as_of_date", ctx.partitionDate());
        BdlPlayers.identity(json, player, pp, r);
        r.put("team", BdlTeams.optById(json, player, "team_id", pp));
        r.put("status", json.text(e, "status", path));
        r.put("return_date_text", json.optText(e, "return_date", path));
        String description = json.optText(e, "description", path);
        r.put("description", description);
        LocalDate reported = reportedOn(description, ctx.partitionDate());
        r.put("reported_on", reported);
        r.put("for_game_date", namedGameDate(description, reported));
        r.put("payload_id", ctx.payloadId());
        out.add(TABLE, r);
    }

    private static final Pattern REPORTED = Pattern.compile("^\\s*([A-Z][a-z]{2})\\s+(\\d{1,2})\\s*:");
    private static final Pattern NAMED = Pattern.compile("\\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|tonight|today|"
            + "tomorrow)(?:'s|\\b)", Pattern.CASE_INSENSITIVE);
    private static final DateTimeFormatter MONTH_DAY = DateTimeFormatter.ofPattern("MMM d", Locale.US);

    /** The report's day from the description's "Mon D:" prefix (the latest such day on or before the list's date), or null. */
    static LocalDate reportedOn(String description, LocalDate listDate) {
        if (description == null || listDate == null) {
            return null;
        }
        Matcher m = REPORTED.matcher(description);
        if (!m.find()) {
            return null;
        }
        MonthDay md;
        try {
            md = MonthDay.parse(m.group(1) + " " + m.group(2), MONTH_DAY);
        } catch (DateTimeParseException ex) {
            return null;
        }
        // A list seen today can carry a report made "Dec 31" of last year; never one made after the list (a day's grace).
        LocalDate d = md.atYear(listDate.getYear());
        return d.isAfter(listDate.plusDays(1)) ? md.atYear(listDate.getYear() - 1) : d;
    }

    /** The date of the game the description names (first such weekday on or after the report), or null when it names none. */
    static LocalDate namedGameDate(String description, LocalDate reported) {
        if (description == null || reported == null) {
            return null;
        }
        Matcher m = NAMED.matcher(description);
        if (!m.find()) {
            return null;
        }
        String w = m.group(1).toLowerCase(Locale.ROOT);
        return switch (w) {
            case "tonight", "today" -> reported;
            case "tomorrow" -> reported.plusDays(1);
            default -> reported.with(TemporalAdjusters.nextOrSame(DayOfWeek.valueOf(w.toUpperCase(Locale.ROOT))));
        };
    }
}
