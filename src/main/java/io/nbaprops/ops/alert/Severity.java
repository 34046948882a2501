package io.nbaprops.ops.alert;

/** How urgent an alert is. CRITICAL: the day's picks are at risk; WARNING: something needs a look; INFO: for the record. */
public enum Severity {
    INFO, WARNING, CRITICAL
}
