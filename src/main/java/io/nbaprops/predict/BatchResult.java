package io.nbaprops.predict;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** What a prediction batch did: players predicted, rows written, players that failed and why, time taken. */
public record BatchResult(LocalDate date, Market market, int players, long rowsWritten, List<String> failures,
        Map<String, Integer> abstentions, Map<String, Integer> picks, long millis) {

    public String describe() {
        return players + " players x " + market.key() + ", " + rowsWritten + " predictions, picks " + picks + ", "
                + (failures.isEmpty() ? "no failures" : failures.size() + " failed: " + String.join("; ", failures.subList(0,
                        Math.min(5, failures.size())))) + ", " + millis + " ms";
    }
}
