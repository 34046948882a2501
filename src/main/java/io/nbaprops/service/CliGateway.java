package io.nbaprops.service;

import java.util.List;

/**
 * Runs a CLI command inside the service, on the service's platform, for a CLI that found the warehouse held by the
 * service ({@code POST /api/cli/{command}}). The command's output and exit code travel back as they are, so the
 * user sees exactly what the command prints when it opens the warehouse itself.
 */
@FunctionalInterface
public interface CliGateway {
    /** Commands that only read; the rest write and need the API key. */
    List<String> READS = List.of("status", "query", "evaluate");
    /** Every command that may run through the service. */
    List<String> COMMANDS = List.of("status", "query", "evaluate", "export", "grade", "run", "backfill");

    /** What the command printed and returned. */
    record Result(int exitCode, String out, String err) {}

    Result run(String command, List<String> args);
}
