package io.nbaprops.store;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;

/** Turns the values callers hand us into exactly the Java type each column's SQL type wants. */
final class Coercion {
    private Coercion() {}

    enum Kind { BIGINT, INTEGER, DOUBLE, TEXT, DATE, TIMESTAMP, BOOLEAN }

    static Kind kindOf(String sqlType) {
        String t = sqlType.toUpperCase(Locale.ROOT);
        if (t.equals("BIGINT") || t.equals("INT8") || t.equals("HUGEINT")) {
            return Kind.BIGINT;
        }
        if (t.equals("INTEGER") || t.equals("INT") || t.equals("INT4") || t.equals("SMALLINT") || t.equals("INT2")) {
            return Kind.INTEGER;
        }
        if (t.startsWith("DOUBLE") || t.equals("FLOAT8") || t.equals("REAL") || t.equals("FLOAT")
                || t.startsWith("DECIMAL") || t.startsWith("NUMERIC")) {
            return Kind.DOUBLE;
        }
        if (t.equals("DATE")) {
            return Kind.DATE;
        }
        if (t.startsWith("TIMESTAMP")) {
            return Kind.TIMESTAMP;
        }
        if (t.equals("BOOLEAN") || t.equals("BOOL")) {
            return Kind.BOOLEAN;
        }
        return Kind.TEXT;
    }

    static Object coerce(Object v, Kind kind, String table, String column) {
        if (v == null) {
            return null;
        }
        try {
            return switch (kind) {
                case BIGINT -> v instanceof Number n ? Long.valueOf(exactLong(n)) : Long.valueOf(Long.parseLong(v.toString()));
                case INTEGER -> v instanceof Number n ? Integer.valueOf(Math.toIntExact(exactLong(n))) : Integer.valueOf(v.toString());
                case DOUBLE -> v instanceof Number n ? Double.valueOf(n.doubleValue()) : Double.valueOf(v.toString());
                case TEXT -> v instanceof Enum<?> e ? e.name() : v.toString();
                case DATE -> v instanceof LocalDate d ? d : LocalDate.parse(v.toString());
                case TIMESTAMP -> timestamp(v);
                case BOOLEAN -> v instanceof Boolean b ? b : Boolean.valueOf(parseBool(v.toString()));
            };
        } catch (RuntimeException e) {
            throw new WarehouseException("table " + table + ", column " + column + ": cannot store "
                    + v.getClass().getSimpleName() + " value '" + abbreviate(v) + "' as " + kind + ": " + e.getMessage(), e);
        }
    }

    private static long exactLong(Number n) {
        if (n instanceof Double || n instanceof Float || n instanceof BigDecimal) {
            double d = n.doubleValue();
            if (d != Math.rint(d)) {
                throw new IllegalArgumentException("not a whole number");
            }
            return (long) d;
        }
        return n.longValue();
    }

    private static LocalDateTime timestamp(Object v) {
        if (v instanceof Instant i) {
            return LocalDateTime.ofInstant(i, ZoneOffset.UTC);
        }
        if (v instanceof LocalDateTime t) {
            return t;
        }
        if (v instanceof OffsetDateTime o) {
            return LocalDateTime.ofInstant(o.toInstant(), ZoneOffset.UTC);
        }
        return LocalDateTime.ofInstant(Instant.parse(v.toString()), ZoneOffset.UTC);
    }

    private static boolean parseBool(String s) {
        return switch (s.toLowerCase(Locale.ROOT)) {
            case "true", "t", "1", "yes" -> true;
            case "false", "f", "0", "no" -> false;
            default -> throw new IllegalArgumentException("not a boolean");
        };
    }

    private static String abbreviate(Object v) {
        String s = String.valueOf(v);
        return s.length() > 60 ? s.substring(0, 57) + "..." : s;
    }
}
