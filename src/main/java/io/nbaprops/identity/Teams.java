package io.nbaprops.identity;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The 30 teams and the spellings sources use for them, mapped to NBA.com tricodes. */
public final class Teams {
    public record Team(String tricode, String city, String nickname, String conference, String division,
            double latitude, double longitude, String timeZone) {
        public String fullName() {
            return city + " " + nickname;
        }
    }

    public static final List<Team> ALL = List.of(
            new Team("ATL", "Atlanta", "Hawks", "East", "Southeast", 33.757, -84.396, "America/New_York"),
            new Team("BOS", "Boston", "Celtics", "East", "Atlantic", 42.366, -71.062, "America/New_York"),
            new Team("BKN", "Brooklyn", "Nets", "East", "Atlantic", 40.683, -73.976, "America/New_York"),
            new Team("CHA", "Charlotte", "Hornets", "East", "Southeast", 35.225, -80.839, "America/New_York"),
            new Team("CHI", "Chicago", "Bulls", "East", "Central", 41.881, -87.674, "America/Chicago"),
            new Team("CLE", "Cleveland", "Cavaliers", "East", "Central", 41.496, -81.688, "America/New_York"),
            new Team("DAL", "Dallas", "Mavericks", "West", "Southwest", 32.790, -96.810, "America/Chicago"),
            new Team("DEN", "Denver", "Nuggets", "West", "Northwest", 39.749, -105.008, "America/Denver"),
            new Team("DET", "Detroit", "Pistons", "East", "Central", 42.341, -83.055, "America/New_York"),
            new Team("GSW", "Golden State", "Warriors", "West", "Pacific", 37.768, -122.388, "America/Los_Angeles"),
            new Team("HOU", "Houston", "Rockets", "West", "Southwest", 29.751, -95.362, "America/Chicago"),
            new Team("IND", "Indiana", "Pacers", "East", "Central", 39.764, -86.156, "America/New_York"),
            new Team("LAC", "LA", "Clippers", "West", "Pacific", 33.945, -118.343, "America/Los_Angeles"),
            new Team("LAL", "Los Angeles", "Lakers", "West", "Pacific", 34.043, -118.267, "America/Los_Angeles"),
            new Team("MEM", "Memphis", "Grizzlies", "West", "Southwest", 35.138, -90.051, "America/Chicago"),
            new Team("MIA", "Miami", "Heat", "East", "Southeast", 25.781, -80.188, "America/New_York"),
            new Team("MIL", "Milwaukee", "Bucks", "East", "Central", 43.045, -87.917, "America/Chicago"),
            new Team("MIN", "Minnesota", "Timberwolves", "West", "Northwest", 44.979, -93.276, "America/Chicago"),
            new Team("NOP", "New Orleans", "Pelicans", "West", "Southwest", 29.949, -90.082, "America/Chicago"),
            new Team("NYK", "New York", "Knicks", "East", "Atlantic", 40.751, -73.993, "America/New_York"),
            new Team("OKC", "Oklahoma City", "Thunder", "West", "Northwest", 35.463, -97.515, "America/Chicago"),
            new Team("ORL", "Orlando", "Magic", "East", "Southeast", 28.539, -81.384, "America/New_York"),
            new Team("PHI", "Philadelphia", "76ers", "East", "Atlantic", 39.901, -75.172, "America/New_York"),
            new Team("PHX", "Phoenix", "Suns", "West", "Pacific", 33.446, -112.071, "America/Phoenix"),
            new Team("POR", "Portland", "Trail Blazers", "West", "Northwest", 45.532, -122.667, "America/Los_Angeles"),
            new Team("SAC", "Sacramento", "Kings", "West", "Pacific", 38.580, -121.500, "America/Los_Angeles"),
            new Team("SAS", "San Antonio", "Spurs", "West", "Southwest", 29.427, -98.438, "America/Chicago"),
            new Team("TOR", "Toronto", "Raptors", "East", "Atlantic", 43.643, -79.379, "America/Toronto"),
            new Team("UTA", "Utah", "Jazz", "West", "Northwest", 40.768, -111.901, "America/Denver"),
            new Team("WAS", "Washington", "Wizards", "East", "Southeast", 38.898, -77.021, "America/New_York"));

    private static final Map<String, Team> BY_ALIAS = new HashMap<>();

    /** NBA.com team ids (1610612737..66), the id every NBA.com feed uses. */
    private static final Map<String, Long> NBA_IDS = Map.ofEntries(
            Map.entry("ATL", 1610612737L), Map.entry("BOS", 1610612738L), Map.entry("CLE", 1610612739L),
            Map.entry("NOP", 1610612740L), Map.entry("CHI", 1610612741L), Map.entry("DAL", 1610612742L),
            Map.entry("DEN", 1610612743L), Map.entry("GSW", 1610612744L), Map.entry("HOU", 1610612745L),
            Map.entry("LAC", 1610612746L), Map.entry("LAL", 1610612747L), Map.entry("MIA", 1610612748L),
            Map.entry("MIL", 1610612749L), Map.entry("MIN", 1610612750L), Map.entry("BKN", 1610612751L),
            Map.entry("NYK", 1610612752L), Map.entry("ORL", 1610612753L), Map.entry("IND", 1610612754L),
            Map.entry("PHI", 1610612755L), Map.entry("PHX", 1610612756L), Map.entry("POR", 1610612757L),
            Map.entry("SAC", 1610612758L), Map.entry("SAS", 1610612759L), Map.entry("OKC", 1610612760L),
            Map.entry("TOR", 1610612761L), Map.entry("UTA", 1610612762L), Map.entry("MEM", 1610612763L),
            Map.entry("WAS", 1610612764L), Map.entry("DET", 1610612765L), Map.entry("CHA", 1610612766L));

    static {
        for (Team t : ALL) {
            alias(t, t.tricode());
            alias(t, t.fullName());
            alias(t, t.nickname());
        }
        Map<String, String> extra = Map.ofEntries(
                Map.entry("Los Angeles Clippers", "LAC"), Map.entry("L.A. Clippers", "LAC"), Map.entry("LA Lakers", "LAL"),
                Map.entry("GS", "GSW"), Map.entry("GOS", "GSW"), Map.entry("NY", "NYK"), Map.entry("NO", "NOP"),
                Map.entry("NOR", "NOP"), Map.entry("SA", "SAS"), Map.entry("UTAH", "UTA"), Map.entry("UTH", "UTA"),
                Map.entry("WSH", "WAS"), Map.entry("PHO", "PHX"), Map.entry("BRK", "BKN"), Map.entry("BKLYN", "BKN"),
                Map.entry("CHO", "CHA"), Map.entry("CHH", "CHA"), Map.entry("NJN", "BKN"), Map.entry("SEA", "OKC"),
                Map.entry("NOH", "NOP"), Map.entry("Philadelphia Sixers", "PHI"), Map.entry("Sixers", "PHI"));
        extra.forEach((alias, code) -> alias(byTricode(code).orElseThrow(), alias));
    }

    private Teams() {}

    private static void alias(Team t, String alias) {
        BY_ALIAS.put(normalise(alias), t);
    }

    private static String normalise(String s) {
        return s.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "");
    }

    public static Optional<Team> byTricode(String code) {
        return ALL.stream().filter(t -> t.tricode().equals(code)).findFirst();
    }

    /** Any known spelling (tricode, other codes, full name, nickname) to the team. */
    public static Optional<Team> find(String any) {
        return any == null ? Optional.empty() : Optional.ofNullable(BY_ALIAS.get(normalise(any)));
    }

    /** The team of an NBA.com team id (e.g. 1610612744 is GSW). */
    public static Optional<Team> byNbaId(long nbaTeamId) {
        return NBA_IDS.entrySet().stream().filter(e -> e.getValue() == nbaTeamId).findFirst()
                .flatMap(e -> byTricode(e.getKey()));
    }

    /** The NBA.com team id of a tricode. */
    public static long nbaId(String tricode) {
        Long id = NBA_IDS.get(tricode);
        if (id == null) {
            throw new IllegalArgumentException("no NBA.com id for '" + tricode + "'");
        }
        return id;
    }

    /**
     * The team of a balldontlie team id. balldontlie numbers the 30 current franchises 1..30 in
     * alphabetical order of city (the order of {@link #ALL}); ids above 30 are defunct franchises.
     */
    public static Optional<Team> byBdlId(long bdlTeamId) {
        return bdlTeamId >= 1 && bdlTeamId <= ALL.size() ? Optional.of(ALL.get((int) bdlTeamId - 1)) : Optional.empty();
    }

    /** The tricode for any known spelling; throws naming the spelling when unknown. */
    public static String tricode(String any) {
        return find(any).map(Team::tricode)
                .orElseThrow(() -> new IllegalArgumentException("unknown team '" + any + "'"));
    }
}
