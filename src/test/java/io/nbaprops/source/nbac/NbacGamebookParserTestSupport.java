package io.nbaprops.source.nbac;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/** Game-book PDFs for tests outside this package. */
public final class NbacGamebookParserTestSupport {
    private NbacGamebookParserTestSupport() {}

    /** A book in the real layout whose player lines are all missing: a document fetched too early. */
    public static byte[] bookWithoutActivePlayers() {
        try {
            return NbacGamebookParserTest.pdf(List.of("Wednesday, April 10, 2024 Rocket Mortgage FieldHouse, Cleveland, OH",
                    "VISITOR: Memphis Grizzlies (27-54)", "HOME: Cleveland Cavaliers (47-34)"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
