package io.nbaprops.ops.schedule;

/** Does the work of a planned job (through the engine); returns a one-line result, throws when it failed. */
@FunctionalInterface
public interface JobRunner {
    String run(PlannedJob job) throws Exception;
}
