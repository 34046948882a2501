package io.nbaprops.store;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decides whether a statement typed by an operator is a single read-only query. This is the first
 * line; the second is that {@code query} runs on a read-only connection (a read-only DuckDB file,
 * a read-only PostgreSQL transaction), so a statement that slips past still cannot write.
 */
public final class SqlGuard {
    private static final Set<String> READ_STARTS = Set.of("SELECT", "WITH", "VALUES", "TABLE", "EXPLAIN", "DESCRIBE", "SHOW",
            "SUMMARIZE", "FROM");
    private static final Pattern FORBIDDEN = Pattern.compile("\\b(INSERT|UPDATE|DELETE|MERGE|UPSERT|REPLACE\\s+INTO|DROP|CREATE|ALTER|"
            + "TRUNCATE|COPY|ATTACH|DETACH|INSTALL|LOAD|PRAGMA|SET|RESET|CALL|EXPORT|IMPORT|VACUUM|CHECKPOINT|GRANT|REVOKE|USE|"
            + "BEGIN|COMMIT|ROLLBACK|ABORT|EXECUTE|PREPARE|DEALLOCATE|REFRESH|LOCK|NOTIFY|LISTEN|UNLISTEN|DO|COMMENT|ANALYZE|CLUSTER|"
            + "REINDEX|SECURITY|OWNER)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern FIRST_WORD = Pattern.compile("^\\s*\\(*\\s*([A-Za-z]+)");

    private SqlGuard() {}

    /** Throws {@link IllegalArgumentException} naming what is refused; returns the statement without a trailing ';'. */
    public static String requireReadOnly(String sql) {
        if (sql == null || sql.isBlank()) {
            throw new IllegalArgumentException("empty query");
        }
        String code = stripLiteralsAndComments(sql).strip();
        while (code.endsWith(";")) {
            code = code.substring(0, code.length() - 1).strip();
        }
        if (code.contains(";")) {
            throw new IllegalArgumentException("only one statement is allowed");
        }
        Matcher first = FIRST_WORD.matcher(code);
        if (!first.find() || !READ_STARTS.contains(first.group(1).toUpperCase(Locale.ROOT))) {
            throw new IllegalArgumentException("only read-only queries are allowed (SELECT, WITH, VALUES, EXPLAIN, DESCRIBE, SHOW); got "
                    + (first.find(0) ? first.group(1).toUpperCase(Locale.ROOT) : "nothing"));
        }
        Matcher bad = FORBIDDEN.matcher(code);
        if (bad.find()) {
            throw new IllegalArgumentException("refused: the query contains " + bad.group(1).toUpperCase(Locale.ROOT)
                    + ", which can change the warehouse");
        }
        String trimmed = sql.strip();
        while (trimmed.endsWith(";")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1).strip();
        }
        return trimmed;
    }

    /** Replaces string literals, quoted identifiers and comments with blanks so keywords inside them don't count. */
    static String stripLiteralsAndComments(String sql) {
        StringBuilder out = new StringBuilder(sql.length());
        int i = 0;
        int n = sql.length();
        while (i < n) {
            char c = sql.charAt(i);
            if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
                while (i < n && sql.charAt(i) != '\n') {
                    i++;
                }
                out.append(' ');
            } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                int end = sql.indexOf("*/", i + 2);
                if (end < 0) {
                    throw new IllegalArgumentException("unterminated comment");
                }
                i = end + 2;
                out.append(' ');
            } else if (c == '\'' || c == '"') {
                int j = i + 1;
                while (true) {
                    if (j >= n) {
                        throw new IllegalArgumentException("unterminated " + (c == '\'' ? "string" : "quoted identifier"));
                    }
                    if (sql.charAt(j) == c) {
                        if (j + 1 < n && sql.charAt(j + 1) == c) {
                            j += 2;
                            continue;
                        }
                        break;
                    }
                    j++;
                }
                out.append(c == '\'' ? "''" : "\"x\"");
                i = j + 1;
            } else if (c == '$' && i + 1 < n && sql.charAt(i + 1) == '$') {
                throw new IllegalArgumentException("dollar-quoted strings are not allowed");
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }
}
