package io.nbaprops.predict;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.nbaprops.analytics.Seasons;
import io.nbaprops.features.FeatureCatalog;
import io.nbaprops.predict.WorkDispatcher.BatchContextNoHistory;
import io.nbaprops.predict.WorkDispatcher.BatchShared;
import io.nbaprops.predict.WorkDispatcher.PlayerWork;
import io.nbaprops.predict.WorkDispatcher.WorkOutcome;
import io.nbaprops.predict.calibrate.ResidualDistribution;
import io.nbaprops.predict.calibrate.SystemCalibration;
import io.nbaprops.predict.model.ModelMeta;
import io.nbaprops.predict.model.ModelRegistry;
import io.nbaprops.predict.systems.EnsembleWeights;
import io.nbaprops.predict.systems.GradientBoostedSystem;
import io.nbaprops.store.RowBatch;
import io.nbaprops.store.Warehouse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The coordinator of a day's predictions for one market: loads every input for every expected player
 * with a handful of set-based queries (vectors, history, lines, past grades), fits what must be fitted
 * on dates before the day (calibration, ensemble weights), fans the per-player work out through a
 * {@link WorkDispatcher}, turns the systems' values into probabilities and picks, and writes them all
 * with one keyed upsert. A player that fails is listed with the reason; the rest are written.
 */
public final class PredictionBatch {
    private static final ObjectMapper JSON = new ObjectMapper();
    /**
     * A player-game's prediction over its line snapshots. Rounded like the stored values (2 decimals), because
     * DuckDB and PostgreSQL sum doubles differently in the last bit, which flipped a 4th-decimal probability
     * between the two warehouses; rows in a fixed order for the same reason.
     */
    private static final String AVG_PREDICTED = "nbp_round(avg(predicted), 4)";

    public record Settings(Duration deadline, int calibrationDays, int ensembleDays, int minResidualsPerTier) {
        public static Settings defaults() {
            return new Settings(Duration.ofMinutes(2), 60, 45, 150);
        }
    }

    private final Warehouse warehouse;
    private final Systems systems;
    private final WorkDispatcher dispatcher;
    private final Recommender recommender;
    private final LineSource lines;
    private final ModelRegistry models;
    private final Clock clock;
    private final Settings settings;
    /** Calibrations and ensemble weights by date and market, reused while the graded rows they were fitted on are unchanged. */
    private final Map<String, Fitted> fitted = new java.util.concurrent.ConcurrentHashMap<>();

    private record Fitted(List<Object> fingerprint, Map<String, SystemCalibration> calibrations, Map<String, Double> weights) {}

    /**
     * Tables a batch's inputs come from (the date's vectors and model; past games; grades), besides the lines (read
     * afresh every time: a line move is what a re-prediction is for) and the predictions it writes. While the
     * warehouse's change stamp over them is the same, what was read from them still holds.
     */
    static final List<String> DATE_TABLES = List.of("feature_store", "upcoming_player_game_context", "model_registry");
    static final List<String> HISTORY_TABLES = List.of("feature_store", "player_game_summary");
    static final List<String> GRADE_TABLES = List.of("prediction_grade");
    /** Per date and market: what one line move does not change. */
    private final Map<String, DateInputs> byDate = new java.util.concurrent.ConcurrentHashMap<>();
    private final Object seasonLock = new Object();
    /** Per market, the current season's played games, loaded up to the latest date predicted (guarded by seasonLock). */
    private final Map<Market, SeasonHistory> seasons = new java.util.EnumMap<>(Market.class);

    private volatile boolean keepInputs = true;
    private final Object gradedLock = new Object();
    /** Per market, the grades of the recent dates (guarded by gradedLock). */
    private final Map<Market, GradedHistory> graded = new java.util.EnumMap<>(Market.class);
    /** Per change stamp and market: whether grades allow {@link GradedHistory} (see gradesKeptWhole). */
    private final Map<String, Boolean> gradesWhole = new java.util.concurrent.ConcurrentHashMap<>();

    private record DateInputs(LocalDate date, long stamp, List<PlayerGame> games, double[] means, double[] sds, String modelVersion) {}

    public PredictionBatch(Warehouse warehouse, Systems systems, WorkDispatcher dispatcher, Recommender recommender, LineSource lines,
            ModelRegistry models, Clock clock, Settings settings) {
        this.warehouse = warehouse;
        this.systems = systems;
        this.dispatcher = dispatcher;
        this.recommender = recommender;
        this.lines = lines;
        this.models = models;
        this.clock = clock;
        this.settings = settings;
    }

    /** Everything the batch loaded and fitted for a date, before any work is dispatched. */
    record Inputs(List<PlayerGame> games, Map<String, List<HistoryGame>> history, Map<String, LineQuote> lines,
            Map<String, SystemCalibration> calibrations, BatchContextNoHistory context, Map<String, List<LineQuote>> shop) {}

    /**
     * Predicts the date's expected players ({@code onlyPlayers}: just these, e.g. after their line
     * moved; null: all) against lines known at {@code asOf} and before each game's tip-off.
     */
    public BatchResult run(LocalDate date, Market market, Set<String> onlyPlayers, Instant asOf, Runnable checkCancelled) {
        long t0 = System.nanoTime();
        Inputs in = load(date, market, onlyPlayers, asOf);
        checkCancelled.run();
        List<PlayerWork> items = new ArrayList<>();
        Map<String, PlayerGame> byItem = new HashMap<>();
        for (PlayerGame g : in.games()) {
            String id = g.gameKey() + "|" + g.playerLookup() + "|" + market.key();
            items.add(new PlayerWork(id, g, in.history().getOrDefault(g.playerLookup(), List.of())));
            byItem.put(id, g);
        }
        BatchShared shared = new BatchShared(date + "/" + market.key() + "/" + asOf, in.context());
        List<WorkOutcome> outcomes = dispatcher.dispatch(shared, items, settings.deadline());
        checkCancelled.run();
        RowBatch rows = RowBatch.of("prediction", "game_key", "player_lookup", "market", "system_id", "line_key", "game_date",
                "player_name", "team", "opponent", "system_version", "feature_version", "model_version", "predicted", "line_value",
                "line_book", "line_snapshot_at", "over_price", "under_price", "p_over_raw", "p_over", "p_under", "p_push", "edge",
                "recommendation", "reason", "confidence", "expected_value", "kelly_stake", "calibration_samples", "contributions",
                "created_at", "single_book", "single_line", "single_recommendation", "single_price", "single_expected_value");
        List<String> failures = new ArrayList<>();
        Map<String, Integer> abstentions = new TreeMap<>();
        Map<String, Integer> picks = new TreeMap<>();
        Instant now = clock.instant();
        // A date some input of which could not be seen as of its prediction time: predicted, never picked.
        Map<String, String> gaps = io.nbaprops.raw.PointInTimeGaps.of(warehouse, date);
        String withheld = gaps.isEmpty() ? null : "not pickable: " + gaps.entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                .collect(Collectors.joining("; "));
        for (WorkOutcome o : outcomes) {
            PlayerGame g = byItem.get(o.itemId());
            if (o.failed()) {
                failures.add(g.playerLookup() + " (" + g.gameKey() + "): " + o.error());
                continue;
            }
            LineQuote line = in.lines().get(LineSource.key(g.gameKey(), g.playerLookup()));
            List<LineQuote> shop = in.shop().getOrDefault(LineSource.key(g.gameKey(), g.playerLookup()), List.of());
            for (PredictionSystem s : systems.all()) {
                SystemPrediction sp = o.predictions().get(s.id());
                if (sp == null || sp.abstained()) {
                    abstentions.merge(s.id(), 1, Integer::sum);
                    continue;
                }
                addRow(rows, g, market, s, sp, line, shop, in.calibrations().get(s.id()), now, picks, withheld);
            }
        }
        if (!items.isEmpty() && failures.size() == items.size()) {
            throw new IllegalStateException("every one of " + items.size() + " players failed; first: " + failures.get(0));
        }
        checkCancelled.run();
        long written = rows.isEmpty() ? 0 : warehouse.write(tx -> tx.upsert(rows), checkCancelled);
        return new BatchResult(date, market, items.size(), written, failures, abstentions, picks, (System.nanoTime() - t0) / 1_000_000);
    }

    /**
     * One system's prediction row. The single-book recommendation is made at {@code line} (the first book of the
     * priority list, as a one-book bettor would); the pick itself is taken at the best line and price for its side
     * among {@code shop} (every book's quote at the same time): for each side and each distinct line on offer, the
     * book paying most at it, then the quote whose pick has the highest expected value. The row records the quote the
     * pick was taken at (a PASS: the single book's), its book, and the single-book recommendation beside it.
     */
    private void addRow(RowBatch rows, PlayerGame g, Market market, PredictionSystem s, SystemPrediction sp, LineQuote line,
            List<LineQuote> shop, SystemCalibration cal, Instant now, Map<String, Integer> picks, String withheld) {
        // A stat is never negative: a linear model's or an ensemble's value below zero is stored as zero.
        double predicted = Math.round(Math.max(0, sp.value()) * 100) / 100.0;
        ResidualDistribution.Outcome none = new ResidualDistribution.Outcome(0, 0, 0);
        ResidualDistribution.Outcome pSingle = line == null ? null : cal.calibrated(predicted, line.value());
        Recommendation single = recommender.recommend(market.key(), predicted, line, pSingle == null ? none : pSingle, g.injuryCode(),
                cal.gradedSamples());
        LineQuote taken = line;
        Recommendation r = single;
        ResidualDistribution.Outcome p = pSingle;
        if (!Double.isNaN(predicted)) {
            for (LineQuote q : bestPerLine(shop)) {
                ResidualDistribution.Outcome pq = cal.calibrated(predicted, q.value());
                Recommendation rq = recommender.recommend(market.key(), predicted, q, pq, g.injuryCode(), cal.gradedSamples());
                if (beats(rq, q, r, taken)) {
                    taken = q;
                    r = rq;
                    p = pq;
                }
            }
        }
        Double pRaw = taken == null ? null : cal.raw(predicted, taken.value()).over();
        if (withheld != null) {
            r = new Recommendation(Recommendation.Side.PASS, withheld + " (else: " + r.side() + ", " + r.reason() + ")", r.edge(),
                    r.probability(), r.expectedValue(), r.side() == Recommendation.Side.PASS ? r.kellyStake() : Double.valueOf(0.0));
        }
        picks.merge(r.side().name(), 1, Integer::sum);
        String contributions = null;
        if (!sp.contributions().isEmpty()) {
            try {
                contributions = JSON.writeValueAsString(sp.contributions());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        Integer singlePrice = line == null || single.side() == Recommendation.Side.PASS ? null
                : single.side() == Recommendation.Side.OVER ? line.overPrice() : line.underPrice();
        rows.add(g.gameKey(), g.playerLookup(), market.key(), s.id(), taken == null ? LineQuote.NO_LINE : taken.key(), g.gameDate(),
                g.playerName(), g.team(), g.opponent(), s.version(), FeatureCatalog.VERSION, sp.modelVersion(), predicted,
                taken == null ? null : taken.value(), taken == null ? null : taken.book(), taken == null ? null : taken.snapshotAt(),
                taken == null ? null : taken.overPrice(), taken == null ? null : taken.underPrice(), round(pRaw),
                p == null ? null : round(p.over()), p == null ? null : round(p.under()), p == null ? null : round(p.push()),
                taken == null ? null : round(predicted - taken.value()), r.side().name(), r.reason(),
                Double.isNaN(r.probability()) ? null : round(r.probability()), round(r.expectedValue()), round(r.kellyStake()),
                cal.gradedSamples(), contributions, now, line == null ? null : line.book(), line == null ? null : line.value(),
                single.side().name(), singlePrice, round(single.expectedValue()));
    }

    /** Whether a pick at quote {@code q} is better than {@code r} at {@code at}: more EV; at equal EV, a better line or price. */
    private static boolean beats(Recommendation rq, LineQuote q, Recommendation r, LineQuote at) {
        if (rq.side() == Recommendation.Side.PASS || rq.expectedValue() == null) {
            return false;
        }
        if (r.side() == Recommendation.Side.PASS || r.expectedValue() == null || at == null) {
            return true;
        }
        if (Math.abs(rq.expectedValue() - r.expectedValue()) > 1e-12 || rq.side() != r.side()) {
            return rq.expectedValue() > r.expectedValue();
        }
        boolean over = rq.side() == Recommendation.Side.OVER;
        if (q.value() != at.value()) {
            return over ? q.value() < at.value() : q.value() > at.value();
        }
        return over ? payout(q.overPrice()) > payout(at.overPrice()) : payout(q.underPrice()) > payout(at.underPrice());
    }

    /**
     * The quotes worth pricing a pick at: for each distinct line on offer, the book paying most on each side of it (a
     * worse price at the same line is never the best). Deterministic: ties go to the first book by name.
     */
    static List<LineQuote> bestPerLine(List<LineQuote> shop) {
        Map<Double, LineQuote> over = new TreeMap<>();
        Map<Double, LineQuote> under = new TreeMap<>();
        for (LineQuote q : shop) {
            if (!q.usable() || Double.isNaN(q.value())) {
                continue;
            }
            over.merge(q.value(), q, (a, b) -> payout(b.overPrice()) > payout(a.overPrice()) ? b : a);
            under.merge(q.value(), q, (a, b) -> payout(b.underPrice()) > payout(a.underPrice()) ? b : a);
        }
        java.util.LinkedHashSet<LineQuote> out = new java.util.LinkedHashSet<>(over.values());
        out.addAll(under.values());
        return new ArrayList<>(out);
    }

    /** Profit per unit staked at an American price. */
    private static double payout(int american) {
        return american > 0 ? american / 100.0 : 100.0 / -american;
    }

    private static Double round(Double v) {
        return v == null || v.isNaN() ? null : Math.round(v * 10000) / 10000.0;
    }

    /** The warehouse's change stamp of these tables; none (so nothing kept) when this coordinator must not keep inputs. */
    private java.util.OptionalLong stamp(List<String> tables) {
        return keepInputs ? warehouse.changeStamp(tables) : java.util.OptionalLong.empty();
    }

    /** For tests: a coordinator that reads everything from the warehouse every time, as it does on PostgreSQL. */
    PredictionBatch keepingNothing() {
        keepInputs = false;
        return this;
    }

    Inputs load(LocalDate date, Market market, Set<String> onlyPlayers, Instant asOf) {
        // Read the change stamp before the data: a write that lands meanwhile changes the stamp, so nothing stale is kept.
        DateInputs day = dateInputs(date, market, stamp(DATE_TABLES));
        // Games already under way are still predicted (a backfill replays the past): every input is from before
        // the date and lines only count before tip-off, so nothing of the game leaks in; exports show the times.
        List<PlayerGame> games = onlyPlayers == null ? day.games()
                : day.games().stream().filter(g -> onlyPlayers.contains(g.playerLookup())).toList();
        Map<String, List<HistoryGame>> history = history(date, market, games, onlyPlayers, stamp(HISTORY_TABLES));
        Map<String, LineQuote> quotes = onlyPlayers == null ? lines.lines(date, market, asOf) : lines.lines(date, market, asOf, onlyPlayers);
        Fitted fit = fitted(date, market, stamp(GRADE_TABLES));
        BatchContextNoHistory ctx = new BatchContextNoHistory(date, market, day.means(), day.sds(), fit.weights(), day.modelVersion());
        // Every book's quote: a pick is taken at the best line and price for its side among them.
        Map<String, List<LineQuote>> shop = lines.quotes(date, market, asOf, onlyPlayers);
        return new Inputs(games, history, quotes, fit.calibrations(), ctx, shop);
    }

    /**
     * The date's expected players with their vectors, the standardisation over the whole date (so a one-player
     * re-prediction sees the same scale as the batch) and the model version to serve: reused while no input table
     * changed, since a line move changes none of them.
     */
    private DateInputs dateInputs(LocalDate date, Market market, java.util.OptionalLong stamp) {
        String key = date + "/" + market.key();
        DateInputs cached = byDate.get(key);
        if (cached != null && stamp.isPresent() && cached.stamp() == stamp.getAsLong()) {
            return cached;
        }
        String modelVersion = models.latest(GradientBoostedSystem.ID, market.key(), date).map(ModelMeta::modelVersion).orElse(null);
        // The players and their vectors are the same for every market: another market's, read at the same stamp, serve.
        DateInputs sibling = stamp.isEmpty() ? null : byDate.values().stream()
                .filter(c -> c.date().equals(date) && c.stamp() == stamp.getAsLong()).findFirst().orElse(null);
        if (sibling != null) {
            DateInputs fresh = new DateInputs(date, sibling.stamp(), sibling.games(), sibling.means(), sibling.sds(), modelVersion);
            byDate.put(key, fresh);
            return fresh;
        }
        List<String> names = FeatureCatalog.names();
        String cols = names.stream().map(n -> "f." + n).collect(Collectors.joining(", "));
        List<PlayerGame> games = warehouse.jdbi().withHandle(h -> h.createQuery("SELECT f.game_key, f.player_lookup, c.player_name, "
                        + "f.team, f.opponent, f.game_date, c.tip_off, c.injury_code, f.quality, " + cols
                        + " FROM feature_store f JOIN upcoming_player_game_context c ON c.game_key = f.game_key "
                        + "AND c.player_lookup = f.player_lookup WHERE f.game_date = ? AND f.feature_version = ? "
                        + "ORDER BY f.game_key, f.player_lookup")
                .bind(0, date).bind(1, FeatureCatalog.VERSION)
                .map((rs, ctx) -> new PlayerGame(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        ctx.findColumnMapperFor(LocalDate.class).orElseThrow().map(rs, 6, ctx),
                        ctx.findColumnMapperFor(Instant.class).orElseThrow().map(rs, 7, ctx), rs.getInt(8), rs.getDouble(9),
                        vector(rs, 10, names.size())))
                .list());
        double[][] stats = meansAndSds(games, names.size());
        DateInputs fresh = new DateInputs(date, stamp.orElse(-1), List.copyOf(games), stats[0], stats[1], modelVersion);
        if (stamp.isPresent()) {
            if (byDate.size() >= 8) {
                byDate.clear(); // a backfill walks many dates once each: keep only the recent ones
            }
            byDate.put(key, fresh);
        }
        return fresh;
    }

    private Fitted fitted(LocalDate date, Market market, java.util.OptionalLong stamp) {
        List<Object> fingerprint;
        if (stamp.isPresent()) {
            fingerprint = List.of(stamp.getAsLong());
        } else {
            // Other processes may grade: ask the database whether the graded rows changed.
            LocalDate from = date.minusDays(Math.max(settings.calibrationDays(), settings.ensembleDays()));
            fingerprint = warehouse.jdbi().withHandle(h -> h.createQuery("SELECT count(*), max(graded_at) FROM prediction_grade "
                            + "WHERE market = ? AND game_date < ? AND game_date >= ?")
                    .bind(0, market.key()).bind(1, date).bind(2, from)
                    .map((rs, ctx) -> List.<Object>of(rs.getLong(1), String.valueOf(rs.getObject(2)))).one());
        }
        String key = date + "/" + market.key();
        Fitted f = fitted.get(key);
        if (f != null && f.fingerprint().equals(fingerprint)) {
            return f;
        }
        f = fit(date, market, fingerprint, stamp);
        if (fitted.size() > 32) {
            fitted.clear(); // a backfill walks many dates once each: keep only the recent ones
        }
        fitted.put(key, f);
        return f;
    }

    /**
     * The past games of this season of the given players, before the date. With a change stamp, from the
     * season's history kept in memory and extended date by date (a walk-forward reads each past game once);
     * otherwise (or for a few players the memory does not cover yet) straight from the warehouse.
     */
    private Map<String, List<HistoryGame>> history(LocalDate date, Market market, List<PlayerGame> games, Set<String> onlyPlayers,
            java.util.OptionalLong stamp) {
        LocalDate from = Seasons.start(date);
        if (stamp.isPresent()) {
            synchronized (seasonLock) {
                SeasonHistory h = seasons.get(market);
                if (h == null || h.stamp() != stamp.getAsLong() || !h.from().equals(from)) {
                    if (onlyPlayers != null) {
                        h = null; // a few players: not worth reading the whole season for
                    } else {
                        h = new SeasonHistory(stamp.getAsLong(), from);
                        seasons.put(market, h);
                    }
                }
                if (h != null && (onlyPlayers == null || !date.isAfter(h.until()))) {
                    if (date.isAfter(h.until())) {
                        h.append(queryHistory(market, h.until(), date, null, false), date);
                    }
                    return h.before(date, games);
                }
            }
        }
        Map<String, List<HistoryGame>> out = new HashMap<>();
        for (HistoryGame g : queryHistory(market, from, date, onlyPlayers, onlyPlayers == null)) {
            out.computeIfAbsent(g.playerLookup(), k -> new ArrayList<>()).add(g);
        }
        return out;
    }

    /**
     * Played games of the market with their vectors, {@code from <= game_date < until}: of {@code players}, or of
     * the players expected on {@code until} ({@code ofUntilsPlayers}), or of everyone (neither).
     */
    private List<HistoryGame> queryHistory(Market market, LocalDate from, LocalDate until, Set<String> players, boolean ofUntilsPlayers) {
        List<String> names = FeatureCatalog.names();
        String cols = names.stream().map(n -> "f." + n).collect(Collectors.joining(", "));
        String who = players != null ? "AND f.player_lookup IN (<players>) "
                : ofUntilsPlayers ? "AND f.player_lookup IN (SELECT player_lookup FROM feature_store WHERE game_date = :until) " : "";
        return warehouse.jdbi().withHandle(h -> {
            var q = h.createQuery("SELECT f.player_lookup, f.game_date, " + cols + ", CAST("
                        + market.statSql("s") + " AS DOUBLE PRECISION) FROM feature_store f JOIN player_game_summary s "
                        + "ON s.game_key = f.game_key AND s.player_lookup = f.player_lookup "
                        + "WHERE s.played AND f.game_date < :until AND f.game_date >= :from AND f.feature_version = :version "
                        + who + "ORDER BY f.player_lookup, f.game_date")
                .bind("until", until).bind("from", from).bind("version", FeatureCatalog.VERSION);
            if (players != null) {
                q.bindList("players", players.isEmpty() ? List.of("") : List.copyOf(players));
            }
            return q
                .map((rs, ctx) -> new HistoryGame(rs.getString(1), ctx.findColumnMapperFor(LocalDate.class).orElseThrow().map(rs, 2, ctx),
                        vector(rs, 3, names.size()), rs.getDouble(3 + names.size())))
                .list();
        });
    }

    /**
     * Each system's calibration from grades of the last {@code calibrationDays} before the date (held out by
     * construction), and the ensemble's weights from its members' grades of the last {@code ensembleDays}: from
     * the grades kept in memory when the change stamp allows, otherwise straight from the warehouse.
     */
    private Fitted fit(LocalDate date, Market market, List<Object> fingerprint, java.util.OptionalLong stamp) {
        LocalDate calibrationFrom = date.minusDays(settings.calibrationDays());
        LocalDate ensembleFrom = date.minusDays(settings.ensembleDays());
        List<String> members = systems.base().stream().map(PredictionSystem::id).toList();
        Map<String, List<double[]>> residuals;
        Map<String, List<double[]>> picks;
        Map<String, double[]> rows = new LinkedHashMap<>();
        Map<String, Double> actual = new HashMap<>();
        synchronized (gradedLock) {
            GradedHistory g = stamp.isPresent() ? graded(date, market, stamp.getAsLong()) : null;
            if (g != null) {
                residuals = g.residuals(calibrationFrom, date);
                picks = g.picks(calibrationFrom, date);
                g.ensembleRows(ensembleFrom, date, members, rows, actual);
            } else {
                residuals = residualsFromWarehouse(market, calibrationFrom, date);
                picks = picksFromWarehouse(market, calibrationFrom, date);
                ensembleRowsFromWarehouse(market, ensembleFrom, date, members, rows, actual);
            }
        }
        Map<String, SystemCalibration> calibrations = new LinkedHashMap<>();
        for (String id : systems.ids()) {
            List<double[]> r = residuals.getOrDefault(id, List.of());
            List<double[]> p = picks.getOrDefault(id, List.of());
            calibrations.put(id, SystemCalibration.fit(id, r.stream().mapToDouble(x -> x[0]).toArray(),
                    r.stream().mapToDouble(x -> x[1]).toArray(), p.stream().mapToDouble(x -> x[0]).toArray(),
                    p.stream().mapToDouble(x -> x[1]).toArray(), settings.minResidualsPerTier()));
        }
        double[][] x = rows.values().toArray(double[][]::new);
        double[] y = rows.keySet().stream().mapToDouble(actual::get).toArray();
        return new Fitted(fingerprint, calibrations, EnsembleWeights.fit(members, x, y));
    }

    /**
     * The grades in memory, covering the fits' windows before the date (appending the dates since the last one
     * predicted), or null when the memory cannot stand for the queries: a (system, game, player) graded on two
     * dates would be one group to a query but could fall on both sides of a window's edge in memory.
     */
    private GradedHistory graded(LocalDate date, Market market, long stamp) {
        LocalDate from = date.minusDays(Math.max(settings.calibrationDays(), settings.ensembleDays()));
        GradedHistory g = graded.get(market);
        if (g == null || g.stamp() != stamp || !g.canServe(from)) {
            if (!gradesKeptWhole(market, stamp)) {
                return null;
            }
            g = new GradedHistory(stamp, from);
            graded.put(market, g);
        }
        if (date.isAfter(g.until())) {
            LocalDate since = g.until();
            List<GradedHistory.Group> groups = warehouse.jdbi().withHandle(h -> h.createQuery("SELECT system_id, game_key, player_lookup, "
                            + "min(game_date), " + AVG_PREDICTED + ", max(actual) FROM prediction_grade "
                            + "WHERE market = ? AND game_date >= ? AND game_date < ? AND actual IS NOT NULL "
                            + "GROUP BY system_id, game_key, player_lookup ORDER BY 4")
                    .bind(0, market.key()).bind(1, since).bind(2, date)
                    .map((rs, ctx) -> new GradedHistory.Group(rs.getString(1), rs.getString(2), rs.getString(3),
                            ctx.findColumnMapperFor(LocalDate.class).orElseThrow().map(rs, 4, ctx), rs.getDouble(5), rs.getDouble(6)))
                    .list());
            List<GradedHistory.Pick> picks = warehouse.jdbi().withHandle(h -> h.createQuery("SELECT system_id, game_date, p_over_raw, "
                            + "CASE WHEN went_over THEN 1.0 ELSE 0.0 END FROM prediction_grade WHERE market = ? AND game_date >= ? "
                            + "AND game_date < ? AND p_over_raw IS NOT NULL AND went_over IS NOT NULL ORDER BY game_date")
                    .bind(0, market.key()).bind(1, since).bind(2, date)
                    .map((rs, ctx) -> new GradedHistory.Pick(rs.getString(1),
                            ctx.findColumnMapperFor(LocalDate.class).orElseThrow().map(rs, 2, ctx), rs.getDouble(3), rs.getDouble(4)))
                    .list());
            g.append(groups, picks, from, date);
        }
        return g;
    }

    /** Whether no (system, game, player) of the market has grades on two dates (asked once per change stamp). */
    private boolean gradesKeptWhole(Market market, long stamp) {
        String key = stamp + "/" + market.key();
        return gradesWhole.computeIfAbsent(key, k -> {
            if (gradesWhole.size() > 8) {
                gradesWhole.clear();
            }
            return warehouse.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM (SELECT system_id FROM prediction_grade "
                            + "WHERE market = ? AND actual IS NOT NULL GROUP BY system_id, game_key, player_lookup "
                            + "HAVING min(game_date) <> max(game_date)) x")
                    .bind(0, market.key()).mapTo(Long.class).one()) == 0;
        });
    }

    /** Per system, (mean prediction over its line snapshots, actual) of its graded player-games of {@code [from, until)}. */
    private Map<String, List<double[]>> residualsFromWarehouse(Market market, LocalDate from, LocalDate until) {
        Map<String, List<double[]>> residuals = new HashMap<>();
        warehouse.jdbi().useHandle(h -> h.createQuery("SELECT system_id, " + AVG_PREDICTED + ", max(actual) FROM prediction_grade "
                        + "WHERE market = ? AND game_date < ? AND game_date >= ? AND actual IS NOT NULL "
                        + "GROUP BY system_id, game_key, player_lookup ORDER BY system_id, game_key, player_lookup")
                .bind(0, market.key()).bind(1, until).bind(2, from)
                .map((rs, ctx) -> Map.entry(rs.getString(1), new double[] {rs.getDouble(2), rs.getDouble(3)}))
                .forEach(e -> residuals.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue())));
        return residuals;
    }

    /** Per system, (raw P(over), went over) of its graded picks of {@code [from, until)}, ascending. */
    private Map<String, List<double[]>> picksFromWarehouse(Market market, LocalDate from, LocalDate until) {
        Map<String, List<double[]>> picks = new HashMap<>();
        warehouse.jdbi().useHandle(h -> h.createQuery("SELECT system_id, p_over_raw, CASE WHEN went_over THEN 1.0 ELSE 0.0 END "
                        + "FROM prediction_grade WHERE market = ? AND game_date < ? AND game_date >= ? AND p_over_raw IS NOT NULL "
                        + "AND went_over IS NOT NULL ORDER BY 1, 2, 3")
                .bind(0, market.key()).bind(1, until).bind(2, from)
                .map((rs, ctx) -> Map.entry(rs.getString(1), new double[] {rs.getDouble(2), rs.getDouble(3)}))
                .forEach(e -> picks.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue())));
        return picks;
    }

    /** The members' graded player-games of {@code [from, until)} for the ensemble's fit (see {@link GradedHistory#ensembleRows}). */
    private void ensembleRowsFromWarehouse(Market market, LocalDate from, LocalDate until, List<String> members, Map<String, double[]> rows,
            Map<String, Double> actual) {
        String in = members.stream().map(m -> "?").collect(Collectors.joining(", "));
        warehouse.jdbi().useHandle(h -> {
            var q = h.createQuery("SELECT game_key || '|' || player_lookup, system_id, " + AVG_PREDICTED + ", max(actual) FROM prediction_grade "
                    + "WHERE market = ? AND game_date < ? AND game_date >= ? AND actual IS NOT NULL AND system_id IN (" + in + ") "
                    + "GROUP BY game_key, player_lookup, system_id ORDER BY game_key, player_lookup, system_id");
            q.bind(0, market.key()).bind(1, until).bind(2, from);
            for (int i = 0; i < members.size(); i++) {
                q.bind(3 + i, members.get(i));
            }
            q.map((rs, ctx) -> new Object[] {rs.getString(1), rs.getString(2), rs.getDouble(3), rs.getDouble(4)}).forEach(r -> {
                double[] v = rows.computeIfAbsent((String) r[0], k -> {
                    double[] a = new double[members.size()];
                    java.util.Arrays.fill(a, Double.NaN);
                    return a;
                });
                v[members.indexOf((String) r[1])] = (Double) r[2];
                actual.put((String) r[0], (Double) r[3]);
            });
        });
    }

    private static double[][] meansAndSds(List<PlayerGame> games, int k) {
        double[] mean = new double[k];
        double[] sd = new double[k];
        for (int j = 0; j < k; j++) {
            double sum = 0;
            double sq = 0;
            int n = 0;
            for (PlayerGame g : games) {
                double v = g.feature(j);
                if (!Double.isNaN(v)) {
                    sum += v;
                    sq += v * v;
                    n++;
                }
            }
            mean[j] = n == 0 ? Double.NaN : sum / n;
            sd[j] = n < 2 ? 1 : Math.sqrt(Math.max(0, sq / n - mean[j] * mean[j]));
        }
        return new double[][] {mean, sd};
    }

    private static double[] vector(java.sql.ResultSet rs, int first, int n) throws java.sql.SQLException {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            double x = rs.getDouble(first + i);
            v[i] = rs.wasNull() ? Double.NaN : x;
        }
        return v;
    }

}
