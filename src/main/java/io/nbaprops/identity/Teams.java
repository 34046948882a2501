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

    /** The tricode for any known spelling; throws naming the spelling when unknown. */
    public static String tricode(String any) {
        return find(any).map(Team::tricode)
                .orElseThrow(() -> new IllegalArgumentException("unknown team '" + any + "'"));
    }
}
