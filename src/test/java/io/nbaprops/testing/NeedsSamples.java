package io.nbaprops.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A test class every test of which reads the real API samples: without them the whole class skips once, before any
 * set-up runs (so no test half-starts, and no {@code assertThatThrownBy} mistakes the skip for the error it expects).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(NeedsSamples.Check.class)
public @interface NeedsSamples {
    /** Checks {@link Samples#dir()} before the class's first test. */
    final class Check implements BeforeAllCallback {
        @Override
        public void beforeAll(ExtensionContext context) {
            Samples.dir();
        }
    }
}
