package io.nbaprops.sandbox.server;

import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * balldontlie cursor pagination: items in ascending id order; {@code cursor} is the last id seen;
 * {@code meta.next_cursor} is present only when there is a next page.
 */
record Page(Map<String, Object> body) {
    static final int DEFAULT_PER_PAGE = 25;
    static final int MAX_PER_PAGE = 100;

    static int perPage(Context ctx) {
        return Params.intParam(ctx, "per_page", DEFAULT_PER_PAGE, 1, MAX_PER_PAGE);
    }

    static <T> Page of(Context ctx, List<T> items, ToLongFunction<T> id, Function<T, Object> render) {
        int perPage = perPage(ctx);
        Long cursor = Params.optLong(ctx, "cursor");
        List<Object> data = new ArrayList<>();
        long lastId = 0;
        boolean more = false;
        for (T item : items) {
            long itemId = id.applyAsLong(item);
            if (cursor != null && itemId <= cursor) {
                continue;
            }
            if (data.size() == perPage) {
                more = true;
                break;
            }
            data.add(render.apply(item));
            lastId = itemId;
        }
        Map<String, Object> meta = more ? Json.obj("next_cursor", lastId, "per_page", perPage) : Json.obj("per_page", perPage);
        return new Page(Json.obj("data", data, "meta", meta));
    }
}
