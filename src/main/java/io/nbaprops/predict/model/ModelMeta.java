package io.nbaprops.predict.model;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** What a trained model is: its version, the feature schema it was trained on, its training window and metrics. */
public record ModelMeta(String modelVersion, String systemId, String market, String featureVersion, List<String> featureNames,
        LocalDate trainedBefore, int trainRows, String params, String metrics, Instant createdAt) {}
