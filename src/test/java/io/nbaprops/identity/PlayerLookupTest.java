package io.nbaprops.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The player key: the same player from any source gets the same key. */
class PlayerLookupTest {

    @ParameterizedTest
    @CsvSource({
        // accents and letters without a decomposition
        "Nikola Jokić, Nikola Jokic",
        "Dāvis Bertāns, Davis Bertans",
        "Alperen Şengün, Alperen Sengun",
        "Bogdan Bogdanović, Bogdan Bogdanovic",
        "Kristaps Porziņģis, Kristaps Porzingis",
        "Nikola Jović, Nikola Jovic",
        "Jusuf Nurkić, Jusuf Nurkic",
        // punctuation
        "P.J. Washington, PJ Washington",
        "O.G. Anunoby, OG Anunoby",
        "D'Angelo Russell, DAngelo Russell",
        "Shai Gilgeous-Alexander, Shai Gilgeous Alexander",
        "Jae'Sean Tate, Jae Sean Tate",
        // suffixes
        "Jaren Jackson Jr., Jaren Jackson",
        "Gary Payton II, Gary Payton",
        "Robert Williams III, Robert Williams",
        "Ricky Council IV, Ricky Council",
        "Marcus Morris Sr., Marcus Morris",
        "Kevin Porter Jr, Kevin Porter",
        "Jimmy Butler III, Jimmy Butler",
        // known aliases (the canonical spelling is NBA.com's)
        "Nicolas Claxton, Nic Claxton",
        "Cameron Thomas, Cam Thomas",
        "Herb Jones, Herbert Jones",
        "Moe Wagner, Moritz Wagner",
        "Carlton Carrington, Bub Carrington",
        "Nah'Shon Hyland, Bones Hyland",
        "Ron Holland, Ronald Holland II",
        "Lu Dort, Luguentz Dort",
        "Sviatoslav Mykhailiuk, Svi Mykhailiuk",
        "Cam Johnson, Cameron Johnson",
    })
    void theSamePlayerGetsTheSameKey(String a, String b) {
        assertThat(PlayerLookup.of(a)).isEqualTo(PlayerLookup.of(b)).isNotEmpty();
    }

    @Test
    void keysAreLowerCaseLetters() {
        assertThat(PlayerLookup.of("Nicolas Claxton")).isEqualTo("nicclaxton");
        assertThat(PlayerLookup.of("  LeBron  James ")).isEqualTo("lebronjames");
        assertThat(PlayerLookup.of("Jaren Jackson Jr.")).isEqualTo("jarenjackson");
        assertThat(PlayerLookup.of("Jalen", "Williams")).isEqualTo("jalenwilliams");
        assertThat(PlayerLookup.of(null)).isNull();
    }

    @Test
    void differentPlayersStayApart() {
        assertThat(PlayerLookup.of("Jalen Williams")).isNotEqualTo(PlayerLookup.of("Jaylin Williams"));
        assertThat(PlayerLookup.of("Cam Thomas")).isNotEqualTo(PlayerLookup.of("Cam Johnson"));
    }

    @Test
    void lastFirstOrderFromThePdfs() {
        assertThat(PlayerLookup.fromLastFirst("Duke Jr., David")).isEqualTo("David Duke Jr.");
        assertThat(PlayerLookup.fromLastFirst("Payton II, Gary")).isEqualTo("Gary Payton II");
        assertThat(PlayerLookup.of(PlayerLookup.fromLastFirst("Duke Jr., David"))).isEqualTo("davidduke");
        assertThat(PlayerLookup.fromLastFirst("Nene")).isEqualTo("Nene");
    }

    @Test
    void theAliasTableIsConsistent() {
        Map<String, String> aliases = PlayerLookup.aliases();
        assertThat(aliases).hasSizeGreaterThan(10);
        aliases.forEach((alias, canonical) -> {
            assertThat(aliases).as("canonical %s must not itself be an alias", canonical).doesNotContainKey(canonical);
            assertThat(alias).isNotEqualTo(canonical).matches("[a-z]+");
        });
    }
}
