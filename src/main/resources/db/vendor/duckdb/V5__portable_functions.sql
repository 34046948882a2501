-- Functions whose spelling differs between the warehouses, defined once per vendor so every
-- asset's SQL is the same on both. DuckDB: macros.

-- Rounds a double to d decimals. Stored analytics and features are rounded so that re-running a
-- partition gives bit-identical values although parallel aggregation may sum in another order.
CREATE MACRO nbp_round(x, d) AS round(CAST(x AS DOUBLE), d);
