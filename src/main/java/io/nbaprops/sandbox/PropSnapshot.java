package io.nbaprops.sandbox;

import java.time.Instant;

/** A prop line as posted from {@code at} on: the line and American prices of the Over and Under. */
public record PropSnapshot(Instant at, double line, int overPrice, int underPrice) {}
