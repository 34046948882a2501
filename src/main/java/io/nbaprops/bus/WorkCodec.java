package io.nbaprops.bus;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.nbaprops.predict.WorkDispatcher.BatchShared;
import io.nbaprops.predict.WorkDispatcher.PlayerWork;
import io.nbaprops.predict.WorkDispatcher.WorkOutcome;
import java.io.IOException;

/**
 * JSON of the messages on the bus. Doubles round-trip exactly (Jackson writes the shortest exact form),
 * and NaN, which marks a missing feature or an abstention, travels as the string "NaN": a distributed
 * run computes bit-for-bit what an in-process run computes.
 */
public final class WorkCodec {
    /** One work item as published: the batch's shared context and the player's work. */
    public record WorkMessage(BatchShared shared, PlayerWork item) {}

    private static final JsonMapper JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            // A newer coordinator may add fields; an older worker still runs the item.
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private WorkCodec() {}

    public static byte[] work(BatchShared shared, PlayerWork item) {
        return write(new WorkMessage(shared, item));
    }

    public static WorkMessage readWork(byte[] body) {
        return read(body, WorkMessage.class);
    }

    public static byte[] outcome(WorkOutcome outcome) {
        return write(outcome);
    }

    public static WorkOutcome readOutcome(byte[] body) {
        return read(body, WorkOutcome.class);
    }

    static byte[] write(Object value) {
        try {
            return JSON.writeValueAsBytes(value);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot encode " + value.getClass().getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    static <T> T read(byte[] body, Class<T> type) {
        try {
            return JSON.readValue(body, type);
        } catch (IOException e) {
            throw new IllegalArgumentException("malformed " + type.getSimpleName() + " message (" + body.length + " bytes): "
                    + e.getMessage(), e);
        }
    }
}
