package io.nbaprops.source.bref;

import static io.nbaprops.source.SampleParse.parse;
import static io.nbaprops.source.SampleParse.row;
import static org.assertj.core.api.Assertions.assertThat;

import io.nbaprops.source.ParsedRows;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The Basketball-Reference roster format examples: plain, unicode names, suffixes. */
class BrRosterTest {

    @Test
    void lakersRoster() {
        ParsedRows rows = parse("br_roster", "_format_examples", "br_roster_raw.html");
        assertThat(rows.rows("br_roster")).hasSize(6).allMatch(r -> "LAL".equals(r.get("team")) && "2024-25".equals(r.get("season")));
        assertThat(row(rows, "br_roster", "br_player_id", "jamesle01")).containsEntry("player_name", "LeBron James")
                .containsEntry("birth_date", LocalDate.of(1984, 12, 30)).containsEntry("experience_years", 21)
                .containsEntry("college", null).containsEntry("weight_lbs", 250);
        assertThat(row(rows, "br_roster", "br_player_id", "russeda01")).containsEntry("player_lookup", "dangelorussell");
    }

    @Test
    void unicodeNamesFoldToTheSameKeyAsAsciiSources() {
        ParsedRows rows = parse("br_roster", "_format_examples", "br_roster_unicode.html");
        assertThat(row(rows, "br_roster", "br_player_id", "bertada01")).containsEntry("player_name", "Dāvis Bertāns")
                .containsEntry("player_lookup", "davisbertans").containsEntry("team", "WAS");
        assertThat(row(rows, "br_roster", "br_player_id", "jokicni01")).containsEntry("player_lookup", "nikolajokic");
        assertThat(row(rows, "br_roster", "br_player_id", "bogdabo01")).containsEntry("player_lookup", "bogdanbogdanovic");
    }

    @Test
    void suffixesAndAliases() {
        ParsedRows rows = parse("br_roster", "_format_examples", "br_roster_suffix.html");
        assertThat(row(rows, "br_roster", "br_player_id", "porteke02")).containsEntry("player_name", "Kevin Porter Jr.")
                .containsEntry("player_lookup", "kevinporter");
        assertThat(row(rows, "br_roster", "br_player_id", "paynega01")).containsEntry("player_lookup", "garypayton");
        // "Moe Wagner" is NBA.com's "Moritz Wagner".
        assertThat(row(rows, "br_roster", "br_player_id", "wagnemo01")).containsEntry("player_lookup", "moritzwagner");
        // The page names no team: rows are produced, the gap is reported.
        assertThat(rows.skipped()).anySatisfy(s -> assertThat(s).contains("names no NBA team"));
        assertThat(row(rows, "br_roster", "br_player_id", "tatumja01")).containsEntry("team", null);
    }
}
