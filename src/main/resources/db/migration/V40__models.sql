-- Trained models (V40-V49: predictions). The artifact is stored in the warehouse (base64 of XGBoost's
-- UBJSON) so every worker process can load the same version without a shared disk.
CREATE TABLE model_registry (
    model_version    VARCHAR PRIMARY KEY,     -- e.g. xgb-points-fv3-2025-01-15
    system_id        VARCHAR NOT NULL,
    market           VARCHAR NOT NULL,
    feature_version  VARCHAR NOT NULL,
    feature_names    VARCHAR NOT NULL,        -- JSON array, in the order the model was trained on
    trained_before   DATE NOT NULL,           -- trained on games strictly before this date (walk-forward)
    train_rows       INTEGER NOT NULL,
    params           VARCHAR NOT NULL,        -- JSON
    metrics          VARCHAR,                 -- JSON: in-sample and holdout MAE
    artifact         VARCHAR NOT NULL,
    created_at       TIMESTAMP NOT NULL
);
CREATE INDEX model_registry_lookup ON model_registry (system_id, market, trained_before);
