package io.nbaprops.config;

/**
 * The daily plan run by {@code nbaprops serve} (the {@code schedule:} section), in the configured timezone, and the
 * periodic self-heal. Times of day are {@code HH:mm} local; the pre-tip run is relative to the day's first tip-off,
 * the closing-line collection to each tip-off.
 */
public record ScheduleConfig(
        boolean enabled,
        long tickSeconds,
        long pollMillis,
        String morningAt,
        String hourlyFrom,
        String hourlyTo,
        long pretipMinutes,
        long closingMinutes,
        long postgameMinutesAfterLastTip,
        String defaultTipOff,
        long selfHealMinutes,
        int selfHealLookbackDays,
        int selfHealMaxAttempts,
        int catchUpDays) {}
