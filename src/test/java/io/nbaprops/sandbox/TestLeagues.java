package io.nbaprops.sandbox;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** One generated league per seed for the whole test run (generation takes a few seconds). */
public final class TestLeagues {
    private static final Map<Long, SandboxLeague> LEAGUES = new ConcurrentHashMap<>();

    private TestLeagues() {}

    public static SandboxLeague get(long seed) {
        return LEAGUES.computeIfAbsent(seed, SandboxLeague::generate);
    }

    /** A second, independently generated league for the same seed (for same-seed, same-bytes checks). */
    public static SandboxLeague twin(long seed) {
        return LEAGUES.computeIfAbsent(-seed - 1_000_000, k -> SandboxLeague.generate(seed));
    }
}
