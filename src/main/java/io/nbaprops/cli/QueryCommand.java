package io.nbaprops.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.nbaprops.store.ReadOnlyQuery;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Parameters;

@Command(name = "query", mixinStandardHelpOptions = true,
        description = {"Runs one read-only SQL query against the warehouse and prints the result.",
            "Statements that could write (INSERT, UPDATE, DELETE, DROP, COPY, ATTACH, ...) are refused, and the",
            "warehouse is opened read-only as well. While `nbaprops serve` holds a DuckDB file, the query goes through the",
            "service (loopback), with the same output."})
final class QueryCommand implements Callable<Integer> {
    @Mixin
    ConfigOption config;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SQL")
    String sql;

    @ArgGroup(exclusive = true)
    Format format = new Format();

    static final class Format {
        @Option(names = "--json", description = "Print a JSON array of objects.")
        boolean json;

        @Option(names = "--csv", description = "Print CSV with a header line.")
        boolean csv;
    }

    @Option(names = "--max-rows", defaultValue = "10000", description = "Stop after this many rows (default ${DEFAULT-VALUE}).")
    int maxRows;

    @Override
    public Integer call() throws IOException {
        ReadOnlyQuery.Result r;
        try {
            io.nbaprops.store.SqlGuard.requireReadOnly(sql);
        } catch (IllegalArgumentException e) {
            spec.commandLine().getErr().println("query refused: " + e.getMessage());
            return 2;
        }
        try (ConfigOption.ReadLease w = config.readOnly()) {
            r = ReadOnlyQuery.run(w.warehouse(), sql, maxRows);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (format.json) {
            out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(r.rows()));
        } else if (format.csv) {
            try (CSVPrinter p = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader(r.columns().toArray(String[]::new)).get())) {
                for (var row : r.rows()) {
                    p.printRecord(row.values());
                }
            }
        } else {
            Terminal.table(out, r.columns(), r.rows());
            out.println("(" + r.rows().size() + " row" + (r.rows().size() == 1 ? "" : "s") + (r.truncated() ? ", truncated" : "") + ")");
        }
        return 0;
    }
}
