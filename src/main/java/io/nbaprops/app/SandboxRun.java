package io.nbaprops.app;

import io.nbaprops.config.AppConfig;
import io.nbaprops.config.ConfigLoader;
import io.nbaprops.config.Secrets;
import io.nbaprops.engine.RunSummary;
import io.nbaprops.sandbox.LeagueGame;
import io.nbaprops.sandbox.SandboxLeague;
import io.nbaprops.sandbox.SandboxTruth;
import io.nbaprops.sandbox.server.FaultConfig;
import io.nbaprops.sandbox.server.SandboxClock;
import io.nbaprops.sandbox.server.SandboxServer;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The platform run against the sandbox league: a local server in the real APIs' formats, every
 * source pointed at it, and a clock that replays the season. Each game day runs the pre-game assets
 * an hour before the first tip-off and the post-game assets the next morning, exactly as the
 * platform would live ({@code dayWithClosingLines}: with the closing lines collected again shortly before each tip-off). Used by {@code demo}, end-to-end tests and benchmarks.
 */
public final class SandboxRun implements AutoCloseable {
    /** Keys the sandbox accepts; real keys are never sent to it. */
    static final Map<String, String> SANDBOX_KEYS = Map.of("BALLDONTLIE_API_KEY", "sandbox-bdl-key", "ODDS_API_KEY", "sandbox-odds-key",
            "BETTINGPROS_API_KEY", "sandbox-bp-key", "BIGDATABALL_API_KEY", "sandbox-bdb-key");

    /**
     * The source endpoints a replay collects: balldontlie for schedule, box scores and injuries, The Odds
     * API for lines. (The sandbox also serves NBA.com's season schedule and league game log; they are left
     * out of the replay because re-reading the whole season's schedule twice a day doubles its run time.)
     */
    public static final java.util.List<String> SOURCES = java.util.List.of("bdl_games", "bdl_box_scores", "bdl_injuries",
            "oddsa_events", "oddsa_player_props", "oddsa_game_lines");

    private final SandboxLeague league;
    private final SandboxServer server;
    private final SandboxClock clock;
    private final Platform platform;

    private SandboxRun(SandboxLeague league, SandboxServer server, SandboxClock clock, Platform platform) {
        this.league = league;
        this.server = server;
        this.clock = clock;
        this.platform = platform;
    }

    /**
     * Generates the league, serves it on a free loopback port and opens the platform on it.
     * {@code env} supplies NBAPROPS_* settings (warehouse, folders); sources are always the sandbox.
     */
    public static SandboxRun start(long seed, Path configFile, Map<String, String> env) {
        SandboxLeague league = SandboxLeague.generate(seed);
        SandboxClock clock = SandboxClock.fixedAt(seasonStart(league));
        SandboxServer server = SandboxServer.start(league, 0, clock, FaultConfig.OFF);
        try {
            Map<String, String> overlay = new HashMap<>(env);
            for (String source : ConfigLoader.defaults(Map.of()).sources().keySet()) {
                String p = "NBAPROPS_SOURCES_" + source.toUpperCase(java.util.Locale.ROOT) + "_";
                overlay.put(p + "BASE_URL", server.baseUrl());
                overlay.put(p + "REQUESTS_PER_MINUTE", "1000000");
                overlay.put(p + "INITIAL_BACKOFF_MS", "10");
                overlay.put(p + "MAX_BACKOFF_MS", "200");
            }
            // The endpoints the sandbox serves.
            overlay.put("NBAPROPS_PIPELINE_SOURCES", "[" + String.join(", ", SOURCES) + "]");
            overlay.putIfAbsent("NBAPROPS_ENGINE_INITIAL_BACKOFF_MS", "10");
            overlay.putIfAbsent("NBAPROPS_ENGINE_MAX_BACKOFF_MS", "200");
            AppConfig cfg = new ConfigLoader().load(configFile, overlay);
            // The user's secrets (the service's API key, a Sentry DSN...), with every source key replaced by the sandbox's.
            Map<String, String> keys = new HashMap<>(env);
            keys.putAll(SANDBOX_KEYS);
            String secretsFile = cfg.secretsFile();
            Platform platform = Platform.open(cfg, new Secrets(keys, secretsFile == null || secretsFile.isBlank() ? null
                    : Path.of(secretsFile)), new SandboxTimeClock(clock));
            SandboxTruth.writeSeason(platform.warehouse(), league);
            return new SandboxRun(league, server, clock, platform);
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
    }

    private static Instant seasonStart(SandboxLeague league) {
        return league.gameDates().get(0).atTime(LocalTime.of(9, 0)).atZone(SandboxLeague.EASTERN).toInstant();
    }

    public SandboxLeague league() {
        return league;
    }

    public Platform platform() {
        return platform;
    }

    public String baseUrl() {
        return server.baseUrl();
    }

    public List<LocalDate> gameDates() {
        return league.gameDates();
    }

    /**
     * The day's pre-game run, at the date's prediction time (the daily plan's lead before the first tip-off,
     * {@link io.nbaprops.raw.PredictionTime}), the same instant a later backfill of the date sees it as of.
     */
    public RunSummary pregame(LocalDate d) {
        clock.set(predictionAt(d));
        return platform.engine().runPartition(d, platform.pipeline().pregame(), "demo");
    }

    /** The date's prediction time: its first tip-off in the league minus the daily plan's lead. */
    public Instant predictionAt(LocalDate d) {
        Instant firstTip = league.gamesOn(d).stream().map(LeagueGame::tipoff).min(Comparator.naturalOrder())
                .orElse(d.atTime(19, 0).atZone(SandboxLeague.EASTERN).toInstant());
        return firstTip.minus(platform.predictionTime().lead());
    }

    /** Minutes before each tip-off at which the replay collects the closing lines (as the daily plan's closing job). */
    public static final long CLOSING_MINUTES = 10;

    /**
     * The day's closing lines: for each distinct tip-off time, {@link #CLOSING_MINUTES} before it, the books' lines
     * are collected again (no re-prediction), so grading measures closing-line value against the last pre-game line.
     */
    public RunSummary closing(LocalDate d) {
        RunSummary s = new RunSummary();
        java.util.TreeSet<Instant> tips = new java.util.TreeSet<>();
        league.gamesOn(d).forEach(g -> tips.add(g.tipoff()));
        for (Instant tip : tips) {
            clock.set(tip.minusSeconds(60 * CLOSING_MINUTES));
            s.addAll(platform.engine().runPartition(d, platform.pipeline().closing(), "demo-closing"));
        }
        return s;
    }

    /** The day's post-game run, at 04:00 Eastern the next morning when every box score is final. */
    public RunSummary postgame(LocalDate d) {
        clock.set(morningAfter(d));
        return platform.engine().runPartition(d, platform.pipeline().postgame(), "demo");
    }

    /** Moves the replay clock (and so what the sandbox serves) to {@code now}. */
    public void at(Instant now) {
        clock.set(now);
    }

    /** Runs the replay clock from {@code from} at {@code speed} times real time (0: it stands at {@code from}). */
    public void replay(Instant from, double speed) {
        if (speed == 0) {
            clock.set(from);
        } else {
            clock.run(from, speed);
        }
    }

    /** Where a replay picks up: 04:00 the morning after the last date whose results went out, else the season's start. */
    public Instant resumePoint() {
        LocalDate last = platform.warehouse().jdbi().withHandle(h -> h.createQuery("SELECT max(partition_date) FROM asset_partition "
                + "WHERE asset = 'export_results' AND state = 'SUCCESS'").mapTo(LocalDate.class).findOne().orElse(null));
        return last == null ? seasonStart(league) : morningAfter(last);
    }

    /**
     * The seed of the sandbox league a warehouse holds ({@code nbaprops demo} made it), or empty for a live warehouse.
     * Opens the warehouse briefly (migrating it, as any command does).
     */
    public static java.util.Optional<Long> seedOf(AppConfig cfg, Secrets secrets) {
        var w = cfg.warehouse();
        try (var wh = io.nbaprops.store.Warehouse.open(w.url(), w.user(), secrets.get(w.passwordSecret()).orElse(null), 2)) {
            return wh.jdbi().withHandle(h -> h.createQuery("SELECT max(seed) FROM sandbox_truth").mapTo(Long.class).findOne());
        }
    }

    /** 04:00 Eastern the morning after a game date: every box score of the date is final by then. */
    public static Instant morningAfter(LocalDate d) {
        return ZonedDateTime.of(d.plusDays(1), LocalTime.of(4, 0), SandboxLeague.EASTERN).toInstant();
    }

    /**
     * A day as the demo runs it: pre-game, the closing lines before each tip-off, post-game. (A later re-run of the
     * date's pre-game assets reads lines only up to the date's prediction time, see ContextSources.)
     */
    public RunSummary dayWithClosingLines(LocalDate d) {
        RunSummary s = pregame(d);
        s.addAll(closing(d));
        s.addAll(postgame(d));
        return s;
    }

    /** A day without the closing-line collection (tests that re-run pre-game assets afterwards). */
    public RunSummary day(LocalDate d) {
        RunSummary s = pregame(d);
        s.addAll(postgame(d));
        return s;
    }

    /** Whole game days in order, each as {@link #dayWithClosingLines} (what {@code demo} runs); {@code progress} hears of each date. */
    public RunSummary days(List<LocalDate> dates, io.nbaprops.engine.Engine.BackfillProgress progress) {
        progress.start(dates.size());
        RunSummary all = new RunSummary();
        for (LocalDate d : dates) {
            RunSummary day = dayWithClosingLines(d);
            all.addAll(day);
            progress.dateDone(d, day);
        }
        progress.finish(all);
        return all;
    }

    @Override
    public void close() {
        platform.close();
        server.close();
    }
}
