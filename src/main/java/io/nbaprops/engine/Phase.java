package io.nbaprops.engine;

/** The pipeline phases of DESIGN.md, in order; every asset belongs to one. */
public enum Phase {
    COLLECT, RAW, ANALYTICS, FEATURES, PREDICT, GRADE, PUBLISH
}
