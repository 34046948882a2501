package io.nbaprops.raw;

import io.nbaprops.archive.RawArchive;
import io.nbaprops.engine.Asset;
import io.nbaprops.engine.AssetContext;
import io.nbaprops.engine.Dependency;
import io.nbaprops.identity.GameKey;
import io.nbaprops.identity.Teams;
import io.nbaprops.raw.lines.LineHistoryAsset;
import io.nbaprops.source.FetchRequest;
import io.nbaprops.source.FetchResult;
import io.nbaprops.source.HttpFetcher;
import io.nbaprops.source.Pagination;
import io.nbaprops.source.Parsers;
import io.nbaprops.source.SourceException;
import io.nbaprops.source.bdl.BdlRequests;
import io.nbaprops.source.bettingpros.BpRequests;
import io.nbaprops.source.bigdataball.BdbRequests;
import io.nbaprops.source.bref.BrRequests;
import io.nbaprops.source.espn.EspnRequests;
import io.nbaprops.source.nbac.NbacRequests;
import io.nbaprops.source.oddsapi.OddsApiRequests;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every source endpoint the platform collects, as a pair of assets: {@code collect_<source>}
 * (phase 1: fetch into the archive) and {@code raw_<source>} (phase 2: parse the archived payloads
 * into keyed raw tables), plus {@code prop_line} and {@code game_line}, the cross-source line
 * history. Source names are the parser names of {@link Parsers} (= the sample folder names).
 *
 * <p>The integrator registers them: {@code new AssetGraph(SourceAssets.all(fetcher, archive))} (with
 * the other phases' assets). Per-game and per-team collectors read the day's games from the raw
 * schedule tables, so they depend on the schedule's parse asset.
 */
public final class SourceAssets {
    private static final Logger log = LoggerFactory.getLogger(SourceAssets.class);
    private static final List<String> LEADER_STATS = List.of("pts", "reb", "ast", "stl", "blk");
    private static final java.time.format.DateTimeFormatter ET = java.time.format.DateTimeFormatter
            .ofPattern("yyyy-MM-dd HH:mm 'ET'").withZone(GameKey.EASTERN);

    /**
     * One endpoint: its source (parser) name, config source and archive endpoint, how to collect it,
     * its tables (table to partition column, or null to upsert), parse options, and the raw assets it
     * needs before collecting.
     */
    public record Endpoint(String source, String httpSource, String endpoint, Collector collector, Map<String, String> tables,
            ParseAsset.Options options, List<String> after) {
        public String collectAsset() {
            return "collect_" + source;
        }

        /** Whether collecting needs the date's schedule first (its cut-off and prediction time, see {@link PredictionTime}). */
        public boolean needsSchedule() {
            return NEEDS_SCHEDULE.contains(source);
        }

        public String parseAsset() {
            return "raw_" + source;
        }
    }

    /** Endpoints whose collection depends on the date's cut-off or prediction time. */
    static final Set<String> NEEDS_SCHEDULE = Set.of("bdl_injuries", "nbac_injury_report", "oddsa_events", "oddsa_player_props",
            "oddsa_game_lines");

    private SourceAssets() {}

    /** Every collect/parse pair plus prop_line and game_line, ready for the engine's AssetGraph. */
    public static List<Asset> all(HttpFetcher fetcher, RawArchive archive) {
        List<Asset> assets = new ArrayList<>();
        for (Endpoint e : endpoints(PredictionTime.defaults())) {
            CollectAsset c = new CollectAsset(e.collectAsset(), e.httpSource(), e.endpoint(), fetcher, e.collector(),
                    e.after().stream().map(a -> Dependency.same("raw_" + a)).toList());
            assets.add(c);
            assets.add(new ParseAsset(e.parseAsset(), c, Parsers.get(e.source()), archive, e.tables(), e.options()));
        }
        // prop_line waits only for The Odds API: a BettingPros outage must not hold back the lines we
        // have. BettingPros snapshots already parsed are folded in on every (re)build of the date.
        assets.add(LineHistoryAsset.propLines(List.of("raw_oddsa_player_props")));
        assets.add(LineHistoryAsset.gameLines(List.of("raw_oddsa_game_lines")));
        return assets;
    }

    /** The endpoint definitions (also used by tests to check every one is consistent), with the default prediction time. */
    public static List<Endpoint> endpoints() {
        return endpoints(PredictionTime.defaults());
    }

    /**
     * The endpoint definitions. {@code time} says when each date's picks are made: a run after a date's cut-off
     * collects the date as of then (historical line snapshots; "now" lists only from the archive).
     */
    public static List<Endpoint> endpoints(PredictionTime time) {
        ParseAsset.Options plain = ParseAsset.Options.defaults();
        List<Endpoint> e = new ArrayList<>();
        // balldontlie
        e.add(new Endpoint("bdl_games", "balldontlie", "games", cursor(BdlRequests::games), byDate("bdl_game"),
                plain.critical("bdl_game", false), List.of()));
        e.add(new Endpoint("bdl_box_scores", "balldontlie", "box_scores", single(BdlRequests::boxScores),
                byDate("bdl_box_score_game", "bdl_box_score_player"), plain.critical("bdl_box_score_player", true), List.of()));
        e.add(new Endpoint("bdl_live_box_scores", "balldontlie", "box_scores_live", single(BdlRequests::liveBoxScores),
                upsert("bdl_box_score_game", "bdl_box_score_player"), plain, List.of()));
        e.add(new Endpoint("bdl_player_box_scores", "balldontlie", "stats", cursor(BdlRequests::stats), upsert("bdl_player_stat"),
                plain.critical("bdl_player_stat", true), List.of()));
        e.add(new Endpoint("bdl_game_adv_stats", "balldontlie", "stats_advanced", cursor(BdlRequests::advancedStats),
                upsert("bdl_advanced_stat"), plain, List.of()));
        e.add(new Endpoint("bdl_players", "balldontlie", "players", cursor(BdlRequests::players), upsert("bdl_player"), plain,
                List.of()));
        Map<String, String> active = new LinkedHashMap<>(upsert("bdl_player"));
        active.put("bdl_active_player", "as_of_date");
        e.add(new Endpoint("bdl_active_players", "balldontlie", "players_active", cursor(BdlRequests::activePlayers), active,
                plain, List.of()));
        e.add(new Endpoint("bdl_teams", "balldontlie", "teams", single(BdlRequests::teams), upsert("bdl_team"), plain, List.of()));
        // The injury list as it stands: a "now" endpoint, never fetched for a date after its cut-off.
        e.add(new Endpoint("bdl_injuries", "balldontlie", "player_injuries",
                pointInTime("bdl_injuries", "balldontlie", "player_injuries", time, cursor(BdlRequests::injuries)),
                Map.of("bdl_injury", "as_of_date"), plain.pointInTime(time), List.of()));
        e.add(new Endpoint("bdl_standings", "balldontlie", "standings", single(BdlRequests::standings), upsert("bdl_standing"),
                plain, List.of()));
        e.add(new Endpoint("bdl_leaders", "balldontlie", "leaders", leaders(), upsert("bdl_leader"), plain, List.of()));
        e.add(new Endpoint("bdl_player_averages", "balldontlie", "season_averages", cursor(BdlRequests::seasonAverages),
                upsert("bdl_season_average"), plain, List.of()));
        e.add(new Endpoint("bdl_odds", "balldontlie", "odds", cursor(BdlRequests::odds), upsert("bdl_game_odds"), plain, List.of()));
        // NBA.com
        e.add(new Endpoint("nbac_schedule_api", "nba_stats", "schedule_api", single(NbacRequests::scheduleApi),
                upsert("nbac_schedule"), plain.critical("nbac_schedule", false), List.of()));
        e.add(new Endpoint("nbac_schedule_cdn", "nba_cdn", "schedule_cdn", single(NbacRequests::scheduleCdn),
                upsert("nbac_schedule"), plain.critical("nbac_schedule", false), List.of()));
        e.add(new Endpoint("nbac_scoreboard_v2", "nba_stats", "scoreboard_v2", single(NbacRequests::scoreboard),
                upsert("nbac_scoreboard_game", "nbac_line_score"), plain.critical("nbac_scoreboard_game", false), List.of()));
        e.add(new Endpoint("nbac_player_boxscore", "nba_stats", "league_game_log", leagueGameLog(),
                byDate("nbac_player_game_log"), plain.critical("nbac_player_game_log", true), List.of("nbac_schedule_api")));
        e.add(new Endpoint("nbac_team_boxscore", "nba_stats", "boxscore_traditional",
                perNbaGame((d, g, c) -> NbacRequests.boxScore(d, g.gameId(), c)), upsert("nbac_box_score_player",
                        "nbac_box_score_team"), plain, List.of("nbac_schedule_api")));
        e.add(new Endpoint("nbac_play_by_play", "nba_cdn", "play_by_play",
                perNbaGame((d, g, c) -> NbacRequests.playByPlay(d, g.gameId(), c)), upsert("nbac_play_by_play"), plain,
                List.of("nbac_schedule_api")));
        e.add(new Endpoint("nbac_player_list", "nba_stats", "player_index", single(NbacRequests::playerIndex),
                upsert("nbac_player"), plain, List.of()));
        e.add(new Endpoint("nbac_player_movement", "nba_stats", "player_movement", single(NbacRequests::playerMovement),
                upsert("nbac_player_movement"), plain, List.of()));
        e.add(new Endpoint("nbac_roster", "nba_web", "team_roster", perTeam(NbacRequests::teamRoster), upsert("nbac_roster"),
                plain, List.of()));
        e.add(new Endpoint("nbac_referee_assignments", "nba_official", "referee_assignments",
                single(NbacRequests::refereeAssignments), upsert("nbac_referee_assignment"), plain, List.of()));
        e.add(new Endpoint("nbac_injury_report", "nba_static", "injury_report", injuryReport(time),
                upsert("nbac_injury_report", "nbac_injury_report_team"), plain.identity("nbac_injury_report"), List.of()));
        e.add(new Endpoint("nbac_gamebook_pdf", "nba_statsdmz", "gamebook_pdf",
                perNbaGame((d, g, c) -> NbacRequests.gamebook(d, g.away(), g.home(), c)),
                upsert("nbac_gamebook_game", "nbac_gamebook_player"), plain.identity("nbac_gamebook_player"),
                List.of("nbac_schedule_api")));
        // ESPN
        e.add(new Endpoint("espn_scoreboard_api", "espn", "scoreboard", single(EspnRequests::scoreboard),
                upsert("espn_scoreboard_game"), plain.critical("espn_scoreboard_game", false), List.of()));
        e.add(new Endpoint("espn_game_boxscore", "espn_web", "boxscore_html", perItem("espn game",
                ctx -> DayGames.espnGameIds(ctx.warehouse(), ctx.partition()), (d, id, c) -> EspnRequests.boxScore(d, id, c)),
                upsert("espn_box_score_player", "espn_box_score_team"), plain, List.of("espn_scoreboard_api")));
        e.add(new Endpoint("espn_roster", "espn_web", "team_roster_html", perTeam(EspnRequests::rosterPage), upsert("espn_roster"),
                plain, List.of()));
        e.add(new Endpoint("espn_roster_api", "espn", "team_roster_api", perTeam(EspnRequests::rosterApi),
                upsert("espn_roster_api"), plain, List.of()));
        // The Odds API
        e.add(new Endpoint("oddsa_events", "odds_api", "events", oddsEvents(time), upsert("oddsa_event"), plain, List.of()));
        e.add(new Endpoint("oddsa_player_props", "odds_api", "event_odds_props", oddsProps(time),
                upsert("oddsa_player_prop", "oddsa_game_line"), plain.history().identity("oddsa_player_prop"),
                List.of("oddsa_events")));
        e.add(new Endpoint("oddsa_game_lines", "odds_api", "odds_game_lines", oddsGameLines(time),
                upsert("oddsa_player_prop", "oddsa_game_line"), plain.history(), List.of("oddsa_events")));
        // BettingPros
        e.add(new Endpoint("bp_events", "bettingpros", "events", single(BpRequests::events), upsert("bp_event", "bp_event_lineup"),
                plain.identity("bp_event_lineup"), List.of()));
        e.add(new Endpoint("bp_player_props", "bettingpros", "offers", bpOffers(), upsert("bp_player_prop"),
                plain.history().identity("bp_player_prop"), List.of("bp_events")));
        // BigDataBall
        e.add(new Endpoint("bigdataball_discovery", "bigdataball", "discovery", single(BdbRequests::discovery),
                upsert("bdb_discovery"), plain, List.of()));
        e.add(new Endpoint("bigdataball_pbp", "bigdataball", "pbp_csv",
                perNbaGame((d, g, c) -> BdbRequests.playByPlay(d, g.gameId(), c)), upsert("bdb_play_by_play"),
                plain.identity("bdb_play_by_play"), List.of("nbac_schedule_api")));
        // Basketball-Reference
        e.add(new Endpoint("br_roster", "basketball_reference", "team_roster", perTeam(BrRequests::roster), upsert("br_roster"),
                plain.identity("br_roster"), List.of()));
        return e;
    }

    private static Map<String, String> upsert(String... tables) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String t : tables) {
            m.put(t, null);
        }
        return m;
    }

    private static Map<String, String> byDate(String... tables) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String t : tables) {
            m.put(t, "game_date");
        }
        return m;
    }

    /** A request built from (date, item, collection id). */
    @FunctionalInterface
    interface ItemRequest<T> {
        FetchRequest build(LocalDate date, T item, String collection);
    }

    static Collector single(BiFunction<LocalDate, String, FetchRequest> request) {
        return (ctx, f, cid) -> List.of(f.get(request.apply(ctx.partition(), cid)));
    }

    static Collector cursor(BiFunction<LocalDate, String, FetchRequest> request) {
        return (ctx, f, cid) -> Pagination.cursor(f, request.apply(ctx.partition(), cid), Pagination.DEFAULT_MAX_PAGES);
    }

    /**
     * One request per item (game, team, event): a failing item is noted and the others go on; only
     * when every item fails does the collection fail (with the first error).
     */
    static <T> Collector perItem(String what, Function<AssetContext, List<T>> items, ItemRequest<T> request) {
        return perItem(what, items, String::valueOf, request);
    }

    static <T> Collector perItem(String what, Function<AssetContext, List<T>> items, Function<T, String> label,
            ItemRequest<T> request) {
        return (ctx, f, cid) -> {
            CollectedPages pages = new CollectedPages();
            List<SourceException> errors = new ArrayList<>();
            List<T> list = items.apply(ctx);
            for (T item : list) {
                ctx.checkCancelled();
                try {
                    pages.add(f.get(request.build(ctx.partition(), item, cid)));
                } catch (SourceException ex) {
                    errors.add(ex);
                    pages.failed(what + " " + label.apply(item) + ": " + ex.getMessage());
                    log.warn("{} [{}] {} {}: {}", ctx.asset(), ctx.partition(), what, label.apply(item), ex.getMessage());
                }
            }
            if (!errors.isEmpty() && pages.isEmpty()) {
                throw errors.get(0);
            }
            return pages;
        };
    }

    /** Per game of the NBA.com schedule that has tipped off by now (box scores, play-by-play, game books). */
    static Collector perNbaGame(ItemRequest<DayGames.NbaGame> request) {
        return perItem("game", ctx -> DayGames.nba(ctx.warehouse(), ctx.partition()).stream()
                .filter(g -> g.tipOff() == null || !g.tipOff().isAfter(ctx.clock().instant())).toList(),
                DayGames.NbaGame::gameId, request);
    }

    static Collector perTeam(ItemRequest<Teams.Team> request) {
        return perItem("team", ctx -> Teams.ALL, Teams.Team::tricode, request);
    }

    private static Collector leaders() {
        return perItem("stat", ctx -> LEADER_STATS, (d, stat, c) -> BdlRequests.leaders(d, stat, c));
    }

    /** One game log per kind of game played that day (regular season, play-in, playoffs), from the game id prefix. */
    private static Collector leagueGameLog() {
        return perItem("season type", ctx -> {
            Set<String> types = new LinkedHashSet<>();
            for (DayGames.NbaGame g : DayGames.nba(ctx.warehouse(), ctx.partition())) {
                String prefix = g.gameId().length() >= 3 ? g.gameId().substring(0, 3) : "";
                switch (prefix) {
                    case "002", "006" -> types.add("Regular Season");
                    case "004" -> types.add("Playoffs");
                    case "005" -> types.add("PlayIn");
                    default -> { /* preseason and exhibitions have no game log */ }
                }
            }
            return types.isEmpty() ? List.of("Regular Season") : new ArrayList<>(types);
        }, (d, type, c) -> NbacRequests.leagueGameLog(d, type, c));
    }

    /**
     * The newest injury report of the date: reports are published hourly as
     * Injury-Report_yyyy-MM-dd_hhAM/PM.pdf; missing ones answer 403/404. Tries from the latest hour
     * (now, for today) backwards and keeps the first found.
     */
    private static Collector injuryReport(PredictionTime time) {
        return (ctx, f, cid) -> {
            LocalDate date = ctx.partition();
            Instant at = ctx.clock().instant();
            if (time.afterCutoff(ctx.warehouse(), date, at)) {
                // After the date's cut-off: the newest report published (15 minutes' grace) by the prediction time.
                at = time.predictionAt(ctx.warehouse(), date).minus(Duration.ofMinutes(15));
            }
            LocalDateTime now = LocalDateTime.ofInstant(at, GameKey.EASTERN);
            int last = date.equals(now.toLocalDate()) ? now.getHour() : date.isAfter(now.toLocalDate()) ? -1 : 23;
            List<String> tried = new ArrayList<>();
            for (int hour = last; hour >= 0; hour--) {
                ctx.checkCancelled();
                try {
                    return List.of(f.get(NbacRequests.injuryReport(date, hour, cid)));
                } catch (SourceException ex) {
                    if (ex.httpStatus() != 403 && ex.httpStatus() != 404) {
                        throw ex;
                    }
                    tried.add(hour + "h");
                }
            }
            throw new SourceException("nba_static", "/referee/injury/Injury-Report_" + date + "_*.pdf", 0,
                    "no injury report published for " + date + " yet (tried " + String.join(", ", tried) + ")", true, null);
        };
    }

    /**
     * A "now" endpoint (a list as it stands when fetched, no date of its own): fetched live only before the date's
     * cut-off. After it, fetching would stamp today's list with a past date; the snapshot archived before the cut-off
     * stands for the date instead (the parse reads it), and when there is none the gap is recorded
     * ({@link PointInTimeGaps}): the date's features are degraded and its predictions not pickable, saying why.
     */
    static Collector pointInTime(String source, String httpSource, String endpoint, PredictionTime time, Collector live) {
        return (ctx, f, cid) -> {
            LocalDate d = ctx.partition();
            Instant cutoff = time.cutoff(ctx.warehouse(), d);
            if (ctx.clock().instant().isBefore(cutoff)) {
                List<FetchResult> pages = live.collect(ctx, f, cid);
                PointInTimeGaps.clear(ctx, d, source);
                return pages;
            }
            CollectedPages none = new CollectedPages();
            java.util.Optional<Instant> archived = PointInTimeGaps.archivedBefore(ctx.warehouse(), httpSource, endpoint, d, cutoff);
            if (archived.isPresent()) {
                PointInTimeGaps.clear(ctx, d, source);
                none.note("not fetched after the date's cut-off " + ET.format(cutoff) + ": the snapshot archived "
                        + ET.format(archived.get()) + " stands for " + d);
            } else if (!time.gameDay(ctx.warehouse(), d)) {
                PointInTimeGaps.clear(ctx, d, source);
                none.note("not fetched after the date's cut-off: no games on " + d + ", nothing to predict");
            } else {
                String why = "no " + source + " snapshot archived before " + d + "'s cut-off " + ET.format(cutoff)
                        + " (fetching it now would stamp today's list with " + d + "): injury features degraded, picks withheld";
                PointInTimeGaps.record(ctx, d, source, why);
                none.note(why);
            }
            return none;
        };
    }

    /** Today's events live; after the date's cut-off, the historical snapshot at the date's prediction time. */
    private static Collector oddsEvents(PredictionTime time) {
        return (ctx, f, cid) -> {
            if (time.afterCutoff(ctx.warehouse(), ctx.partition(), ctx.clock().instant())) {
                Instant at = time.predictionAt(ctx.warehouse(), ctx.partition());
                return List.of(f.get(OddsApiRequests.historicalEvents(ctx.partition(), at, cid)));
            }
            return List.of(f.get(OddsApiRequests.events(ctx.partition(), cid)));
        };
    }

    /**
     * Player props per event: live for games not started yet (a snapshot stamped with its time each run, so the
     * closing-line runs before later tip-offs still collect after the date's first one: predictions read only lines
     * from before their prediction time); once every game has started (a backfill, a re-run), the historical snapshot
     * at the date's prediction time, as the live run saw it.
     */
    private static Collector oddsProps(PredictionTime time) {
        return (ctx, f, cid) -> {
            Instant now = ctx.clock().instant();
            List<DayGames.Event> all = DayGames.oddsEvents(ctx.warehouse(), ctx.partition());
            boolean past = time.afterCutoff(ctx.warehouse(), ctx.partition(), now)
                    && all.stream().noneMatch(ev -> ev.commence().isAfter(now));
            Instant at = past ? time.predictionAt(ctx.warehouse(), ctx.partition()) : now;
            List<DayGames.Event> events = all.stream().filter(ev -> ev.commence().isAfter(at)).toList();
            return perItem("event", c -> events, (DayGames.Event ev) -> ev.id(), (d, ev, c) -> past
                    ? OddsApiRequests.historicalEventProps(d, ev.id(), at, c)
                    : OddsApiRequests.eventProps(d, ev.id(), c)).collect(ctx, f, cid);
        };
    }

    /**
     * While a game of the date has not started: all games' h2h/spreads/totals in one live call (stamped with its time);
     * once every game has started: each event's snapshot at the prediction time.
     */
    private static Collector oddsGameLines(PredictionTime time) {
        return (ctx, f, cid) -> {
            Instant now = ctx.clock().instant();
            List<DayGames.Event> all = DayGames.oddsEvents(ctx.warehouse(), ctx.partition());
            if (!time.afterCutoff(ctx.warehouse(), ctx.partition(), now) || all.stream().anyMatch(ev -> ev.commence().isAfter(now))) {
                return List.of(f.get(OddsApiRequests.gameLines(ctx.partition(), cid)));
            }
            Instant at = time.predictionAt(ctx.warehouse(), ctx.partition());
            List<DayGames.Event> events = all.stream().filter(ev -> ev.commence().isAfter(at)).toList();
            return perItem("event", c -> events, (DayGames.Event ev) -> ev.id(), (d, ev, c) ->
                    OddsApiRequests.historicalEventGameLines(d, ev.id(), at, c)).collect(ctx, f, cid);
        };
    }

    private static Collector bpOffers() {
        return (ctx, f, cid) -> {
            List<Long> events = DayGames.bettingProsEvents(ctx.warehouse(), ctx.partition());
            List<FetchResult> pages = new ArrayList<>();
            if (events.isEmpty()) {
                return pages;
            }
            for (long market : BpRequests.PROP_MARKETS) {
                ctx.checkCancelled();
                pages.addAll(Pagination.pages(f, BpRequests.offers(ctx.partition(), market, events, cid), 50));
            }
            return pages;
        };
    }
}
