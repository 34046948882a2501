-- Functions whose spelling differs between the warehouses, defined once per vendor so every
-- asset's SQL is the same on both. PostgreSQL: SQL functions (round(double, int) does not exist there).

CREATE OR REPLACE FUNCTION nbp_round(x double precision, d integer) RETURNS double precision
    LANGUAGE SQL IMMUTABLE AS $$ SELECT round(CAST(x AS numeric), d)::double precision $$;
