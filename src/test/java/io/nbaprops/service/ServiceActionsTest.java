package io.nbaprops.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.nbaprops.ops.alert.Alert;
import io.nbaprops.ops.alert.Severity;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Write actions: the API key (401 + audit row otherwise), validation, and each action really doing its work. */
class ServiceActionsTest {
    static final Map<String, String> VALID_BODIES = Map.of("rerun", "{\"asset\":\"player_summary\",\"partition\":\"2025-01-05\"}",
            "backfill", "{\"from\":\"2025-01-01\",\"to\":\"2025-01-02\"}", "force-predictions", "{\"date\":\"2025-01-05\"}",
            "trigger-self-heal", "{}", "retry-dead-letters", "{}", "ack-alert", "{\"alert_id\":\"ALERT\"}");

    @TempDir
    Path dir;
    ServiceFixture f;

    @AfterEach
    void close() {
        if (f != null) {
            f.close();
        }
    }

    long audits(String action, int status, String whoLike) {
        return f.count("SELECT count(*) FROM audit_log WHERE action = ? AND status_code = ? AND who LIKE ?", action, status, whoLike);
    }

    @Test
    void everyWriteEndpointRefusesAMissingOrWrongKeyWith401AndTheReadKeyWith403EachWithAnAuditRow() {
        f = new ServiceFixture(dir, true);
        String alertId = f.platform.alerts().raise(new Alert(Severity.WARNING, "t", "k1", "a title", null)).record().alertId();
        long runs = f.count("SELECT count(*) FROM run_history");
        String wrongKey = ServiceFixture.API_KEY + "x";
        for (String action : ActionRoutes.ACTIONS) {
            String body = VALID_BODIES.get(action).replace("ALERT", alertId);
            ServiceFixture.Reply none = f.post("/api/actions/" + action, body, null);
            assertThat(none.status()).as(action).isEqualTo(401);
            assertThat(none.json().get("error").asText()).contains("missing API key").contains("X-API-Key");
            ServiceFixture.Reply wrong = f.post("/api/actions/" + action, body, wrongKey);
            assertThat(wrong.status()).as(action).isEqualTo(401);
            assertThat(wrong.json().get("error").asText()).isEqualTo("wrong API key");
            ServiceFixture.Reply readOnly = f.post("/api/actions/" + action, body, ServiceFixture.READ_KEY);
            assertThat(readOnly.status()).as(action).isEqualTo(403);
            assertThat(readOnly.json().get("error").asText()).contains("may only read").contains("NBAPROPS_API_KEY");
            assertThat(audits(action, 401, "anonymous")).as(action).isEqualTo(1);
            assertThat(audits(action, 401, "invalid-key:%")).as(action).isEqualTo(1);
            assertThat(audits(action, 403, "read-key")).as(action).isEqualTo(1);
        }
        // The same wrong key has one fingerprint (an HMAC under this process's secret, not a hash anyone can recompute).
        assertThat(f.count("SELECT count(DISTINCT who) FROM audit_log WHERE who LIKE 'invalid-key:%'")).isEqualTo(1);
        assertThat(f.count("SELECT count(*) FROM audit_log WHERE who LIKE ?", "%" + sha256Prefix(wrongKey) + "%")).isZero();
        // Nothing ran, nothing was acknowledged, the refused bodies were never read, and no key reached the audit trail.
        assertThat(f.count("SELECT count(*) FROM run_history")).isEqualTo(runs);
        assertThat(f.platform.alerts().find(alertId).orElseThrow().open()).isTrue();
        assertThat(f.count("SELECT count(*) FROM audit_log WHERE params IS NOT NULL")).isZero();
        for (String key : List.of(ServiceFixture.API_KEY, ServiceFixture.READ_KEY)) {
            assertThat(f.count("SELECT count(*) FROM audit_log WHERE who LIKE ? OR params LIKE ? OR result LIKE ?", "%" + key + "%",
                    "%" + key + "%", "%" + key + "%")).isZero();
        }
        JsonNode audit = f.get("/api/audit?action=rerun").json();
        assertThat(audit).hasSize(3);
        assertThat(audit.get(0).get("status_code").asInt()).isIn(401, 403);
    }

    static String sha256Prefix(String s) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(s.getBytes(java.nio.charset.StandardCharsets.UTF_8))).substring(0, 12);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void withoutAConfiguredKeyEveryActionIsRefusedAndSaysHowToSetIt() {
        f = new ServiceFixture(dir, false);
        for (String action : ActionRoutes.ACTIONS) {
            ServiceFixture.Reply r = f.post("/api/actions/" + action, VALID_BODIES.get(action), "anything-at-all");
            assertThat(r.status()).as(action).isEqualTo(401);
            assertThat(r.json().get("error").asText()).contains("no API key is configured").contains("NBAPROPS_API_KEY");
            assertThat(audits(action, 401, "invalid-key:%")).isEqualTo(1);
        }
        // Without a key nothing but the public routes answers: the read API is closed too.
        assertThat(f.get("/api/runs", "anything-at-all").status()).isEqualTo(401);
        assertThat(f.get("/health/live", null).status()).isEqualTo(200);
    }

    @Test
    void rerunTurnsAFailedPartitionGreenAndSelfHealLetsItsDownstreamThrough() {
        f = new ServiceFixture(dir, true);
        LocalDate d = f.today;
        f.summaryBroken.set(true);
        f.runDay(d);
        assertThat(f.platform.engine().store().state(ServiceFixture.SUMMARY, d).orElseThrow().state()).isEqualTo("FAILED");
        // Still broken: the re-run (a job: 202, then its progress) reports the failure honestly.
        String body = "{\"asset\":\"player_summary\",\"partition\":\"" + d + "\"}";
        JsonNode stillBroken = f.awaitJob(f.post("/api/actions/rerun", body, ServiceFixture.API_KEY));
        assertThat(stillBroken.get("state").asText()).isEqualTo("FINISHED_WITH_PROBLEMS");
        assertThat(stillBroken.get("result").get("status").asText()).isEqualTo("FAILED");
        assertThat(stillBroken.get("result").get("message").asText()).contains("is missing");
        assertThat(stillBroken.get("problems").get(0).asText()).startsWith("FAILED player_summary");
        f.summaryBroken.set(false);
        JsonNode fixed = f.awaitJob(f.post("/api/actions/rerun", body, ServiceFixture.API_KEY));
        assertThat(fixed.get("state").asText()).isEqualTo("SUCCEEDED");
        assertThat(fixed.get("result").get("status").asText()).isEqualTo("SUCCESS");
        assertThat(fixed.get("result").get("rows_written").asLong()).isEqualTo(3);
        assertThat(fixed.get("done").asInt()).isEqualTo(1);
        assertThat(fixed.get("percent").asInt()).isEqualTo(100);
        assertThat(f.platform.engine().store().state("prediction", d).orElseThrow().state()).isEqualTo("WAITING");
        // The one self-healer: today's waiting partitions whose inputs are ready now are run, upstream first.
        JsonNode heal = f.awaitJob(f.post("/api/actions/trigger-self-heal", "{}", ServiceFixture.API_KEY)).get("result");
        assertThat(heal.get("repaired")).extracting(JsonNode::asText).containsExactly("prediction/" + d + ": inputs ready",
                "export_results/" + d + ": waiting");
        assertThat(heal.get("failed")).isEmpty();
        assertThat(f.platform.engine().store().states(d).values()).allSatisfy(s -> assertThat(s.state()).isEqualTo("SUCCESS"));
        String who = "api-key";
        assertThat(audits("rerun", 202, who)).isEqualTo(2);
        assertThat(audits("trigger-self-heal", 202, who)).isEqualTo(1);
        assertThat(f.count("SELECT count(*) FROM service_job WHERE kind = 'rerun' AND who = ?", who)).isEqualTo(2);
        assertThat(f.count("SELECT count(*) FROM run_history WHERE trigger_source = 'dashboard'")).isEqualTo(2);
        assertThat(f.count("SELECT count(*) FROM run_history WHERE trigger_source = 'self-heal'")).isEqualTo(2);
    }

    @Test
    void backfillRunsAsyncWithProgressUntilDone() throws Exception {
        f = new ServiceFixture(dir, true);
        LocalDate from = f.today.minusDays(6);
        LocalDate to = f.today.minusDays(4);
        ServiceFixture.Reply r = f.post("/api/actions/backfill", "{\"assets\":[\"collect_box_scores\",\"player_summary\"],\"from\":\""
                + from + "\",\"to\":\"" + to + "\"}", ServiceFixture.API_KEY);
        assertThat(r.status()).as(r.body()).isEqualTo(202);
        String id = r.json().get("id").asText();
        assertThat(r.json().get("progress_url").asText()).isEqualTo("/api/actions/jobs/" + id);
        JsonNode job = f.awaitJob(r);
        assertThat(job.get("state").asText()).isEqualTo("SUCCEEDED");
        assertThat(job.get("unit").asText()).isEqualTo("dates");
        assertThat(job.get("total").asInt()).isEqualTo(3);
        assertThat(job.get("done").asInt()).isEqualTo(3);
        assertThat(job.get("last_item").asText()).isEqualTo(to.toString());
        assertThat(job.get("percent").asInt()).isEqualTo(100);
        assertThat(job.get("counts").get("SUCCESS").asInt()).isEqualTo(6);
        assertThat(f.count("SELECT count(*) FROM asset_partition WHERE state = 'SUCCESS' AND partition_date BETWEEN ? AND ?", from, to))
                .isEqualTo(6);
        assertThat(f.count("SELECT count(*) FROM svc_out WHERE asset = 'prediction'")).isZero();
        assertThat(f.get("/api/actions/jobs").json()).hasSize(1);
    }

    @Test
    void jobsAreKeptInTheWarehouseSoARestartShowsWhatRanAndHowItEnded() {
        f = new ServiceFixture(dir, true);
        JsonNode done = f.awaitJob(f.post("/api/actions/backfill", "{\"assets\":[\"collect_box_scores\"],\"from\":\""
                + f.today.minusDays(2) + "\",\"to\":\"" + f.today.minusDays(1) + "\"}", ServiceFixture.API_KEY));
        assertThat(done.get("state").asText()).isEqualTo("SUCCEEDED");
        String id = done.get("id").asText();
        // A job the previous process was running when it was killed (its row says RUNNING, on another node).
        f.platform.warehouse().write(tx -> tx.handle().execute("INSERT INTO service_job (job_id, kind, params, who, state, node, "
                + "created_at, started_at, done, total, unit) VALUES ('00000000-0000-0000-0000-000000000001', 'backfill', '{}', "
                + "'key:abc', 'RUNNING', '999@gone', TIMESTAMP '2025-01-01 10:00:00', TIMESTAMP '2025-01-01 10:00:01', 3, 10, 'dates')"));
        f.close();

        f = new ServiceFixture(dir, true);
        JsonNode again = f.get("/api/actions/jobs/" + id).json();
        assertThat(again.get("state").asText()).isEqualTo("SUCCEEDED");
        assertThat(again.get("kind").asText()).isEqualTo("backfill");
        assertThat(again.get("done").asInt()).isEqualTo(2);
        assertThat(again.get("counts").get("SUCCESS").asInt()).isEqualTo(2);
        assertThat(again.get("params").get("from").asText()).isEqualTo(f.today.minusDays(2).toString());
        JsonNode killed = f.get("/api/actions/jobs/00000000-0000-0000-0000-000000000001").json();
        assertThat(killed.get("state").asText()).isEqualTo("ABANDONED");
        assertThat(killed.get("error").asText()).contains("stopped before this job ended");
        assertThat(killed.get("done").asInt()).isEqualTo(3);
        assertThat(f.get("/api/actions/jobs").json()).extracting(j -> j.get("id").asText()).contains(id,
                "00000000-0000-0000-0000-000000000001");
    }

    @Test
    void forcePredictionsAckAndDeadLettersDoTheirWork() {
        f = new ServiceFixture(dir, true);
        LocalDate d = f.today;
        f.runDay(d);
        long before = f.count("SELECT count(*) FROM run_history WHERE asset = 'prediction'");
        JsonNode fp = f.awaitJob(f.post("/api/actions/force-predictions", "{\"date\":\"" + d + "\"}", ServiceFixture.API_KEY))
                .get("result");
        assertThat(fp.get("all_succeeded").asBoolean()).isTrue();
        assertThat(fp.get("outcomes")).singleElement().satisfies(o -> assertThat(o.get("asset").asText()).isEqualTo("prediction"));
        assertThat(f.count("SELECT count(*) FROM run_history WHERE asset = 'prediction'")).isEqualTo(before + 1);

        String id = f.platform.alerts().raise(new Alert(Severity.CRITICAL, "run_failed", "k", "feature_store failed", "x")).record().alertId();
        ServiceFixture.Reply ack = f.post("/api/actions/ack-alert", "{\"alert_id\":\"" + id + "\"}", ServiceFixture.API_KEY);
        assertThat(ack.status()).isEqualTo(200);
        assertThat(f.platform.alerts().find(id).orElseThrow().ackedBy()).isEqualTo("api-key");
        assertThat(f.post("/api/actions/ack-alert", "{\"alert_id\":\"" + id + "\"}", ServiceFixture.API_KEY).status()).isEqualTo(409);
        // A real 404 says what is missing (not "no such endpoint").
        ServiceFixture.Reply missing = f.post("/api/actions/ack-alert", "{\"alert_id\":\"no-such-alert\"}", ServiceFixture.API_KEY);
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.json().get("error").asText()).isEqualTo("no alert no-such-alert");
        assertThat(missing.json().get("parameter").asText()).isEqualTo("alert_id");

        JsonNode dl = f.post("/api/actions/retry-dead-letters", "{}", ServiceFixture.API_KEY).json();
        assertThat(dl.get("requeued").asInt()).isZero();
        assertThat(dl.get("dead_letters_before").asInt()).isZero();
    }

    @Test
    void badOrHostileBodiesAre400sThatRunNothingAndAreAudited() {
        f = new ServiceFixture(dir, true);
        long runs = f.count("SELECT count(*) FROM run_history");
        Map<String, String> bad = Map.ofEntries(Map.entry("rerun|not json", "body"),
                Map.entry("rerun|[1,2]", "body"),
                Map.entry("rerun|{\"asset\":\"x' OR '1'='1\",\"partition\":\"2025-01-01\"}", "asset"),
                Map.entry("rerun|{\"asset\":\"player_summary\",\"partition\":\"2025-01-01'; DROP TABLE run_history; --\"}", "partition"),
                Map.entry("rerun|{\"asset\":\"player_summary\"}", "partition"),
                Map.entry("rerun|{\"asset\":\"player_summary\",\"partition\":\"2025-01-01\",\"force\":true}", "force"),
                Map.entry("backfill|{\"assets\":\"all; DELETE FROM alert\",\"from\":\"2025-01-01\",\"to\":\"2025-01-02\"}", "assets"),
                Map.entry("backfill|{\"from\":\"2025-01-02\",\"to\":\"2025-01-01\"}", "from"),
                Map.entry("backfill|{\"from\":\"2020-01-01\",\"to\":\"2025-01-01\"}", "from"),
                Map.entry("backfill|{\"from\":\"2025-01-01\",\"to\":\"2025-01-02\",\"force\":\"yes\"}", "force"),
                Map.entry("force-predictions|{\"date\":\"tomorrow\"}", "date"),
                Map.entry("trigger-self-heal|{\"date\":\"2025-01-01\"}", "date"),
                Map.entry("ack-alert|{\"alert_id\":\"1' OR '1'='1\"}", "alert_id"),
                Map.entry("ack-alert|{\"alert_id\":42}", "alert_id"),
                // A NUL inside a string is refused, not trimmed away.
                Map.entry("rerun|{\"asset\":\"player_summary\",\"partition\":\"2025-01-01\\u0000\"}", "partition"),
                Map.entry("rerun|{\"asset\":\"player_summary\\u0000\",\"partition\":\"2025-01-01\"}", "asset"),
                Map.entry("backfill|{\"assets\":[\"player_summary\\n\"],\"from\":\"2025-01-01\",\"to\":\"2025-01-02\"}", "assets"),
                // Dates outside the seasons the platform knows.
                Map.entry("backfill|{\"from\":\"+999999999-12-31\",\"to\":\"+999999999-12-31\"}", "from"),
                Map.entry("backfill|{\"from\":\"2999-01-01\",\"to\":\"2999-01-02\"}", "from"),
                Map.entry("force-predictions|{\"date\":\"-999999999-01-01\"}", "date"));
        bad.forEach((k, param) -> {
            String action = k.substring(0, k.indexOf('|'));
            ServiceFixture.Reply r = f.post("/api/actions/" + action, k.substring(k.indexOf('|') + 1), ServiceFixture.API_KEY);
            assertThat(r.status()).as(k + " -> " + r.body()).isEqualTo(400);
            assertThat(r.json().get("parameter").asText()).as(k).isEqualTo(param);
        });
        assertThat(f.count("SELECT count(*) FROM run_history")).isEqualTo(runs);
        assertThat(f.count("SELECT count(*) FROM audit_log WHERE status_code = 400")).isEqualTo(bad.size());
        assertThat(f.server.jobs().recent(50)).isEmpty();
    }
}
