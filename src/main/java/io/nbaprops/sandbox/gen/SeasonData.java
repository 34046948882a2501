package io.nbaprops.sandbox.gen;

import io.nbaprops.sandbox.BoxScore;
import io.nbaprops.sandbox.GameLine;
import io.nbaprops.sandbox.InjuryReport;
import io.nbaprops.sandbox.LeagueGame;
import io.nbaprops.sandbox.PlayerGameTruth;
import io.nbaprops.sandbox.PropLine;
import java.util.List;

/** Everything one generation run produced, indexed by game index where per game. */
public record SeasonData(Roster roster, List<LeagueGame> games, List<BoxScore> boxScores,
        List<List<PlayerGameTruth>> truths, List<InjuryReport> injuryReports, List<List<PropLine>> propLines,
        List<List<GameLine>> gameLines) {}
