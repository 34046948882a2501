package io.nbaprops.sandbox.facts;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The compact fact tables the sandbox is built on (teams, the real regular-season schedule,
 * rosters with real per-game figures), committed under {@code src/main/resources/sandbox/} and
 * derived from the real samples by {@link FactsTool}. The runtime reads only these.
 */
public record LeagueFacts(List<TeamFact> teams, List<ScheduleFact> schedule, List<PlayerFact> players) {
    public static final String RESOURCE_DIR = "sandbox/";
    public static final String TEAMS = "teams.csv";
    public static final String SCHEDULE = "schedule.csv";
    public static final String PLAYERS = "players.csv";

    public LeagueFacts {
        teams = List.copyOf(teams);
        schedule = List.copyOf(schedule);
        players = List.copyOf(players);
    }

    /** The committed facts from the classpath. */
    public static LeagueFacts load() {
        return new LeagueFacts(FactsCsv.readTeams(resource(TEAMS)), FactsCsv.readSchedule(resource(SCHEDULE)),
                FactsCsv.readPlayers(resource(PLAYERS)));
    }

    private static String resource(String name) {
        String path = RESOURCE_DIR + name;
        try (InputStream in = LeagueFacts.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("sandbox fact table " + path + " is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }
}
