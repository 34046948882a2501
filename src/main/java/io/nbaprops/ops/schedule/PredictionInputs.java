package io.nbaprops.ops.schedule;

import io.nbaprops.store.Warehouse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;

/**
 * A fingerprint of what re-predictions depend on for a date: the latest line of every (game, player, market, book)
 * and the latest injury statuses. The hourly job compares it before and after collecting, and re-predicts only when
 * it changed (a fetch that brought identical lines writes rows but changes nothing).
 */
final class PredictionInputs {
    private PredictionInputs() {}

    static String fingerprint(Warehouse warehouse, LocalDate date) {
        List<String> rows = warehouse.jdbi().withHandle(h -> {
            List<String> out = new java.util.ArrayList<>();
            out.addAll(h.createQuery("SELECT game_key, player_lookup, market, book, line FROM (SELECT game_key, player_lookup, market, "
                            + "book, line, row_number() OVER (PARTITION BY game_key, player_lookup, market, book ORDER BY snapshot_at DESC) "
                            + "AS rn FROM prop_line WHERE game_date = ? AND NOT in_game) t WHERE rn = 1 "
                            + "ORDER BY game_key, player_lookup, market, book")
                    .bind(0, date).map((rs, ctx) -> "L|" + rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getString(3) + "|"
                            + rs.getString(4) + "|" + rs.getDouble(5)).list());
            out.addAll(h.createQuery("SELECT game_key, team, player_lookup, status FROM nbac_injury_report WHERE game_date = ? "
                            + "AND report_at = (SELECT max(report_at) FROM nbac_injury_report WHERE game_date = ?) "
                            + "ORDER BY game_key, team, player_lookup")
                    .bind(0, date).bind(1, date).map((rs, ctx) -> "I|" + rs.getString(1) + "|" + rs.getString(2) + "|"
                            + rs.getString(3) + "|" + rs.getString(4)).list());
            out.addAll(h.createQuery("SELECT player_lookup, status FROM bdl_injury WHERE as_of_date = ? ORDER BY player_lookup, status")
                    .bind(0, date).map((rs, ctx) -> "B|" + rs.getString(1) + "|" + rs.getString(2)).list());
            return out;
        });
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (String r : rows) {
                md.update(r.getBytes(StandardCharsets.UTF_8));
                md.update((byte) '\n');
            }
            return rows.size() + ":" + HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from the JDK", e);
        }
    }
}
