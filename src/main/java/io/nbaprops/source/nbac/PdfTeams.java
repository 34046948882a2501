package io.nbaprops.source.nbac;

import io.nbaprops.identity.Teams;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Team names as NBA.com PDFs print them ("LA Clippers", "Golden State Warriors"), longest first for prefix matching. */
final class PdfTeams {
    private static final List<String> NAMES = names();

    private PdfTeams() {}

    private static List<String> names() {
        List<String> n = new ArrayList<>();
        for (Teams.Team t : Teams.ALL) {
            n.add(t.fullName());
        }
        n.add("Los Angeles Clippers");
        n.sort(Comparator.comparingInt(String::length).reversed());
        return n;
    }

    /** The team name {@code line} starts with (followed by a space or the end), or null. */
    static String prefix(String line) {
        for (String n : NAMES) {
            if (line.startsWith(n) && (line.length() == n.length() || line.charAt(n.length()) == ' ')) {
                return n;
            }
        }
        return null;
    }
}
