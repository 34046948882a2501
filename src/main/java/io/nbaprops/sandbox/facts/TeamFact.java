package io.nbaprops.sandbox.facts;

/** One team: identities in each source, its home arena, and its real 2024-25 regular-season results. */
public record TeamFact(String tricode, long nbaTeamId, int bdlId, String city, String name, String conference,
        String division, String slug, String arena, String arenaCity, String arenaState, int realGames,
        double realPpg, double realOppPpg, int realWins, int realHomeWins, int realHomeGames) {

    public String fullName() {
        return city + " " + name;
    }
}
