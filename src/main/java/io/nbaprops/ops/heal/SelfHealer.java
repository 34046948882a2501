package io.nbaprops.ops.heal;

/** One self-heal pass over recent partitions: what was missing, stale or stuck, and what was done about it. */
public interface SelfHealer {
    HealReport heal(String trigger);
}
