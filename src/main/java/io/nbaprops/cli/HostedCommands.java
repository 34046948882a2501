package io.nbaprops.cli;

import io.nbaprops.app.Platform;
import io.nbaprops.service.CliGateway;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * The service's side of a forwarded CLI command: the same picocli command, run on the service's platform (never
 * closed by it), printing into buffers that travel back to the CLI with the exit code.
 */
final class HostedCommands implements CliGateway {
    private final Platform platform;

    HostedCommands(Platform platform) {
        this.platform = platform;
    }

    @Override
    public Result run(String command, List<String> args) {
        if (!COMMANDS.contains(command)) {
            throw new IllegalArgumentException(command + " does not run through the service");
        }
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        List<String> argv = new ArrayList<>();
        argv.add(command);
        argv.addAll(args);
        ConfigOption.HOSTED.set(platform);
        try (PrintWriter o = new PrintWriter(out); PrintWriter e = new PrintWriter(err)) {
            int code = Main.execute(o, e, argv.toArray(String[]::new));
            o.flush();
            e.flush();
            return new Result(code, out.toString(), err.toString());
        } finally {
            ConfigOption.HOSTED.remove();
        }
    }
}
