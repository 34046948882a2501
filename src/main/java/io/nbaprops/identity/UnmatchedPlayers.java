package io.nbaprops.identity;

import io.nbaprops.store.WriteTx;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Records the names a source used that match no known player into {@code unmatched_player}, so a
 * name that joins nothing is listed for a human (to add an alias) instead of silently dropping out
 * of every join. Known players are the {@code player_registry} view: every player_lookup a source
 * with ids (NBA.com, balldontlie, ESPN, Basketball-Reference) has stored. The first sighting is kept.
 */
public final class UnmatchedPlayers {
    /** One use of a name: where it came from (e.g. "oddsa_player_prop 20240124_ATL_GSW"). */
    public record Sighting(String playerLookup, String playerName, String context) {}

    /** What one check found. {@code registryEmpty}: nothing to check against yet, so nothing was recorded. */
    public record Result(int checked, int unmatched, boolean registryEmpty) {
        public String describe() {
            return registryEmpty ? "identity check skipped: no player registry loaded yet (load a player list or roster first)"
                    : unmatched + " of " + checked + " names match no known player (see unmatched_player)";
        }
    }

    private UnmatchedPlayers() {}

    /** Checks the sightings against the registry inside {@code tx} and inserts the unknown ones. */
    public static Result record(WriteTx tx, String source, Collection<Sighting> sightings, Instant seenAt) {
        Map<String, Sighting> distinct = new LinkedHashMap<>();
        for (Sighting s : sightings) {
            if (s.playerLookup() != null && !s.playerLookup().isEmpty()) {
                distinct.putIfAbsent(s.playerLookup(), s);
            }
        }
        if (distinct.isEmpty()) {
            return new Result(0, 0, false);
        }
        Set<String> known = new HashSet<>(tx.handleForReading().createQuery("SELECT DISTINCT player_lookup FROM player_registry")
                .mapTo(String.class).list());
        if (known.isEmpty()) {
            return new Result(distinct.size(), 0, true);
        }
        // First sightings only: names already listed for this source keep their first_seen.
        Set<String> listed = new HashSet<>(tx.handleForReading().createQuery("SELECT player_lookup FROM unmatched_player WHERE source = ?")
                .bind(0, source).mapTo(String.class).list());
        io.nbaprops.store.RowBatch batch = io.nbaprops.store.RowBatch.of("unmatched_player", "source", "player_lookup", "player_name",
                "context", "first_seen");
        int unmatched = 0;
        for (Sighting s : distinct.values()) {
            if (known.contains(s.playerLookup())) {
                continue;
            }
            unmatched++;
            if (!listed.contains(s.playerLookup())) {
                batch.add(source, s.playerLookup(), s.playerName(), s.context(), seenAt);
            }
        }
        if (!batch.isEmpty()) {
            tx.upsert(batch);
        }
        return new Result(distinct.size(), unmatched, false);
    }
}
