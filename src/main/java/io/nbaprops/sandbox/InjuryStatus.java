package io.nbaprops.sandbox;

/** Official injury-report designations; AVAILABLE closes a report (the player was cleared). */
public enum InjuryStatus {
    OUT, DOUBTFUL, QUESTIONABLE, PROBABLE, AVAILABLE;

    /** balldontlie's coarser vocabulary. */
    public String balldontlie() {
        return this == OUT ? "Out" : "Day-To-Day";
    }
}
