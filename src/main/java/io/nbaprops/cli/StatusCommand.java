package io.nbaprops.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.nbaprops.app.Platform;
import io.nbaprops.engine.Asset;
import io.nbaprops.engine.PartitionState;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "status", mixinStandardHelpOptions = true,
        description = {"Shows the last run state of every asset, as a grid of assets x game dates,",
            "or, with --date, one line per asset with its reason, rows and last update."})
final class StatusCommand implements Callable<Integer> {
    @Mixin
    ConfigOption config;

    @Spec
    CommandSpec spec;

    @Option(names = "--date", paramLabel = "YYYY-MM-DD", description = "One date in detail.")
    LocalDate date;

    @Option(names = "--days", defaultValue = "10", description = "Dates shown in the grid (the most recent; default ${DEFAULT-VALUE}).")
    int days;

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        try (ConfigOption.Lease lease = config.lease()) {
            Platform p = lease.platform();
            List<Asset> assets = p.engine().graph().ordered();
            if (date != null) {
                return detail(p, assets, out);
            }
            List<PartitionState> states = p.engine().store().states(LocalDate.of(1900, 1, 1), LocalDate.of(2999, 1, 1));
            TreeSet<LocalDate> dates = new TreeSet<>();
            states.forEach(s -> dates.add(s.partitionDate()));
            List<LocalDate> shown = new ArrayList<>(dates.descendingSet()).subList(0, Math.min(days, dates.size()));
            java.util.Collections.reverse(shown);
            if (json) {
                List<PartitionState> sel = states.stream().filter(s -> shown.contains(s.partitionDate())).toList();
                out.println(mapper().writeValueAsString(sel));
                return 0;
            }
            if (shown.isEmpty()) {
                out.println("nothing has run yet (try: nbaprops demo --days 3)");
                return 0;
            }
            Map<String, Map<LocalDate, String>> grid = new LinkedHashMap<>();
            for (PartitionState s : states) {
                grid.computeIfAbsent(s.asset(), k -> new LinkedHashMap<>()).put(s.partitionDate(), s.state());
            }
            List<String> cols = new ArrayList<>();
            cols.add("asset");
            shown.forEach(d -> cols.add(d.toString().substring(5)));
            List<Map<String, Object>> rows = new ArrayList<>();
            for (Asset a : assets) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("asset", a.name());
                for (LocalDate d : shown) {
                    row.put(d.toString().substring(5), symbol(grid.getOrDefault(a.name(), Map.of()).get(d)));
                }
                rows.add(row);
            }
            Terminal.table(out, cols, rows);
            out.println("ok = success, FAIL = failed, TIME = timed out, wait = waiting for inputs, run = running, "
                    + "ABND = abandoned, . = never ran");
            return 0;
        }
    }

    private int detail(Platform p, List<Asset> assets, PrintWriter out) throws Exception {
        Map<String, PartitionState> states = p.engine().store().states(date);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Asset a : assets) {
            PartitionState s = states.get(a.name());
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("asset", a.name());
            row.put("phase", a.phase().name().toLowerCase());
            row.put("state", s == null ? "never ran" : s.state());
            row.put("rows", s == null ? null : s.lastRowsWritten());
            row.put("failures", s == null ? null : s.failuresSinceSuccess());
            row.put("updated_at", s == null ? null : s.updatedAt());
            row.put("reason", s == null ? null : s.reason());
            rows.add(row);
        }
        if (json) {
            out.println(mapper().writeValueAsString(rows));
        } else {
            Terminal.table(out, List.of("asset", "phase", "state", "rows", "failures", "updated_at", "reason"), rows);
        }
        return 0;
    }

    private static String symbol(String state) {
        if (state == null) {
            return ".";
        }
        return switch (state) {
            case "SUCCESS" -> "ok";
            case "FAILED" -> "FAIL";
            case "TIMED_OUT" -> "TIME";
            case "WAITING" -> "wait";
            case "RUNNING" -> "run";
            case "ABANDONED" -> "ABND";
            default -> state;
        };
    }

    private static ObjectMapper mapper() {
        return new ObjectMapper().registerModule(new JavaTimeModule()).disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .enable(SerializationFeature.INDENT_OUTPUT);
    }
}
