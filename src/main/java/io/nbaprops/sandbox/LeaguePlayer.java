package io.nbaprops.sandbox;

/**
 * A player of the sandbox league: his real identity (NBA.com person id, balldontlie id where
 * known, bio) and the healthy-rotation role the generator gave him. {@code lookup} is
 * {@link io.nbaprops.identity.PlayerLookup#of(String)} of the full name.
 */
public record LeaguePlayer(int index, long personId, long bdlId, String firstName, String lastName, String fullName,
        String lookup, String team, String position, String jersey, String height, String weight, String college,
        String country, Integer draftYear, Integer draftRound, Integer draftNumber, int fromYear, Role role,
        double baseMinutes) {}
