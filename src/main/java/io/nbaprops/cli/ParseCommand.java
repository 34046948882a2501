package io.nbaprops.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.nbaprops.source.ParseContext;
import io.nbaprops.source.ParseException;
import io.nbaprops.source.ParsedRows;
import io.nbaprops.source.Parsers;
import io.nbaprops.source.PayloadParser;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.zip.GZIPInputStream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code nbaprops parse SOURCE FILE}: parses one payload file (plain or gzip) with the named
 * source's parser and prints the normalised rows as JSON lines, one object per row with a "table"
 * field; notes on skipped input go to stderr. {@code nbaprops parse --list} lists the source names.
 * A payload that does not parse prints the parser's message (source, file, field path, what) and
 * exits with 2.
 */
@Command(name = "parse", mixinStandardHelpOptions = true,
        description = "Parse one payload file with a source's parser and print the rows as JSON lines.")
public final class ParseCommand implements Callable<Integer> {
    static final int PARSE_ERROR = 2;
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    @Option(names = "--list", description = "List the source names and exit.")
    boolean list;

    @Parameters(index = "0", arity = "0..1", paramLabel = "SOURCE", description = "Source name (see --list), e.g. bdl_box_scores.")
    String source;

    @Parameters(index = "1", arity = "0..1", paramLabel = "FILE", description = "Payload file; .gz (or gzip content) is unzipped.")
    Path file;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (list) {
            Parsers.names().forEach(out::println);
            out.flush();
            return 0;
        }
        if (source == null || file == null) {
            err.println("usage: parse SOURCE FILE, or parse --list");
            err.flush();
            return CommandLine.ExitCode.USAGE;
        }
        Optional<PayloadParser> parser = Parsers.find(source);
        if (parser.isEmpty()) {
            err.println("unknown source '" + source + "'; `parse --list` shows the names");
            err.flush();
            return CommandLine.ExitCode.USAGE;
        }
        byte[] payload;
        try {
            payload = read(file);
        } catch (IOException e) {
            err.println("cannot read " + file + ": " + e.getMessage());
            err.flush();
            return CommandLine.ExitCode.SOFTWARE;
        }
        ParsedRows rows;
        try {
            rows = parser.get().parse(payload, ParseContext.ofFile(source, file.getFileName().toString()));
        } catch (ParseException e) {
            err.println(e.getMessage());
            err.flush();
            return PARSE_ERROR;
        }
        try {
            for (Map.Entry<String, List<Map<String, Object>>> t : rows.tables().entrySet()) {
                for (Map<String, Object> r : t.getValue()) {
                    Map<String, Object> line = new LinkedHashMap<>();
                    line.put("table", t.getKey());
                    line.putAll(r);
                    out.println(JSON.writeValueAsString(line));
                }
            }
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a row as JSON", e);
        }
        rows.skipped().forEach(s -> err.println("skipped: " + s));
        out.flush();
        err.flush();
        return 0;
    }

    /** The file's bytes, gunzipped when the name ends in .gz or the content starts with the gzip magic. */
    static byte[] read(Path file) throws IOException {
        byte[] raw = Files.readAllBytes(file);
        boolean gzip = file.toString().endsWith(".gz") || (raw.length > 2 && (raw[0] & 0xff) == 0x1f && (raw[1] & 0xff) == 0x8b);
        if (!gzip) {
            return raw;
        }
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(raw))) {
            return in.readAllBytes();
        }
    }

    /** For running the command on its own (the integrator registers it in Main). */
    public static void main(String[] args) {
        System.exit(new CommandLine(new ParseCommand()).execute(args));
    }
}
