package io.nbaprops.raw;

import io.nbaprops.source.FetchResult;
import java.util.ArrayList;
import java.util.List;

/**
 * What a per-game or per-team collector got: the answers that arrived, and a note for each request
 * that failed. One failing game (a game book not posted yet) does not stop the others; the
 * failures are reported in the run's message and fetched again by the next run.
 */
public final class CollectedPages extends ArrayList<FetchResult> {
    private final List<String> failures = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    /** Something the run's message must say (e.g. why nothing was fetched). */
    public void note(String what) {
        notes.add(what);
    }

    public List<String> notes() {
        return List.copyOf(notes);
    }

    public void failed(String what) {
        failures.add(what);
    }

    public List<String> failures() {
        return List.copyOf(failures);
    }
}
