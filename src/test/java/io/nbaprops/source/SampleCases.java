package io.nbaprops.source;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.nbaprops.testing.Samples;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Every real sample paired with the parser that reads it (identical files once), for tests that
 * run every parser over real input. JSON samples are also offered shrunk: arrays of objects or rows
 * cut to their first 6 elements, so mutating and re-serialising a 6 MB schedule stays fast while
 * the document keeps its real shape and values.
 */
public final class SampleCases {
    /** Format examples and which parser reads them. */
    private static final Map<String, String> EXAMPLES = Map.of(
            "bdl_games_paginated.json", "bdl_games",
            "oddsa_player_props_raw.json", "oddsa_player_props",
            "oddsa_events_empty.json", "oddsa_events",
            "br_roster_raw.html", "br_roster",
            "br_roster_unicode.html", "br_roster",
            "br_roster_suffix.html", "br_roster");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int SHRUNK_ARRAY = 6;
    private static List<Case> cached;

    public enum Kind { JSON, HTML, PDF, CSV }

    /** One parser and one real payload. {@code json} is the shrunk tree for JSON payloads, else null. */
    public record Case(String parser, String file, Kind kind, byte[] bytes, JsonNode json) {
        @Override
        public String toString() {
            return parser + "/" + file;
        }

        /** The payload a mutation starts from: the shrunk JSON, or the bytes as captured. */
        public byte[] base() {
            try {
                return json != null ? JSON.writeValueAsBytes(json) : bytes;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private SampleCases() {}

    /** All cases (skips the test when the samples are absent, fails in CI, see {@link Samples}). */
    public static synchronized List<Case> all() {
        Path dir = Samples.dir();
        if (cached != null) {
            return cached;
        }
        List<Case> cases = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        try (Stream<Path> folders = Files.list(dir)) {
            for (Path folder : folders.filter(Files::isDirectory).sorted().toList()) {
                String name = folder.getFileName().toString();
                for (Path f : Samples.files(name)) {
                    String file = f.getFileName().toString();
                    String parser = name.equals("_format_examples") ? EXAMPLES.get(file) : name;
                    if (parser == null) {
                        continue;
                    }
                    byte[] bytes = Samples.read(f);
                    if (!seen.add(parser + ":" + sha(bytes))) {
                        continue;
                    }
                    cases.add(of(parser, file, bytes));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        cached = List.copyOf(cases);
        return cached;
    }

    public static List<Case> of(Kind kind) {
        return all().stream().filter(c -> c.kind() == kind).toList();
    }

    private static Case of(String parser, String file, byte[] bytes) {
        String f = file.replace(".gz", "");
        Kind kind = f.endsWith(".pdf") ? Kind.PDF : f.endsWith(".html") ? Kind.HTML : f.endsWith(".csv") ? Kind.CSV : Kind.JSON;
        JsonNode tree = null;
        if (kind == Kind.JSON) {
            try {
                tree = shrink(JSON.readTree(bytes));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new Case(parser, file, kind, bytes, tree);
    }

    private static JsonNode shrink(JsonNode n) {
        if (n.isArray()) {
            ArrayNode a = (ArrayNode) n;
            boolean containers = a.size() > 0 && a.get(0).isContainerNode();
            while (containers && a.size() > SHRUNK_ARRAY) {
                a.remove(a.size() - 1);
            }
            a.forEach(SampleCases::shrink);
        } else if (n.isObject()) {
            n.forEach(SampleCases::shrink);
        }
        return n;
    }

    private static String sha(byte[] b) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
