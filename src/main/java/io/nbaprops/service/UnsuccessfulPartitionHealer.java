package io.nbaprops.service;

import io.nbaprops.config.Secrets;
import io.nbaprops.engine.Asset;
import io.nbaprops.engine.Engine;
import io.nbaprops.engine.PartitionState;
import io.nbaprops.engine.RunOutcome;
import io.nbaprops.ops.heal.HealReport;
import io.nbaprops.ops.heal.SelfHealer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A plain self-heal for the service until the scheduler's healer is wired in (see ServeCommand): for each date it
 * is given (by default yesterday and today), every asset partition that ran but is not SUCCESS (failed, timed out,
 * abandoned, waiting) is run again through the engine, upstream first, so a repaired upstream lets its downstream
 * through in the same pass. Partitions RUNNING now, and ones that never ran (not due yet), are left alone; each is
 * tried once per pass.
 */
public final class UnsuccessfulPartitionHealer implements SelfHealer {
    private final Engine engine;
    private final Supplier<List<LocalDate>> dates;

    public UnsuccessfulPartitionHealer(Engine engine, Supplier<List<LocalDate>> dates) {
        this.engine = engine;
        this.dates = dates;
    }

    @Override
    public HealReport heal(String trigger) {
        List<String> found = new ArrayList<>();
        List<String> repaired = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        for (LocalDate d : dates.get()) {
            Map<String, PartitionState> states = engine.store().states(d);
            for (Asset a : engine.graph().ordered()) {
                PartitionState s = states.get(a.name());
                if (s == null || s.state().equals("SUCCESS") || s.state().equals("RUNNING")) {
                    continue;
                }
                String label = a.name() + "/" + d;
                found.add(label + ": " + s.state().toLowerCase(java.util.Locale.ROOT));
                RunOutcome o;
                try {
                    o = engine.run(a.name(), d, trigger);
                } catch (RuntimeException e) {
                    failed.add(label + ": " + Secrets.mask(String.valueOf(e.getMessage())));
                    continue;
                }
                if (o.succeeded()) {
                    repaired.add(label);
                } else {
                    failed.add(label + ": " + o.status() + (o.message() == null ? "" : " " + o.message()));
                }
            }
        }
        return new HealReport(found, repaired, failed, List.of());
    }
}
