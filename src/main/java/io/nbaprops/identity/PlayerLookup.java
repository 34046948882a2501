package io.nbaprops.identity;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The cross-source player key: the name folded to lower-case ASCII letters, accents and
 * punctuation removed, generational suffixes dropped ("Jaren Jackson Jr." and "Jaren Jackson" are
 * both {@code jarenjackson}; "Nikola Jokić" is {@code nikolajokic}). Ids join where a source has them.
 */
public final class PlayerLookup {
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SUFFIX = Pattern.compile("(?i)[\\s,]+(jr|sr|ii|iii|iv|v)\\.?$");

    private PlayerLookup() {}

    public static String of(String name) {
        if (name == null) {
            return null;
        }
        String s = name.strip();
        // Letters that do not decompose into ASCII + mark.
        s = s.replace("ø", "o").replace("Ø", "O").replace("đ", "d").replace("Đ", "D").replace("ł", "l").replace("Ł", "L")
                .replace("ß", "ss").replace("æ", "ae").replace("Æ", "AE");
        s = MARKS.matcher(Normalizer.normalize(s, Normalizer.Form.NFD)).replaceAll("");
        String prev;
        do {
            prev = s;
            s = SUFFIX.matcher(s).replaceAll("").strip();
        } while (!s.equals(prev));
        return s.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
    }

    public static String of(String first, String last) {
        return of((first == null ? "" : first) + " " + (last == null ? "" : last));
    }
}
