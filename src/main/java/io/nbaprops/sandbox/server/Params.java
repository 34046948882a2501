package io.nbaprops.sandbox.server;

import io.javalin.http.Context;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/** Query-parameter parsing that answers 400 naming the parameter when a value is malformed. */
final class Params {
    private static final DateTimeFormatter US_DATE = DateTimeFormatter.ofPattern("MM/dd/yyyy");

    private Params() {}

    /** Values of a repeated parameter; accepts both {@code dates[]=} and {@code dates=}. */
    static List<String> list(Context ctx, String name) {
        List<String> out = new ArrayList<>(ctx.queryParams(name + "[]"));
        out.addAll(ctx.queryParams(name));
        return out;
    }

    static List<LocalDate> dates(Context ctx, String name) {
        List<LocalDate> out = new ArrayList<>();
        for (String v : list(ctx, name)) {
            out.add(date(name.endsWith("s") ? name + "[]" : name, v));
        }
        return out;
    }

    static LocalDate date(String name, String v) {
        try {
            return v.contains("/") ? LocalDate.parse(v, US_DATE) : LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            throw ApiException.badParameter(name, "'" + v + "' is not a date (YYYY-MM-DD)");
        }
    }

    static LocalDate optDate(Context ctx, String name) {
        String v = ctx.queryParam(name);
        return v == null || v.isBlank() ? null : date(name, v);
    }

    static List<Long> longs(Context ctx, String name) {
        List<Long> out = new ArrayList<>();
        for (String v : list(ctx, name)) {
            out.add(parseLong(name + "[]", v));
        }
        return out;
    }

    static long parseLong(String name, String v) {
        try {
            return Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            throw ApiException.badParameter(name, "'" + v + "' is not a whole number");
        }
    }

    static int intParam(Context ctx, String name, int dflt, int min, int max) {
        String v = ctx.queryParam(name);
        if (v == null || v.isBlank()) {
            return dflt;
        }
        long n = parseLong(name, v);
        if (n < min || n > max) {
            throw ApiException.badParameter(name, "must be between " + min + " and " + max + ", was " + n);
        }
        return (int) n;
    }

    static Long optLong(Context ctx, String name) {
        String v = ctx.queryParam(name);
        return v == null || v.isBlank() ? null : parseLong(name, v);
    }

    static Instant instant(String name, String v) {
        try {
            return Instant.parse(v);
        } catch (DateTimeParseException e) {
            throw ApiException.badParameter(name, "'" + v + "' is not an ISO-8601 instant (e.g. 2025-01-15T18:00:00Z)");
        }
    }

    static Instant optInstant(Context ctx, String name) {
        String v = ctx.queryParam(name);
        return v == null || v.isBlank() ? null : instant(name, v);
    }

    static String required(Context ctx, String name) {
        String v = ctx.queryParam(name);
        if (v == null || v.isBlank()) {
            throw ApiException.badParameter(name, "is required");
        }
        return v;
    }
}
