package io.nbaprops.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A reader polling an export while it is rewritten never sees half a file. */
class ExportStoreTest {
    @Test
    void readersNeverParseAPartialFile(@TempDir Path dir) throws Exception {
        ExportStore store = new ExportStore(dir);
        ObjectMapper om = new ObjectMapper();
        AtomicBoolean writing = new AtomicBoolean(true);
        int versions = 60;
        CompletableFuture<List<String>> reader = CompletableFuture.supplyAsync(() -> {
            List<String> problems = new ArrayList<>();
            Set<Integer> seen = new HashSet<>();
            while (writing.get() || seen.isEmpty()) {
                try {
                    JsonNode doc = om.readTree(Files.readAllBytes(dir.resolve("picks/latest.json")));
                    int v = doc.get("version").asInt();
                    seen.add(v);
                    if (doc.get("picks").size() != 2000 + (v % 2) * 1000) {
                        problems.add("version " + v + " has " + doc.get("picks").size() + " picks");
                    }
                } catch (NoSuchFileException e) {
                    // not written yet
                } catch (Exception e) {
                    problems.add(e.toString());
                }
            }
            problems.add("versions seen: " + seen.size());
            return problems;
        });
        for (int v = 0; v < versions; v++) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("version", v);
            List<Map<String, Object>> picks = new ArrayList<>();
            for (int i = 0; i < 2000 + (v % 2) * 1000; i++) {
                picks.add(Map.of("player_lookup", "player" + i, "line", 20.5, "pick", i % 2 == 0 ? "OVER" : "UNDER"));
            }
            doc.put("picks", picks);
            store.write("picks/latest.json", doc);
        }
        writing.set(false);
        List<String> problems = reader.get(60, TimeUnit.SECONDS);
        assertThat(problems).hasSize(1);
        assertThat(problems.get(0)).startsWith("versions seen: ");
        assertThat(Integer.parseInt(problems.get(0).substring("versions seen: ".length()))).isGreaterThan(1);
        try (var files = Files.list(dir.resolve("picks"))) {
            assertThat(files.map(f -> f.getFileName().toString())).containsExactly("latest.json");
        }
    }

    @Test
    void pathsCannotEscapeTheExportFolder(@TempDir Path dir) {
        assertThatThrownBy(() -> new ExportStore(dir).write("../outside.json", Map.of()))
                .hasMessageContaining("escapes the export folder");
    }

    @Test
    void writeAllWritesEveryDocumentAndACancelledRunStopsWithItsReason(@TempDir Path dir) throws Exception {
        ExportStore store = new ExportStore(dir);
        Map<String, Object> pages = new LinkedHashMap<>();
        for (int i = 0; i < 300; i++) {
            pages.put("players/p" + i + ".json", Map.of("player", "p" + i, "points", i));
        }
        store.writeAll(pages, () -> { });
        ObjectMapper om = new ObjectMapper();
        for (int i : new int[] {0, 149, 299}) {
            assertThat(om.readTree(dir.resolve("players/p" + i + ".json").toFile()).get("points").asInt()).isEqualTo(i);
        }
        try (var files = Files.list(dir.resolve("players"))) {
            assertThat(files.map(f -> f.getFileName().toString())).hasSize(300).allMatch(n -> n.endsWith(".json"));
        }
        java.util.concurrent.atomic.AtomicInteger started = new java.util.concurrent.atomic.AtomicInteger();
        assertThatThrownBy(() -> store.writeAll(Map.of("players/x.json", Map.of(), "players/y.json", Map.of()), () -> {
            started.incrementAndGet();
            throw new IllegalStateException("export_results [2025-04-13] cancelled: time budget exceeded");
        })).hasMessage("export_results [2025-04-13] cancelled: time budget exceeded");
        assertThat(dir.resolve("players/x.json")).doesNotExist();
        assertThat(started.get()).isPositive();
    }
}
