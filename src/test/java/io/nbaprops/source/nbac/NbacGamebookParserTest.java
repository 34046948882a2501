package io.nbaprops.source.nbac;

import static io.nbaprops.source.SampleParse.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nbaprops.engine.RetryableError;
import io.nbaprops.source.IncompletePayloadException;
import io.nbaprops.source.ParseContext;
import io.nbaprops.source.ParsedRows;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.junit.jupiter.api.Test;

/**
 * The game-book parser on a PDF written in the game book's text layout (our only captured book is
 * damaged; see NbacSamplesTest). The lines follow the official book of MEM@CLE, 2024-04-10.
 */
class NbacGamebookParserTest {
    private static final List<String> BOOK = List.of(
            "NBA Official Scorer's Report",
            "Wednesday, April 10, 2024 Rocket Mortgage FieldHouse, Cleveland, OH",
            "Officials: #24 Kevin Scott, #36 Brent Barnaky, #41 Nate Green",
            "Game Duration: 2:10",
            "Attendance: 19432 (Sellout)",
            "VISITOR: Memphis Grizzlies (27-54)",
            "NO PLAYER POS MIN FG FGA 3P 3PA FT FTA OR DR TOT A PF ST TO BS +/- PTS",
            "45 GG Jackson F 35:42 7 21 2 10 6 6 0 2 2 2 2 2 1 1 -13 22",
            "22 Jake LaRavia F 40:00 10 18 8 11 4 5 1 6 7 1 1 2 5 1 -16 32",
            "7 Santi Aldama NWT - Injury/Illness - Right Foot; Strain",
            "Inactive: Grizzlies - Morant (Injury/Illness - Right Shoulder; Labral Repair), Smart (Injury/Illness -",
            "Right Finger; Surgery), Jackson Jr. (Injury/Illness - Left Quadriceps; Strain)",
            "HOME: Cleveland Cavaliers (47-34)",
            "32 Dean Wade F 20:15 2 4 1 3 0 0 1 3 4 1 2 0 0 0 5 5",
            "24 Marcus Morris Sr. DNP - Coach's Decision",
            "Inactive: Cavaliers - Mitchell (Injury/Illness - Left Knee; Injury Management)");

    static byte[] pdf(List<String> lines) throws IOException {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage();
            doc.addPage(page);
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                cs.beginText();
                cs.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 8);
                cs.setLeading(11);
                cs.newLineAtOffset(20, 760);
                for (String l : lines) {
                    cs.showText(l);
                    cs.newLine();
                }
                cs.endText();
            }
            doc.save(out);
            return out.toByteArray();
        }
    }

    @Test
    void activePlayersDnpAndInactivesWithReasons() throws IOException {
        ParsedRows rows = new NbacGamebookParser().parse(pdf(BOOK), ParseContext.ofFile("nbac_gamebook_pdf", "book.pdf"));
        assertThat(row(rows, "nbac_gamebook_game", "game_key", "20240410_MEM_CLE")).containsEntry("attendance", 19432)
                .containsEntry("duration", "2:10").containsEntry("active_players", 3).containsEntry("not_playing_players", 6)
                .containsEntry("game_date", LocalDate.of(2024, 4, 10))
                .containsEntry("arena", "Rocket Mortgage FieldHouse, Cleveland, OH");
        assertThat(row(rows, "nbac_gamebook_player", "player_lookup", "jakelaravia")).containsEntry("pts", 32)
                .containsEntry("fg3m", 8).containsEntry("minutes", 40.0).containsEntry("plus_minus", -16).containsEntry("team", "MEM");
        assertThat(row(rows, "nbac_gamebook_player", "player_lookup", "ggjackson")).containsEntry("pts", 22)
                .containsEntry("position", "F");
        assertThat(row(rows, "nbac_gamebook_player", "player_lookup", "santialdama")).containsEntry("status", "nwt")
                .containsEntry("reason", "NWT - Injury/Illness - Right Foot; Strain");
        assertThat(row(rows, "nbac_gamebook_player", "player_lookup", "marcusmorris")).containsEntry("status", "dnp")
                .containsEntry("reason", "DNP - Coach's Decision").containsEntry("team", "CLE");
        // The inactive list wrapped onto a second line; entries give last names only.
        assertThat(row(rows, "nbac_gamebook_player", "player_lookup", "smart")).containsEntry("status", "inactive")
                .containsEntry("reason", "Injury/Illness - Right Finger; Surgery").containsEntry("name_is_partial", true);
        assertThat(row(rows, "nbac_gamebook_player", "player_lookup", "morant"))
                .containsEntry("reason", "Injury/Illness - Right Shoulder; Labral Repair");
        assertThat(row(rows, "nbac_gamebook_player", "player_lookup", "jackson")).containsEntry("team", "MEM");
        assertThat(row(rows, "nbac_gamebook_player", "player_lookup", "mitchell")).containsEntry("team", "CLE")
                .containsEntry("reason", "Injury/Illness - Left Knee; Injury Management");
    }

    @Test
    void aBookWithoutActivePlayersIsIncompleteAndRetryable() throws IOException {
        List<String> noActive = BOOK.stream().filter(l -> !l.matches("^\\d+ .* \\d{1,2}:\\d{2} .*")).toList();
        assertThatThrownBy(() -> new NbacGamebookParser().parse(pdf(noActive), ParseContext.ofFile("nbac_gamebook_pdf", "b.pdf")))
                .isInstanceOf(IncompletePayloadException.class)
                .hasMessageContaining("20240410_MEM_CLE").hasMessageContaining("no active player")
                .matches(e -> ((RetryableError) e).isRetryable());
    }
}
