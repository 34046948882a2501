package io.nbaprops.source.bref;

import io.nbaprops.identity.Teams;
import io.nbaprops.source.FetchRequest;
import io.nbaprops.source.Seasons;
import java.time.LocalDate;
import java.util.Map;

/**
 * Basketball-Reference requests (config source {@code basketball_reference}; it blocks an IP for
 * an hour past ~20 requests a minute, hence the low configured rate).
 */
public final class BrRequests {
    /** Basketball-Reference's own codes where they differ from the tricode. */
    private static final Map<String, String> CODES = Map.of("BKN", "BRK", "CHA", "CHO", "PHX", "PHO");

    private BrRequests() {}

    public static FetchRequest roster(LocalDate date, Teams.Team team, String collection) {
        String code = CODES.getOrDefault(team.tricode(), team.tricode());
        return FetchRequest.builder("basketball_reference", "team_roster", "/teams/" + code + "/" + Seasons.endYear(date) + ".html")
                .partition(date).collection(collection).expect(FetchRequest.Expect.HTML).build();
    }
}
