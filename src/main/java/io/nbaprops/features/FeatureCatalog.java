package io.nbaprops.features;

import java.util.List;

/**
 * The one definition of the feature vector: training, serving, the feature_store table and the
 * documentation (docs/FEATURES.md is generated from this list and checked by a test) all use it.
 * Changing the list means a new {@link #VERSION}; models trained on another version refuse to load.
 */
public final class FeatureCatalog {
    public static final String VERSION = "fv4";

    static final String RECENT = "recent performance";
    static final String MINUTES = "minutes and efficiency";
    static final String FATIGUE = "fatigue, rest and travel";
    static final String MATCHUP = "matchup";
    static final String PROFILE = "shot profile";
    static final String TEAM = "team context";
    static final String MARKET = "market";
    static final String HISTORY = "opponent history";
    static final String OTHER = "other markets";

    private static final String BOX = "player_game_summary (games before the date)";
    private static final String TEAMS = "team_game_summary (games before the date)";
    private static final String CONTEXT = "upcoming_player_game_context";
    private static final String LINES = "prop_line snapshots before tip-off";

    public static final List<Feature> ALL = List.of(
            new Feature("pts_avg_l5", RECENT, "mean points in the player's last 5 games played", "last 5 games", BOX, "+"),
            new Feature("pts_avg_l10", RECENT, "mean points in the last 10 games played", "last 10 games", BOX, "+"),
            new Feature("pts_avg_season", RECENT, "mean points this season", "season to date", BOX, "+"),
            new Feature("pts_sd_l10", RECENT, "standard deviation of points in the last 10 games", "last 10 games", BOX, "?"),
            new Feature("pts_ewm", RECENT, "exponentially weighted mean of points (weight 0.85 per game back)", "last 20 games", BOX, "+"),
            new Feature("pts_trend", RECENT, "last-5 mean minus season mean: a hot or cold stretch", "last 5 vs season", BOX, "+"),
            new Feature("min_avg_l5", MINUTES, "mean minutes in the last 5 games played", "last 5 games", BOX, "+"),
            new Feature("min_avg_l10", MINUTES, "mean minutes in the last 10 games played", "last 10 games", BOX, "+"),
            new Feature("min_sd_l10", MINUTES, "standard deviation of minutes in the last 10 games", "last 10 games", BOX, "?"),
            new Feature("pts_per_min_l10", MINUTES, "points per minute over the last 10 games", "last 10 games", BOX, "+"),
            new Feature("usage_l10", MINUTES, "mean usage rate (% of team plays used on the floor)", "last 10 games", BOX, "+"),
            new Feature("ts_pct_l10", MINUTES, "true shooting: points / (2 x (FGA + 0.44 FTA))", "last 10 games", BOX, "+"),
            new Feature("fga_per_min_l10", MINUTES, "field-goal attempts per minute", "last 10 games", BOX, "+"),
            new Feature("starter_share_l10", MINUTES, "share of the last 10 games the player started", "last 10 games", BOX, "+"),
            new Feature("days_rest", FATIGUE, "days since the player's last game, capped at 10", "since last game", CONTEXT, "+"),
            new Feature("back_to_back", FATIGUE, "1 when the team played yesterday", "yesterday", CONTEXT, "-"),
            new Feature("games_last_7d", FATIGUE, "team games in the 7 days before the date", "7 days", CONTEXT, "-"),
            new Feature("travel_km", FATIGUE, "distance from the previous game's arena to this one", "since last game", CONTEXT, "-"),
            new Feature("tz_crossed", FATIGUE, "time zones crossed since the previous game", "since last game", CONTEXT, "-"),
            new Feature("opp_def_rating_l10", MATCHUP, "opponent's points allowed per 100 possessions", "opponent's last 10 games", TEAMS, "+"),
            new Feature("opp_pace_l10", MATCHUP, "opponent's possessions per 48 minutes", "opponent's last 10 games", TEAMS, "+"),
            new Feature("opp_fg3a_rate_allowed_l10", MATCHUP, "share of shots the opponent allows from three", "opponent's last 10 games", TEAMS, "?"),
            new Feature("opp_fta_rate_allowed_l10", MATCHUP, "free throws per shot the opponent allows", "opponent's last 10 games", TEAMS, "+"),
            new Feature("opp_fg2_pct_allowed_l10", MATCHUP, "two-point percentage the opponent allows", "opponent's last 10 games", TEAMS, "+"),
            new Feature("zone_mismatch", MATCHUP, "player's shot mix times how much more of each shot type the opponent allows than the league",
                    "last 10 games", BOX + " + " + TEAMS, "+"),
            new Feature("fg3a_share_l10", PROFILE, "share of the player's shots that are threes", "last 10 games", BOX, "?"),
            new Feature("ft_rate_l10", PROFILE, "free-throw attempts per field-goal attempt", "last 10 games", BOX, "+"),
            new Feature("fg3_pct_l10", PROFILE, "three-point percentage", "last 10 games", BOX, "+"),
            new Feature("is_home", TEAM, "1 at home", "this game", CONTEXT, "+"),
            new Feature("team_pace_l10", TEAM, "own team's possessions per 48 minutes", "team's last 10 games", TEAMS, "+"),
            new Feature("team_off_rating_l10", TEAM, "own team's points per 100 possessions", "team's last 10 games", TEAMS, "+"),
            new Feature("teammates_out", TEAM, "teammates ruled out (or doubtful) on the latest injury report", "this game", CONTEXT, "+"),
            new Feature("teammates_out_usage", TEAM, "sum of the absent teammates' recent usage x minutes share", "their last 10 games", CONTEXT, "+"),
            new Feature("injury_status", TEAM, "the player's own status: 0 none, 1 probable, 2 questionable, 3 doubtful, 4 out", "latest report", CONTEXT, "-"),
            new Feature("line_current", MARKET, "consensus points line at the latest snapshot before tip-off", "latest snapshot", LINES, "+"),
            new Feature("line_opening", MARKET, "consensus points line at the first snapshot", "first snapshot", LINES, "+"),
            new Feature("line_move", MARKET, "current minus opening line", "day's snapshots", LINES, "+"),
            new Feature("has_line", MARKET, "1 when a usable (not flagged) line exists", "latest snapshot", LINES, "?"),
            new Feature("spread", MARKET, "the team's point spread (negative = favourite)", "latest snapshot", "game_line", "-"),
            new Feature("game_total", MARKET, "the game's over/under total", "latest snapshot", "game_line", "+"),
            new Feature("implied_team_total", MARKET, "points the market expects the team to score: total/2 - spread/2", "latest snapshot",
                    "game_line", "+"),
            new Feature("vs_opp_pts_avg", HISTORY, "mean points against this opponent this season", "season to date", BOX, "+"),
            new Feature("vs_opp_games", HISTORY, "games against this opponent this season", "season to date", BOX, "?"),
            new Feature("reb_avg_l10", OTHER, "mean rebounds in the last 10 games", "last 10 games", BOX, "?"),
            new Feature("ast_avg_l10", OTHER, "mean assists in the last 10 games", "last 10 games", BOX, "?"),
            new Feature("fg3m_avg_l10", OTHER, "mean threes made in the last 10 games", "last 10 games", BOX, "+"),
            // fv4: a player's level drifts slowly and one game's points are noisy, so long-memory rates estimate it
            // better than short windows; and points are minutes x attempts per minute x points per attempt, a product
            // trees learn poorly from 30k rows, so the projection is computed here from its parts.
            new Feature("pts_ewm_long", RECENT, "exponentially weighted mean of points, weight 0.95 per game back (slow drift, noisy games)",
                    "last 60 games", BOX, "+"),
            new Feature("min_ewm", MINUTES, "exponentially weighted mean of minutes, weight 0.9 per game back", "last 30 games", BOX, "+"),
            new Feature("fga_per_min_ewm", MINUTES, "field-goal attempts per minute, weighted 0.95 per game back", "last 60 games", BOX, "+"),
            new Feature("pts_per_fga_shrunk", MINUTES,
                    "points (free throws included) per field-goal attempt, weighted 0.95 per game back and shrunk toward the league's"
                            + " with 30 attempts of prior", "last 60 games", BOX, "+"),
            new Feature("played_share_l10", MINUTES, "share of his team's last 10 games in which the player got minutes", "team's last 10 games",
                    BOX, "+"),
            new Feature("teammates_out_minutes", TEAM,
                    "minutes per game of teammates ruled out (or doubtful), counted only for the share of the last 10 games they"
                            + " played: what is newly missing", "their last 10 team games", CONTEXT + " + " + BOX, "+"),
            new Feature("teammates_back_minutes", TEAM,
                    "minutes per game of available teammates, for the share of the last 10 games they missed: what is coming back",
                    "their last 10 team games", CONTEXT + " + " + BOX, "-"),
            new Feature("min_expected", MINUTES,
                    "min_ewm plus the team's net freed minutes (out minus back), shared among available players by their room"
                            + " under 36 minutes", "this game", CONTEXT + " + " + BOX, "+"),
            new Feature("team_fga_factor", TEAM,
                    "team attempts per game over the attempts its expected rotation takes (min_expected x fga_per_min_ewm):"
                            + " above 1 when high-usage players are missing", "team's last 10 games", TEAMS + " + " + BOX, "+"),
            new Feature("pts_projection", MATCHUP,
                    "min_expected x fga_per_min_ewm x team_fga_factor x pts_per_fga_shrunk, times the opponent's defence and pace"
                            + " relative to the league and the league's home/away scoring ratio", "this game",
                    BOX + " + " + TEAMS + " + " + CONTEXT, "+"));

    private FeatureCatalog() {}

    public static List<String> names() {
        return ALL.stream().map(Feature::name).toList();
    }

    public static int size() {
        return ALL.size();
    }

    public static int indexOf(String name) {
        List<String> n = names();
        int i = n.indexOf(name);
        if (i < 0) {
            throw new IllegalArgumentException("no feature named " + name + " in " + VERSION);
        }
        return i;
    }

    /** Markdown table of every feature, for docs/FEATURES.md. */
    public static String markdown() {
        StringBuilder sb = new StringBuilder();
        sb.append("# Features (").append(VERSION).append(")\n\n")
                .append("Generated from `io.nbaprops.features.FeatureCatalog` (a test checks this file matches).\n")
                .append("Every feature for game date D uses only data available before D's tip-off.\n")
                .append("Direction: how a larger value should move the player's points (+, -, ? = depends).\n\n")
                .append("| # | feature | group | meaning | window | source | dir |\n|---|---|---|---|---|---|---|\n");
        for (int i = 0; i < ALL.size(); i++) {
            Feature f = ALL.get(i);
            sb.append("| ").append(i + 1).append(" | `").append(f.name()).append("` | ").append(f.group()).append(" | ")
                    .append(f.meaning()).append(" | ").append(f.window()).append(" | ").append(f.source()).append(" | ")
                    .append(f.direction()).append(" |\n");
        }
        return sb.toString();
    }
}
