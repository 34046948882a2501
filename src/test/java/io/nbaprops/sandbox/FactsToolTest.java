package io.nbaprops.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.nbaprops.sandbox.facts.FactsCsv;
import io.nbaprops.sandbox.facts.FactsDeriver;
import io.nbaprops.sandbox.facts.LeagueFacts;
import io.nbaprops.sandbox.facts.PlayerFact;
import io.nbaprops.sandbox.facts.ScheduleFact;
import io.nbaprops.testing.Samples;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The committed fact tables are exactly what FactsTool derives from the real samples. */
class FactsToolTest {

    @Test
    void committedFactTablesEqualWhatTheSamplesDerive() throws IOException {
        LeagueFacts derived = new FactsDeriver(Samples.dir()).derive();
        assertThat(FactsCsv.writeTeams(derived.teams())).isEqualTo(resource(LeagueFacts.TEAMS));
        assertThat(FactsCsv.writeSchedule(derived.schedule())).isEqualTo(resource(LeagueFacts.SCHEDULE));
        assertThat(FactsCsv.writePlayers(derived.players())).isEqualTo(resource(LeagueFacts.PLAYERS));
    }

    @Test
    void factTablesHoldTheRealSeason() {
        LeagueFacts facts = LeagueFacts.load();
        assertThat(facts.teams()).hasSize(30);
        assertThat(facts.schedule()).hasSize(1230);
        ScheduleFact opener = facts.schedule().get(0);
        assertThat(opener.gameId()).isEqualTo("0022400061");
        assertThat(opener.home()).isEqualTo("BOS");
        assertThat(opener.away()).isEqualTo("NYK");
        assertThat(opener.realHomeScore()).isEqualTo(132);
        assertThat(facts.schedule().stream().filter(g -> g.home().equals("BOS") || g.away().equals("BOS"))).hasSize(82);
        PlayerFact curry = facts.players().stream().filter(p -> p.personId() == 201939).findFirst().orElseThrow();
        assertThat(curry.team()).isEqualTo("GSW");
        assertThat(curry.realPpg()).isEqualTo(24.5);
        assertThat(curry.realGp()).isEqualTo(70);
        PlayerFact sabonis = facts.players().stream().filter(p -> p.lastName().equals("Sabonis")).findFirst().orElseThrow();
        assertThat(sabonis.realRpg()).isEqualTo(13.9);
        assertThat(facts.teams().stream().filter(t -> t.tricode().equals("CLE")).findFirst().orElseThrow().realWins()).isEqualTo(64);
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = FactsToolTest.class.getClassLoader().getResourceAsStream(LeagueFacts.RESOURCE_DIR + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
