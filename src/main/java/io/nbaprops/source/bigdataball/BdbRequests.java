package io.nbaprops.source.bigdataball;

import io.nbaprops.source.FetchRequest;
import java.time.LocalDate;

/**
 * BigDataBall requests (config source {@code bigdataball}). BigDataBall delivers files to
 * subscribers through per-customer links; these paths are the layout of the mirror the platform
 * reads (discovery by date, then one CSV per game), set by base_url in the configuration.
 */
public final class BdbRequests {
    private BdbRequests() {}

    public static FetchRequest discovery(LocalDate date, String collection) {
        return FetchRequest.builder("bigdataball", "discovery", "/pbp/discovery").partition(date).collection(collection)
                .expect(FetchRequest.Expect.JSON).param("date", date).build();
    }

    /** One game's enhanced play-by-play; the id is NBA.com's without the leading "00". */
    public static FetchRequest playByPlay(LocalDate date, String nbaGameId, String collection) {
        String id = nbaGameId.startsWith("00") ? nbaGameId.substring(2) : nbaGameId;
        return FetchRequest.builder("bigdataball", "pbp_csv", "/pbp/" + date + "/" + id + ".csv").partition(date)
                .collection(collection).expect(FetchRequest.Expect.CSV).build();
    }
}
