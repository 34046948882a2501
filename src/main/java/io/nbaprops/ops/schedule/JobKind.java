package io.nbaprops.ops.schedule;

/** The jobs of the daily plan. */
public enum JobKind {
    /** Every day: today's schedule (and on game days rosters, injuries, lines); yesterday's box scores and grading. */
    MORNING,
    /** Game days, hourly through the afternoon: lines and injury reports; re-predictions when they changed. */
    HOURLY,
    /** Game days, before the first tip-off: self-heal, then final predictions and exports. */
    PRETIP,
    /** Game days, shortly before each tip-off: the books' lines again (closing lines), no re-prediction. */
    CLOSING,
    /** Game days, after the last game should be over: box scores, grading, results. */
    POSTGAME,
    /** A game day the plan missed while the service was down: its whole day, run after the fact, oldest first. */
    CATCHUP
}
