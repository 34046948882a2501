package io.nbaprops.sandbox;

/**
 * A team of the sandbox league. {@code pace} is possessions per 48 minutes; {@code offense} and
 * {@code defense} are the multipliers the team applies to its own and its opponents' shooting.
 */
public record LeagueTeam(int index, String tricode, long nbaTeamId, int bdlId, String city, String name,
        String conference, String division, String slug, String arena, String arenaCity, String arenaState, double pace,
        double offense, double defense) {

    public String fullName() {
        return city + " " + name;
    }
}
