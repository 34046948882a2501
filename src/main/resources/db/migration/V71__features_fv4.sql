-- Feature version fv4: long-memory rates, the expected minutes and shots given who is out, and the
-- structural points projection (see FeatureCatalog). Columns are appended: the feature_store columns
-- stay FeatureCatalog's one to one, in order.
ALTER TABLE player_daily_cache ADD COLUMN pts_ewm_long DOUBLE PRECISION;
ALTER TABLE player_daily_cache ADD COLUMN min_ewm DOUBLE PRECISION;
ALTER TABLE player_daily_cache ADD COLUMN fga_per_min_ewm DOUBLE PRECISION;
ALTER TABLE player_daily_cache ADD COLUMN pts_per_fga_shrunk DOUBLE PRECISION;
ALTER TABLE player_daily_cache ADD COLUMN played_share_l10 DOUBLE PRECISION;

ALTER TABLE feature_store ADD COLUMN pts_ewm_long DOUBLE PRECISION;
ALTER TABLE feature_store ADD COLUMN min_ewm DOUBLE PRECISION;
ALTER TABLE feature_store ADD COLUMN fga_per_min_ewm DOUBLE PRECISION;
ALTER TABLE feature_store ADD COLUMN pts_per_fga_shrunk DOUBLE PRECISION;
ALTER TABLE feature_store ADD COLUMN played_share_l10 DOUBLE PRECISION;
ALTER TABLE feature_store ADD COLUMN teammates_out_minutes DOUBLE PRECISION;
ALTER TABLE feature_store ADD COLUMN teammates_back_minutes DOUBLE PRECISION;
ALTER TABLE feature_store ADD COLUMN min_expected DOUBLE PRECISION;
ALTER TABLE feature_store ADD COLUMN team_fga_factor DOUBLE PRECISION;
ALTER TABLE feature_store ADD COLUMN pts_projection DOUBLE PRECISION;
