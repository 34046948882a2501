package io.nbaprops.source;

import io.nbaprops.source.bdl.BdlAdvancedStatsParser;
import io.nbaprops.source.bdl.BdlBoxScoresParser;
import io.nbaprops.source.bdl.BdlGamesParser;
import io.nbaprops.source.bdl.BdlInjuriesParser;
import io.nbaprops.source.bdl.BdlLeadersParser;
import io.nbaprops.source.bdl.BdlOddsParser;
import io.nbaprops.source.bdl.BdlPlayerStatsParser;
import io.nbaprops.source.bdl.BdlPlayersParser;
import io.nbaprops.source.bdl.BdlSeasonAveragesParser;
import io.nbaprops.source.bdl.BdlStandingsParser;
import io.nbaprops.source.bdl.BdlTeamsParser;
import io.nbaprops.source.bettingpros.BpEventsParser;
import io.nbaprops.source.bettingpros.BpPlayerPropsParser;
import io.nbaprops.source.bigdataball.BdbDiscoveryParser;
import io.nbaprops.source.bigdataball.BdbPlayByPlayParser;
import io.nbaprops.source.bref.BrRosterParser;
import io.nbaprops.source.espn.EspnBoxScoreParser;
import io.nbaprops.source.espn.EspnRosterApiParser;
import io.nbaprops.source.espn.EspnRosterParser;
import io.nbaprops.source.espn.EspnScoreboardParser;
import io.nbaprops.source.nbac.NbacBoxScoreParser;
import io.nbaprops.source.nbac.NbacGamebookParser;
import io.nbaprops.source.nbac.NbacInjuryReportParser;
import io.nbaprops.source.nbac.NbacLeagueGameLogParser;
import io.nbaprops.source.nbac.NbacPlayByPlayParser;
import io.nbaprops.source.nbac.NbacPlayerIndexParser;
import io.nbaprops.source.nbac.NbacPlayerMovementParser;
import io.nbaprops.source.nbac.NbacRefereeParser;
import io.nbaprops.source.nbac.NbacRosterParser;
import io.nbaprops.source.nbac.NbacScheduleParser;
import io.nbaprops.source.nbac.NbacScoreboardParser;
import io.nbaprops.source.oddsapi.OddsApiEventOddsParser;
import io.nbaprops.source.oddsapi.OddsApiEventsParser;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every payload parser by source name. The names are the sample folder names
 * ({@code ../shared/samples/<name>/}), plus the names of live endpoints that share a parser with a
 * historical one ({@code oddsa_player_props}, {@code oddsa_game_lines}, {@code oddsa_events}) and of
 * sources whose samples are format illustrations only ({@code bp_player_props}, {@code br_roster}).
 */
public final class Parsers {
    private static final Map<String, PayloadParser> BY_NAME = build();

    private Parsers() {}

    private static Map<String, PayloadParser> build() {
        List<PayloadParser> all = List.of(
                new BdlGamesParser("bdl_games"), new BdlGamesParser("bdl_game_detail"),
                new BdlBoxScoresParser("bdl_box_scores"), new BdlBoxScoresParser("bdl_live_box_scores"),
                new BdlPlayerStatsParser(), new BdlAdvancedStatsParser(),
                BdlPlayersParser.players(), BdlPlayersParser.playerDetail(), BdlPlayersParser.activePlayers(),
                new BdlTeamsParser("bdl_teams"), new BdlTeamsParser("bdl_team_detail"),
                new BdlInjuriesParser(), new BdlStandingsParser(),
                new BdlLeadersParser("bdl_leaders"), new BdlLeadersParser("bdl_player_leaders"),
                new BdlSeasonAveragesParser(), new BdlOddsParser(),
                new NbacScheduleParser("nbac_schedule_api"), new NbacScheduleParser("nbac_schedule_cdn"),
                new NbacScoreboardParser(), new NbacLeagueGameLogParser(), new NbacBoxScoreParser(),
                new NbacPlayByPlayParser(), new NbacPlayerIndexParser(), new NbacPlayerMovementParser(),
                new NbacRosterParser(), new NbacRefereeParser(), new NbacInjuryReportParser(), new NbacGamebookParser(),
                new EspnScoreboardParser("espn_scoreboard_api"), new EspnScoreboardParser("nbac_game_ids_core"),
                new EspnBoxScoreParser(), new EspnRosterParser(), new EspnRosterApiParser(),
                new OddsApiEventsParser("oddsa_events_his"), new OddsApiEventsParser("oddsa_events"),
                new OddsApiEventOddsParser("oddsa_game_lines_his"), new OddsApiEventOddsParser("oddsa_player_props_his"),
                new OddsApiEventOddsParser("odds_api_historical_game_lines"),
                new OddsApiEventOddsParser("oddsa_player_props"), new OddsApiEventOddsParser("oddsa_game_lines"),
                new BpEventsParser(), new BpPlayerPropsParser(),
                new BdbPlayByPlayParser(), new BdbDiscoveryParser(),
                new BrRosterParser());
        Map<String, PayloadParser> m = new LinkedHashMap<>();
        for (PayloadParser p : all) {
            if (m.put(p.name(), p) != null) {
                throw new IllegalStateException("two parsers named " + p.name());
            }
        }
        return m;
    }

    /** Every source name, in a stable order. */
    public static List<String> names() {
        return List.copyOf(BY_NAME.keySet());
    }

    public static Optional<PayloadParser> find(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    public static PayloadParser get(String name) {
        return find(name).orElseThrow(() -> new IllegalArgumentException("no parser for source '" + name
                + "' (known: " + String.join(", ", names()) + ")"));
    }
}
