package io.nbaprops.service;

import java.util.Map;
import java.util.function.Supplier;

/**
 * One part of the process that readiness reports on (warehouse, bus, scheduler, sources). {@code required}
 * components must be UP for the service to be ready; the others are shown but do not make it unready.
 * A check that cannot run reports UNKNOWN, never UP.
 */
public interface HealthComponent {
    String name();

    boolean required();

    Status check();

    /**
     * UP, DOWN, UNKNOWN (the check itself failed) or DISABLED (not used in this configuration); {@code detail} and
     * {@code data} are for key holders ({@code /api/health}); {@code note}, when set, is one line safe for anyone
     * ({@code /health/ready}).
     */
    record Status(String state, String detail, Map<String, Object> data, String note) {
        public static Status up(String detail) {
            return new Status("UP", detail, Map.of(), null);
        }

        public static Status down(String detail) {
            return new Status("DOWN", detail, Map.of(), null);
        }

        public static Status disabled(String detail) {
            return new Status("DISABLED", detail, Map.of(), null);
        }

        public static Status unknown(String detail) {
            return new Status("UNKNOWN", detail, Map.of(), null);
        }

        public Status with(Map<String, Object> more) {
            return new Status(state, detail, more, note);
        }

        public Status withNote(String publicNote) {
            return new Status(state, detail, data, publicNote);
        }

        /** A required component counts as healthy only when UP (or deliberately DISABLED). */
        public boolean ok() {
            return state.equals("UP") || state.equals("DISABLED");
        }
    }

    static HealthComponent of(String name, boolean required, Supplier<Status> check) {
        return new HealthComponent() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public boolean required() {
                return required;
            }

            @Override
            public Status check() {
                return check.get();
            }
        };
    }
}
