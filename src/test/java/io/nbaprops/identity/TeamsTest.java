package io.nbaprops.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Team codes across sources, and the game key. */
class TeamsTest {

    @ParameterizedTest
    @CsvSource({
        // ESPN abbreviations
        "GS, GSW", "NY, NYK", "SA, SAS", "NO, NOP", "UTAH, UTA", "WSH, WAS", "BKN, BKN",
        // Basketball-Reference codes
        "BRK, BKN", "CHO, CHA", "PHO, PHX",
        // The Odds API full names
        "Golden State Warriors, GSW", "Los Angeles Clippers, LAC", "LA Clippers, LAC", "Philadelphia 76ers, PHI",
        "Portland Trail Blazers, POR",
        // nicknames (game-book inactive lists)
        "Grizzlies, MEM", "Cavaliers, CLE", "Sixers, PHI",
        // case and punctuation
        "okc, OKC", "l.a. clippers, LAC"})
    void everySpellingMapsToTheTricode(String spelling, String tricode) {
        assertThat(Teams.tricode(spelling)).isEqualTo(tricode);
    }

    @Test
    void unknownTeamsAreNotGuessed() {
        assertThat(Teams.find("NZB")).isEmpty();
        assertThat(Teams.find("Team LeBron")).isEmpty();
        assertThat(Teams.find(null)).isEmpty();
    }

    @Test
    void nbaAndBalldontlieIds() {
        assertThat(Teams.byNbaId(1610612744L)).map(Teams.Team::tricode).contains("GSW");
        assertThat(Teams.nbaId("CHA")).isEqualTo(1610612766L);
        for (Teams.Team t : Teams.ALL) {
            assertThat(Teams.byNbaId(Teams.nbaId(t.tricode()))).contains(t);
        }
        assertThat(Teams.byBdlId(1)).map(Teams.Team::tricode).contains("ATL");
        assertThat(Teams.byBdlId(13)).map(Teams.Team::tricode).contains("LAC");
        assertThat(Teams.byBdlId(30)).map(Teams.Team::tricode).contains("WAS");
        // balldontlie 42 is the 1940s Washington Capitols, also "WAS" there.
        assertThat(Teams.byBdlId(42)).isEmpty();
    }

    @Test
    void gameKeysUseTheEasternDate() {
        assertThat(GameKey.of(LocalDate.of(2025, 1, 15), "NYK", "PHI")).isEqualTo("20250115_NYK_PHI");
        // 03:20 UTC on the 25th is 10:20 pm on the 24th in New York.
        assertThat(GameKey.of(Instant.parse("2024-01-25T03:20:30Z"), "ATL", "GSW")).isEqualTo("20240124_ATL_GSW");
        assertThat(GameKey.isValid("20240124_ATL_GSW")).isTrue();
        assertThat(GameKey.isValid("2024-01-24_ATL_GSW")).isFalse();
        assertThat(GameKey.of((LocalDate) null, "ATL", "GSW")).isNull();
    }
}
