package io.nbaprops.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nbaprops.config.ConfigException;
import io.nbaprops.service.ApiKeyGuard.Access;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The one key check: what each key opens, what a short or doubled key does at start-up, and fingerprints. */
class ApiKeyGuardTest {
    static final String WRITE = "write-key-4c1f8a2e9b7d6053aa";
    static final String READ = "read-key-9e3b5d7f1a2c4e6081";
    final ApiKeyGuard g = new ApiKeyGuard(WRITE, "NBAPROPS_API_KEY", READ, "NBAPROPS_READ_KEY");

    @Test
    void theApiKeyOpensEverythingTheReadKeyOnlyReadsAndPublicRoutesNeedNothing() {
        assertThat(g.check(WRITE, Access.WRITE)).extracting(ApiKeyGuard.Verdict::allowed, ApiKeyGuard.Verdict::who).containsExactly(true, "api-key");
        assertThat(g.check(WRITE, Access.READ).allowed()).isTrue();
        assertThat(g.check(READ, Access.READ)).extracting(ApiKeyGuard.Verdict::allowed, ApiKeyGuard.Verdict::who).containsExactly(true, "read-key");
        ApiKeyGuard.Verdict readOnWrite = g.check(READ, Access.WRITE);
        assertThat(readOnWrite.allowed()).isFalse();
        assertThat(readOnWrite.status()).isEqualTo(403);
        assertThat(g.check(null, Access.PUBLIC).allowed()).isTrue();
        ApiKeyGuard.Verdict none = g.check(null, Access.READ);
        assertThat(none).extracting(ApiKeyGuard.Verdict::allowed, ApiKeyGuard.Verdict::status, ApiKeyGuard.Verdict::keyPresented)
                .containsExactly(false, 401, false);
        ApiKeyGuard.Verdict wrong = g.check(WRITE + "x", Access.READ);
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.who()).startsWith("invalid-key:").doesNotContain(WRITE);
    }

    @Test
    void aKeyShorterThan24CharactersOrAReadKeyEqualToTheApiKeyStopsStartUpWithAMessage() {
        assertThatThrownBy(() -> new ApiKeyGuard("twenty-three-characters", "NBAPROPS_API_KEY", null, "NBAPROPS_READ_KEY"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("NBAPROPS_API_KEY has 23 characters")
                .hasMessageContaining("at least 24").hasMessageNotContaining("twenty-three-characters");
        assertThatThrownBy(() -> new ApiKeyGuard(WRITE, "NBAPROPS_API_KEY", "short", "NBAPROPS_READ_KEY"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("NBAPROPS_READ_KEY has 5 characters");
        assertThatThrownBy(() -> new ApiKeyGuard(WRITE, "NBAPROPS_API_KEY", WRITE, "NBAPROPS_READ_KEY"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("the same as the API key");
        assertThat(new ApiKeyGuard("twenty-four-characters!!", "K", null, "R").configured()).isTrue();
        assertThat(new ApiKeyGuard(null, "K", " ", "R").configured()).isFalse();
    }

    @Test
    void keysComeFromXApiKeyOrABearerToken() {
        assertThat(ApiKeyGuard.presented(Map.of("X-API-Key", "a")::get)).isEqualTo("a");
        assertThat(ApiKeyGuard.presented(Map.of("Authorization", "Bearer  b ")::get)).isEqualTo("b");
        assertThat(ApiKeyGuard.presented(Map.of("Authorization", "Basic Yjpj")::get)).isNull();
        assertThat(ApiKeyGuard.presented(Map.<String, String>of()::get)).isNull();
    }

    @Test
    void fingerprintsAreStableWithinAProcessAndCannotBeRecomputedOutsideIt() {
        String guess = "guess-0000000000000000000000";
        assertThat(g.fingerprint(guess)).isEqualTo(g.fingerprint(guess)).hasSize(12);
        ApiKeyGuard other = new ApiKeyGuard(WRITE, "NBAPROPS_API_KEY", null, "NBAPROPS_READ_KEY");
        assertThat(other.fingerprint(guess)).as("another process's secret").isNotEqualTo(g.fingerprint(guess));
        assertThat(g.fingerprint(guess)).isNotEqualTo(ServiceActionsTest.sha256Prefix(guess));
    }
}
