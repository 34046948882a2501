package io.nbaprops.sandbox;

import java.time.Instant;

/**
 * A book's game lines from {@code at} on: the home spread (negative when home is favoured) with
 * both sides' prices, the total with Over/Under prices, and both moneylines (American odds).
 */
public record GameLineSnapshot(Instant at, double homeSpread, int homeSpreadPrice, int awaySpreadPrice, double total,
        int overPrice, int underPrice, int homeMoneyline, int awayMoneyline) {}
