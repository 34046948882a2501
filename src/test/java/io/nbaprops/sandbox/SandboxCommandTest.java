package io.nbaprops.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.nbaprops.cli.SandboxCommand;
import io.nbaprops.sandbox.report.SandboxReport;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The {@code sandbox} command line and its report. */
class SandboxCommandTest {

    private static String[] run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(new SandboxCommand());
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        return new String[] {String.valueOf(code), out.toString(), err.toString()};
    }

    @Test
    void helpListsTheSubcommandsAndOptions() {
        String[] r = run("--help");
        assertThat(r[0]).isEqualTo("0");
        assertThat(r[1]).contains("serve", "report");
        String[] serve = run("serve", "--help");
        assertThat(serve[1]).contains("--port", "--seed", "--clock", "8090", "2024");
        assertThat(run("report", "--help")[1]).contains("--seed");
    }

    @Test
    void aBadClockIsRejectedBeforeAnythingStarts() {
        assertThat(run("serve", "--clock", "tomorrow")[0]).isEqualTo("2");
    }

    @Test
    void reportShowsGeneratedFiguresNextToRealOnes() {
        String text = SandboxReport.render(SandboxReport.compute(TestLeagues.get(2024)));
        assertThat(text).contains("Stephen Curry", "24.5", "home win rate", "54.4%", "oracle", "draftkings",
                "Domantas Sabonis", "13.9", "starters");
    }
}
