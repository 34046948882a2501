package io.nbaprops.ops;

import com.fasterxml.jackson.core.JsonStreamContext;
import io.nbaprops.config.Secrets;
import net.logstash.logback.mask.ValueMasker;

/** For JSON logs: masks every known secret in every string value. */
public final class MaskingValueMasker implements ValueMasker {
    @Override
    public Object mask(JsonStreamContext context, Object value) {
        if (value instanceof CharSequence s) {
            String masked = Secrets.mask(s.toString());
            return masked.contentEquals(s) ? null : masked;
        }
        return null;
    }
}
