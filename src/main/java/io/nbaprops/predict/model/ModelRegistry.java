package io.nbaprops.predict.model;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nbaprops.features.FeatureCatalog;
import io.nbaprops.store.RowBatch;
import io.nbaprops.store.Warehouse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Trained models in the warehouse: saved with their schema, found by serving date, loaded once per process. */
public final class ModelRegistry {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Warehouse warehouse;
    private final Map<String, XgbModel> loaded = new ConcurrentHashMap<>();

    public ModelRegistry(Warehouse warehouse) {
        this.warehouse = warehouse;
    }

    public void save(XgbModel model) {
        ModelMeta m = model.meta();
        String names;
        try {
            names = JSON.writeValueAsString(m.featureNames());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String artifact = Base64.getEncoder().encodeToString(model.artifact());
        warehouse.write(tx -> tx.upsert(RowBatch.of("model_registry", "model_version", "system_id", "market", "feature_version",
                "feature_names", "trained_before", "train_rows", "params", "metrics", "artifact", "created_at")
                .add(m.modelVersion(), m.systemId(), m.market(), m.featureVersion(), names, m.trainedBefore(), m.trainRows(), m.params(),
                        m.metrics(), artifact, m.createdAt())));
        loaded.put(m.modelVersion(), model);
    }

    private static final String META_COLUMNS = "model_version, system_id, market, feature_version, feature_names, trained_before, "
            + "train_rows, params, metrics, created_at";

    private static final org.jdbi.v3.core.mapper.RowMapper<ModelMeta> META = (rs, ctx) -> new ModelMeta(rs.getString(1),
            rs.getString(2), rs.getString(3), rs.getString(4), names(rs.getString(5)),
            ctx.findColumnMapperFor(LocalDate.class).orElseThrow().map(rs, 6, ctx), rs.getInt(7), rs.getString(8), rs.getString(9),
            ctx.findColumnMapperFor(Instant.class).orElseThrow().map(rs, 10, ctx));

    /** The newest model of a system and market trained only on games before {@code servingDate}. */
    public Optional<ModelMeta> latest(String systemId, String market, LocalDate servingDate) {
        return warehouse.jdbi().withHandle(h -> h.createQuery("SELECT " + META_COLUMNS + " FROM model_registry "
                        + "WHERE system_id = ? AND market = ? AND trained_before <= ? ORDER BY trained_before DESC, created_at DESC LIMIT 1")
                .bind(0, systemId).bind(1, market).bind(2, servingDate).map(META).findOne());
    }

    public Optional<ModelMeta> meta(String version) {
        return warehouse.jdbi().withHandle(h -> h.createQuery("SELECT " + META_COLUMNS + " FROM model_registry WHERE model_version = ?")
                .bind(0, version).map(META).findOne());
    }

    /** Loads (once per process) a model for serving the current feature schema; refuses another schema. */
    public XgbModel load(ModelMeta meta) {
        return loaded.computeIfAbsent(meta.modelVersion(), v -> {
            String b64 = warehouse.jdbi().withHandle(h -> h.createQuery("SELECT artifact FROM model_registry WHERE model_version = ?")
                    .bind(0, v).mapTo(String.class).one());
            return XgbModel.load(meta, Base64.getDecoder().decode(b64), FeatureCatalog.VERSION, FeatureCatalog.names());
        });
    }

    /** A model by version (e.g. named in a work item), loaded once per process. */
    public XgbModel load(String version) {
        XgbModel m = loaded.get(version);
        if (m != null) {
            return m;
        }
        return load(meta(version).orElseThrow(() -> new IllegalArgumentException("no model " + version + " in model_registry")));
    }

    private static List<String> names(String json) {
        try {
            return JSON.readValue(json, new TypeReference<List<String>>() {});
        } catch (IOException e) {
            throw new UncheckedIOException("model_registry.feature_names is not a JSON array: " + json, e);
        }
    }
}
