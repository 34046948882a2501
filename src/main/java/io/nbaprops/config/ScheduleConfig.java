package io.nbaprops.config;

/** The daily plan run by {@code nbaprops serve} (the {@code schedule:} section), in the configured timezone. */
public record ScheduleConfig(boolean enabled) {}
