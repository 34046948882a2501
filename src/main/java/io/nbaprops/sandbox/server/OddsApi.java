package io.nbaprops.sandbox.server;

import static io.nbaprops.sandbox.server.Json.obj;

import io.javalin.http.Context;
import io.nbaprops.sandbox.Book;
import io.nbaprops.sandbox.GameLine;
import io.nbaprops.sandbox.GameLineSnapshot;
import io.nbaprops.sandbox.LeagueGame;
import io.nbaprops.sandbox.Market;
import io.nbaprops.sandbox.PropLine;
import io.nbaprops.sandbox.PropSnapshot;
import io.nbaprops.sandbox.SandboxLeague;
import io.nbaprops.sandbox.gen.Odds;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The Odds API v4 over the sandbox books: events, an event's odds (player props and game lines),
 * all events' game lines, and the historical variants wrapped in {timestamp, previous_timestamp,
 * next_timestamp, data} on a 5-minute snapshot grid. A line is shown from its posting time; nothing
 * after tip-off (the sandbox has no live betting). Quota headers count each key's usage.
 */
final class OddsApi {
    static final String SPORT = "basketball_nba";
    static final Set<String> GAME_MARKETS = Set.of("h2h", "spreads", "totals");
    static final long QUOTA = 20_000;
    private static final Duration SNAPSHOT = Duration.ofMinutes(5);
    /** Events are listed from this long before tip-off. */
    private static final Duration LISTED_AHEAD = Duration.ofDays(3);

    private final SandboxLeague league;
    private final Map<String, AtomicLong> used = new ConcurrentHashMap<>();

    OddsApi(SandboxLeague league) {
        this.league = league;
    }

    /** Charges the request to the key and sets the quota headers. */
    void charge(Context ctx, String apiKey, long cost) {
        long total = used.computeIfAbsent(apiKey, k -> new AtomicLong()).addAndGet(cost);
        ctx.header("x-requests-remaining", String.valueOf(Math.max(0, QUOTA - total)));
        ctx.header("x-requests-used", String.valueOf(total));
        ctx.header("x-requests-last", String.valueOf(cost));
    }

    private Map<String, Object> event(LeagueGame g) {
        return obj("id", g.eventId(), "sport_key", SPORT, "sport_title", "NBA", "commence_time", g.tipoff().toString(),
                "home_team", league.team(g.home()).fullName(), "away_team", league.team(g.away()).fullName());
    }

    private boolean listed(LeagueGame g, Instant at) {
        return !at.isBefore(g.tipoff().minus(LISTED_AHEAD)) && !g.hasEnded(at);
    }

    private List<LeagueGame> listedEvents(Context ctx, Instant at) {
        Instant from = Params.optInstant(ctx, "commenceTimeFrom");
        Instant to = Params.optInstant(ctx, "commenceTimeTo");
        return league.games().stream().filter(g -> listed(g, at))
                .filter(g -> from == null || !g.tipoff().isBefore(from))
                .filter(g -> to == null || !g.tipoff().isAfter(to)).toList();
    }

    byte[] events(Context ctx, Instant now) {
        return Json.bytes(listedEvents(ctx, now).stream().map(this::event).toList());
    }

    LeagueGame eventGame(String eventId) {
        return league.gameByEventId(eventId).orElseThrow(() -> new ApiException(404, obj("message",
                "Event not found. The event may have expired or the event id is invalid.", "error_code", "EVENT_NOT_FOUND")));
    }

    /** Parsed markets=, regions=, oddsFormat=, bookmakers= (400 naming the parameter when invalid). */
    record Query(List<String> markets, boolean american, Set<String> bookmakers) {
        static Query parse(Context ctx, boolean propsAllowed) {
            String regions = Params.required(ctx, "regions");
            for (String r : regions.split(",")) {
                if (!Set.of("us", "us2", "uk", "eu", "au").contains(r.trim())) {
                    throw ApiException.badParameter("regions", "unknown region '" + r + "'");
                }
            }
            String m = ctx.queryParam("markets");
            List<String> markets = new ArrayList<>(new LinkedHashSet<>(List.of((m == null || m.isBlank() ? "h2h" : m).split(","))));
            for (String key : markets) {
                boolean prop = key.startsWith("player_");
                if (!GAME_MARKETS.contains(key) && !(prop && propsAllowed && priced(key))) {
                    throw ApiException.badParameter("markets", "market '" + key + "' is not available here");
                }
            }
            String format = ctx.queryParam("oddsFormat");
            if (format != null && !format.equals("american") && !format.equals("decimal")) {
                throw ApiException.badParameter("oddsFormat", "must be american or decimal");
            }
            String books = ctx.queryParam("bookmakers");
            Set<String> bookSet = books == null || books.isBlank() ? Set.of() : Set.of(books.split(","));
            return new Query(List.copyOf(markets), "american".equals(format), bookSet);
        }

        long cost() {
            return markets.size();
        }
    }

    /** Whether the league's books price this prop market (points, rebounds, assists, threes, PRA). */
    private static boolean priced(String key) {
        for (Market m : Market.values()) {
            if (m.key().equals(key)) {
                return true;
            }
        }
        return false;
    }

    /** The event with every book's markets as they stood at {@code at} (empty before posting and from tip-off). */
    Map<String, Object> eventOdds(LeagueGame g, Query q, Instant at) {
        Map<String, Object> e = event(g);
        List<Object> bookmakers = new ArrayList<>();
        for (Book book : Book.ALL) {
            if (!q.bookmakers().isEmpty() && !q.bookmakers().contains(book.key())) {
                continue;
            }
            List<Object> markets = new ArrayList<>();
            Instant bookUpdate = null;
            for (String key : q.markets()) {
                Instant[] updated = new Instant[1];
                List<Object> outcomes = GAME_MARKETS.contains(key) ? gameOutcomes(g, book, key, at, q.american(), updated)
                        : propOutcomes(g, book, Market.ofKey(key), at, q.american(), updated);
                if (!outcomes.isEmpty()) {
                    markets.add(obj("key", key, "last_update", updated[0].toString(), "outcomes", outcomes));
                    bookUpdate = bookUpdate == null || updated[0].isAfter(bookUpdate) ? updated[0] : bookUpdate;
                }
            }
            if (!markets.isEmpty()) {
                bookmakers.add(obj("key", book.key(), "title", book.title(), "last_update", bookUpdate.toString(), "markets",
                        markets));
            }
        }
        e.put("bookmakers", bookmakers);
        return e;
    }

    private Object price(int american, boolean asAmerican) {
        return asAmerican ? (Object) american : (Object) Odds.decimal(american);
    }

    private List<Object> gameOutcomes(LeagueGame g, Book book, String key, Instant at, boolean american, Instant[] updated) {
        for (GameLine gl : league.gameLines(g.index())) {
            if (gl.book().index() != book.index()) {
                continue;
            }
            GameLineSnapshot s = gl.at(at, g.tipoff());
            if (s == null) {
                return List.of();
            }
            updated[0] = s.at();
            String home = league.team(g.home()).fullName();
            String away = league.team(g.away()).fullName();
            return switch (key) {
                case "h2h" -> List.of(obj("name", away, "price", price(s.awayMoneyline(), american)),
                        obj("name", home, "price", price(s.homeMoneyline(), american)));
                case "spreads" -> List.of(obj("name", away, "price", price(s.awaySpreadPrice(), american), "point", -s.homeSpread()),
                        obj("name", home, "price", price(s.homeSpreadPrice(), american), "point", s.homeSpread()));
                default -> List.of(obj("name", "Over", "price", price(s.overPrice(), american), "point", s.total()),
                        obj("name", "Under", "price", price(s.underPrice(), american), "point", s.total()));
            };
        }
        return List.of();
    }

    private List<Object> propOutcomes(LeagueGame g, Book book, Market market, Instant at, boolean american, Instant[] updated) {
        List<Object> out = new ArrayList<>();
        for (PropLine pl : league.propLines(g.index())) {
            if (pl.book().index() != book.index() || pl.market() != market) {
                continue;
            }
            PropSnapshot s = pl.at(at, g.tipoff());
            if (s == null) {
                continue;
            }
            String name = league.player(pl.playerIndex()).fullName();
            out.add(obj("name", "Over", "description", name, "price", price(s.overPrice(), american), "point", s.line()));
            out.add(obj("name", "Under", "description", name, "price", price(s.underPrice(), american), "point", s.line()));
            updated[0] = updated[0] == null || s.at().isAfter(updated[0]) ? s.at() : updated[0];
        }
        return out;
    }

    byte[] odds(Context ctx, String eventId, Instant now) {
        LeagueGame g = eventGame(eventId);
        if (g.hasEnded(now)) {
            throw eventGone();
        }
        Query q = Query.parse(ctx, true);
        return Json.bytes(eventOdds(g, q, now));
    }

    long oddsCost(Context ctx) {
        return Query.parse(ctx, true).cost();
    }

    byte[] allOdds(Context ctx, Instant now) {
        Query q = Query.parse(ctx, false);
        // Like the real endpoint, only events some book has priced are listed.
        return Json.bytes(listedEvents(ctx, now).stream().map(g -> eventOdds(g, q, now))
                .filter(e -> !((List<?>) e.get("bookmakers")).isEmpty()).toList());
    }

    /** The snapshot grid point at or before {@code date}. */
    static Instant snapshot(Instant date) {
        long s = date.getEpochSecond();
        return Instant.ofEpochSecond(s - Math.floorMod(s, SNAPSHOT.getSeconds()));
    }

    private Map<String, Object> historical(Instant date, Instant now, Object data) {
        Instant ts = snapshot(date);
        Instant next = ts.plus(SNAPSHOT);
        return obj("timestamp", ts.toString(), "previous_timestamp", ts.minus(SNAPSHOT).toString(), "next_timestamp",
                next.isAfter(now) ? null : next.toString(), "data", data);
    }

    private Instant historicalDate(Context ctx, Instant now) {
        Instant date = Params.instant("date", Params.required(ctx, "date"));
        if (date.isAfter(now)) {
            throw ApiException.badParameter("date", "is after the current time " + now + " (no snapshot exists yet)");
        }
        return date;
    }

    byte[] historicalEvents(Context ctx, Instant now) {
        Instant date = historicalDate(ctx, now);
        Instant ts = snapshot(date);
        return Json.bytes(historical(date, now, listedEvents(ctx, ts).stream().map(this::event).toList()));
    }

    byte[] historicalOdds(Context ctx, String eventId, Instant now) {
        Instant date = historicalDate(ctx, now);
        LeagueGame g = eventGame(eventId);
        Instant ts = snapshot(date);
        if (!listed(g, ts)) {
            throw eventGone();
        }
        Query q = Query.parse(ctx, true);
        return Json.bytes(historical(date, now, eventOdds(g, q, ts)));
    }

    private static ApiException eventGone() {
        return new ApiException(404, obj("message", "Event not found. The event may have expired or the event id is invalid.",
                "error_code", "EVENT_NOT_FOUND"));
    }
}
