package io.nbaprops.sandbox;

import io.nbaprops.store.RowBatch;
import io.nbaprops.store.Warehouse;
import java.time.LocalDate;
import java.util.List;

/**
 * Writes the league's ground truth to {@code sandbox_truth} through the warehouse's one write
 * path, one game date per partition: re-running leaves exactly the same rows.
 */
public final class SandboxTruth {
    public static final String TABLE = "sandbox_truth";
    private static final String[] COLUMNS = {"game_key", "game_date", "player_lookup", "player_id", "team", "seed", "exp_pts",
            "exp_reb", "exp_ast", "exp_fg3m", "exp_minutes", "active", "played"};

    private SandboxTruth() {}

    /** Writes every game date of the season; returns the rows written. */
    public static long writeSeason(Warehouse warehouse, SandboxLeague league) {
        RowBatch batch = new RowBatch(TABLE, List.of(COLUMNS));
        for (LocalDate d : league.gameDates()) {
            addDate(batch, league, d);
        }
        // One transaction for the season: the table holds one league's truth, so a different seed replaces it all.
        return warehouse.write(tx -> {
            tx.handle().execute("DELETE FROM " + TABLE);
            tx.upsert(batch);
        });
    }

    /** Replaces one date's truth rows. */
    public static long writeDate(Warehouse warehouse, SandboxLeague league, LocalDate date) {
        RowBatch batch = new RowBatch(TABLE, List.of(COLUMNS));
        addDate(batch, league, date);
        return warehouse.write(tx -> tx.replacePartition(batch, "game_date", date));
    }

    private static void addDate(RowBatch batch, SandboxLeague league, LocalDate date) {
        for (LeagueGame g : league.gamesOn(date)) {
            for (PlayerGameTruth t : league.truth(g.index())) {
                batch.add(t.gameKey(), t.gameDate(), t.playerLookup(), t.personId(), t.team(), league.seed(), t.expPts(),
                        t.expReb(), t.expAst(), t.expFg3m(), t.expMinutes(), t.active(), t.played());
            }
        }
    }
}
