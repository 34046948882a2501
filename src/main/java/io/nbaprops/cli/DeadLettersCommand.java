package io.nbaprops.cli;

import io.nbaprops.app.Platform;
import io.nbaprops.bus.DeadLetter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "dead-letters", mixinStandardHelpOptions = true,
        description = {"Lists the work items in the dead-letter queue (distributed mode), or re-queues them all.",
            "  dead-letters list [--limit N]   the dead items, newest first, with why they failed",
            "  dead-letters retry              put every dead item back on the work queue (after fixing the cause)"})
final class DeadLettersCommand implements Callable<Integer> {
    @Mixin
    ConfigOption config;

    @Parameters(index = "0", defaultValue = "list", paramLabel = "list|retry")
    String action;

    @Option(names = "--limit", defaultValue = "50")
    int limit;

    @Override
    public Integer call() {
        if (!action.equals("list") && !action.equals("retry")) {
            System.err.println("dead-letters: unknown action '" + action + "' (list or retry)");
            return 2;
        }
        try (Platform p = config.open()) {
            if (!p.config().bus().isRabbit()) {
                System.out.println("bus.kind is " + p.config().bus().kind() + ": there is no dead-letter queue (failed players are listed per batch)");
                return 0;
            }
            if (action.equals("retry")) {
                int n = p.deadLetters().retryAll();
                System.out.println("re-queued " + n + " dead letter" + (n == 1 ? "" : "s"));
                return 0;
            }
            List<DeadLetter> dead = p.deadLetters().list(limit);
            List<Map<String, Object>> rows = new ArrayList<>();
            for (DeadLetter d : dead) {
                Map<String, Object> r = new LinkedHashMap<>();
                r.put("dead_at", d.deadAt());
                r.put("queue", d.queue());
                r.put("item", d.itemId());
                r.put("deliveries", d.deliveries());
                r.put("reason", d.reason());
                rows.add(r);
            }
            Terminal.table(System.out, List.of("dead_at", "queue", "item", "deliveries", "reason"), rows);
            System.out.println("(" + p.deadLetters().count() + " dead)");
            return 0;
        }
    }
}
