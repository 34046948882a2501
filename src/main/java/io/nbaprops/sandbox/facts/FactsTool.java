package io.nbaprops.sandbox.facts;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Regenerates the committed fact tables from the real samples:
 * {@code java -cp ... io.nbaprops.sandbox.facts.FactsTool [samplesDir] [outDir]}
 * (defaults {@code ../shared/samples} and {@code src/main/resources/sandbox}). Only developers run
 * it; the sandbox itself never needs the samples.
 */
public final class FactsTool {
    private FactsTool() {}

    public static void main(String[] args) throws IOException {
        Path samples = Path.of(args.length > 0 ? args[0] : "../shared/samples");
        Path out = Path.of(args.length > 1 ? args[1] : "src/main/resources/sandbox");
        LeagueFacts facts = new FactsDeriver(samples).derive();
        Files.createDirectories(out);
        write(out.resolve(LeagueFacts.TEAMS), FactsCsv.writeTeams(facts.teams()));
        write(out.resolve(LeagueFacts.SCHEDULE), FactsCsv.writeSchedule(facts.schedule()));
        write(out.resolve(LeagueFacts.PLAYERS), FactsCsv.writePlayers(facts.players()));
        System.out.printf("wrote %d teams, %d games, %d players to %s%n", facts.teams().size(), facts.schedule().size(),
                facts.players().size(), out.toAbsolutePath());
    }

    private static void write(Path file, String content) throws IOException {
        Files.writeString(file, content, StandardCharsets.UTF_8);
    }
}
