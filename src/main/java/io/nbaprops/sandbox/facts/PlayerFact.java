package io.nbaprops.sandbox.facts;

/**
 * One rostered player (NBA.com player index) with the real 2024-25 per-game figures the samples
 * know about him. Real figures are null where unknown: {@code realRpg}/{@code realGp} come from
 * the rebounding leaders, the full line from season averages. {@code leadGames}/{@code leadPtsMean}
 * count the 2024-25 regular-season games in which he was the game's top scorer and his mean points
 * in them (from the schedule's points leaders): a hint of scoring level, not a real average.
 */
public record PlayerFact(long personId, Long bdlId, String firstName, String lastName, String team, String position,
        String jersey, String height, String weight, String college, String country, Integer draftYear,
        Integer draftRound, Integer draftNumber, int fromYear, Integer realGp, Double realMin, Double realPpg,
        Double realRpg, Double realApg, Double realFg3m, Double realFga, Double realFgm, Double realFg3a,
        Double realFta, Double realFtm, Double realOreb, Double realStl, Double realBlk, Double realTov,
        Double realPf, int leadGames, Double leadPtsMean) {

    public String fullName() {
        return firstName.isEmpty() ? lastName : firstName + " " + lastName;
    }
}
