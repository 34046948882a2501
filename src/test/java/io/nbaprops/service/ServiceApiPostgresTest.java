package io.nbaprops.service;

import io.nbaprops.testing.PgSchema;
import io.nbaprops.testing.Services;
import org.junit.jupiter.api.AfterAll;

/** The same read API tests on a real PostgreSQL (a fresh schema): the service's SQL is portable. */
class ServiceApiPostgresTest extends ServiceApiTest {
    private PgSchema schema;

    @Override
    @AfterAll
    void stop() {
        super.stop();
        if (schema != null) {
            schema.close();
        }
    }

    @Override
    ServiceFixture open() {
        schema = PgSchema.create("service");
        return new ServiceFixture(dir, true, null, schema.url(), Services.PG_USER);
    }
}
