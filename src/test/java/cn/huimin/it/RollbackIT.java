package cn.huimin.it;

import static cn.huimin.it.ApiCalls.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import cn.huimin.it.ApiCalls.Answer;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URL;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A failure inside a process step rolls back the JPA writes and the engine state of the same transaction; and the
 * operational endpoints answer.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RollbackIT {
    @Deployment(testable = false)
    static WebArchive deployment() {
        return ItSupport.war();
    }

    @ArquillianResource
    URL deployed;

    ApiCalls api;

    @BeforeEach
    void client() {
        api = new ApiCalls(deployed);
    }

    @Test
    @Order(1)
    void aFailingPublishStepRollsBackTheDecisionTheClaimAndTheProcess() throws Exception {
        long unitId = api.unitOf("officer");
        JsonNode unit = api.unit(unitId);
        assertThat(unit.path("active").asBoolean()).isTrue();

        JsonNode t = api.createAndSubmit("officer", api.openTender("县文化馆公益电影 (IT rollback)", "150000.00", "HM-DH-3"));
        long id = t.path("id").asLong();
        JsonNode task = api.task("head", id, "approveTender");
        assertThat(task).isNotNull();
        String taskId = task.path("id").asText();
        String lastNotice = lastNoticeNumber();
        List<String> history = api.historyActions(id, "officer");

        Answer off = api.setUnitActive(unitId, false);
        assertThat(off.status()).as(off.toString()).isEqualTo(200);
        try {
            assertThat(off.json().path("active").asBoolean()).isFalse();
            assertThat(off.json().path("code").asText()).isEqualTo(unit.path("code").asText());
            assertThat(off.json().path("nameZh").asText()).isEqualTo(unit.path("nameZh").asText());
            assertThat(off.json().path("placeId").asLong()).isEqualTo(unit.path("placeId").asLong());
            long seq = api.auditHead();

            // 1. the task unclaimed: completing claims it, records the decision, then publishing fails
            Answer refused = api.complete("head", taskId, "APPROVE", "同意");
            assertProblem(refused, 409, "tender.unitInactive");
            assertThat(refused.json().path("detail").asText()).contains("purchasing unit is inactive");
            assertRolledBack(id, t, taskId, history, seq);
            JsonNode after = api.get("/api/tasks/" + taskId, "head");
            assertThat(after.path("assignee").isMissingNode() || after.path("assignee").isNull())
                    .as("the claim made inside the failed completion is rolled back too: " + after).isTrue();

            // 2. claimed first (its own transaction), then the failing completion: the task stays the head's
            api.ok(200, "POST", "/api/tasks/" + taskId + "/claim", "head", null);
            seq = api.auditHead();
            assertProblem(api.complete("head", taskId, "APPROVE", null), 409, "tender.unitInactive");
            assertRolledBack(id, t, taskId, history, seq);
            assertThat(api.get("/api/tasks/" + taskId, "head").path("assignee").asText()).isEqualTo("head");
            api.ok(200, "POST", "/api/tasks/" + taskId + "/unclaim", "head", null);
            JsonNode released = api.task("head", id, "approveTender");
            assertThat(released.path("assignee").isMissingNode() || released.path("assignee").isNull()).isTrue();
        } finally {
            Answer on = api.setUnitActive(unitId, true);
            assertThat(on.status()).as(on.toString()).isEqualTo(200);
        }
        assertThat(api.unit(unitId).path("active").asBoolean()).isTrue();

        // the same task, approved again, now publishes; the notice number sequence has no gap
        api.decide("head", id, "approveTender", "APPROVE", "同意");
        JsonNode published = api.tender(id, "officer");
        assertThat(published.path("status").asText()).isEqualTo("PUBLISHED");
        assertThat(published.path("noticeNumber").asText()).isEqualTo(nextNotice(lastNotice, published.path("publishedAt").asText()));
        List<String> now = api.historyActions(id, "officer");
        assertThat(now.stream().filter("TENDER_APPROVE"::equals).count()).isEqualTo(1);
        assertThat(now.stream().filter("TENDER_PUBLISHED"::equals).count()).isEqualTo(1);
        assertThat(api.tasks("head", id)).isEmpty();
        assertThat(api.get("/api/public/tenders/" + id, null).path("notices")).hasSize(1);
        assertThat(api.get("/api/audit/verify", "admin").path("intact").asBoolean()).isTrue();
    }

    private void assertRolledBack(long id, JsonNode submitted, String taskId, List<String> history, long seq) throws Exception {
        JsonNode t = api.tender(id, "officer");
        assertThat(t.path("status").asText()).isEqualTo("PENDING_APPROVAL");
        assertThat(t.path("version").asLong()).as("the decision's version increment is rolled back").isEqualTo(submitted.path("version").asLong());
        assertThat(t.has("noticeNumber")).isFalse();
        assertThat(t.has("publishedAt")).isFalse();
        assertThat(t.has("bidDeadline")).isFalse();
        assertThat(t.has("lastComment")).as(t.toString()).isFalse();
        assertThat(api.historyActions(id, "officer")).isEqualTo(history);
        // the engine still waits in approveTender: the same task, no finance task, nothing for the officer
        JsonNode task = api.task("head", id, "approveTender");
        assertThat(task).as("the approveTender task is still in the head's inbox").isNotNull();
        assertThat(task.path("id").asText()).isEqualTo(taskId);
        assertThat(api.get("/api/tasks/" + taskId, "head").path("key").asText()).isEqualTo("approveTender");
        assertThat(api.tasks("finance", id)).isEmpty();
        assertThat(api.tasks("officer", id)).isEmpty();
        assertProblem(api.call("GET", "/api/public/tenders/" + id, null, null), 404, "tender.notFound");
        for (JsonNode e : api.auditSince(seq)) {
            boolean aboutIt = ("tender".equals(e.path("entityType").asText()) && String.valueOf(id).equals(e.path("entityId").asText()))
                    || taskId.equals(e.path("entityId").asText());
            if (aboutIt) {
                assertThat(e.path("action").asText()).as("audit entry " + e + " survived the rollback")
                        .isNotIn("TENDER_APPROVE", "TENDER_PUBLISHED", "TASK_COMPLETED", "TASK_CLAIMED");
            }
        }
    }

    /** The highest notice number of every tender that ever got one (published, cancelled, opened, failed). */
    private String lastNoticeNumber() throws Exception {
        String last = "";
        for (String status : new String[]{"PUBLISHED", "CANCELLED", "OPENED", "FAILED"}) {
            JsonNode items = api.get("/api/tenders?sort=noticeNumber&asc=false&size=1&status=" + status, "head").path("items");
            String n = items.isEmpty() ? "" : items.get(0).path("noticeNumber").asText();
            if (n.compareTo(last) > 0) {
                last = n;
            }
        }
        return last;
    }

    private static String nextNotice(String last, String publishedAt) {
        int year = java.time.OffsetDateTime.parse(publishedAt).getYear();
        if (last.isEmpty() || !last.startsWith("HM-" + year + "-")) {
            return "HM-" + year + "-0001";
        }
        return String.format("HM-%d-%04d", year, Integer.parseInt(last.substring(last.lastIndexOf('-') + 1)) + 1);
    }

    @Test
    @Order(2)
    void healthMetricsAndOpenApiAnswer() throws Exception {
        ItSupport.awaitReady(ItSupport.base(deployed));
        Answer ready = api.send("GET", "//health/ready", null, null, null, null, null);
        assertThat(ready.status()).as(ready.toString()).isEqualTo(200);
        JsonNode r = ready.json();
        assertThat(r.path("status").asText()).isEqualTo("UP");
        JsonNode check = null;
        for (JsonNode c : r.path("checks")) {
            if ("huimin".equals(c.path("name").asText())) {
                check = c;
            }
        }
        assertThat(check).as(r.toString()).isNotNull();
        assertThat(check.path("status").asText()).isEqualTo("UP");
        assertThat(check.path("data").path("database").asBoolean()).isTrue();
        assertThat(check.path("data").path("engine").asBoolean()).isTrue();
        assertThat(check.path("data").path("pages").asBoolean()).isTrue();
        assertThat(check.path("data").path("sealing").asBoolean()).isTrue();

        Answer live = api.send("GET", "//health/live", null, null, null, null, null);
        assertThat(live.status()).as(live.toString()).isEqualTo(200);
        assertThat(live.json().path("status").asText()).isEqualTo("UP");
        Answer health = api.send("GET", "//health", null, null, null, null, null);
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().path("status").asText()).isEqualTo("UP");

        Answer metrics = api.send("GET", "//metrics", null, null, Map.of("Accept", "text/plain"), null, null);
        assertThat(metrics.status()).as(metrics.toString()).isEqualTo(200);
        assertThat(metrics.body()).isNotBlank().contains("# TYPE");

        Answer openapi = api.send("GET", "//openapi", null, null, Map.of("Accept", "application/json"), null, null);
        assertThat(openapi.status()).as(openapi.toString()).isEqualTo(200);
        JsonNode doc = openapi.json();
        assertThat(doc.path("paths").has("/api/tenders")).as("paths: " + doc.path("paths").fieldNames()).isTrue();
        assertThat(doc.path("paths").has("/api/tenders/{id}/submit")).isTrue();
        assertThat(doc.path("paths").has("/api/tasks/{id}/complete")).isTrue();
        assertThat(doc.path("paths").has("/api/public/tenders")).isTrue();
        JsonNode post = doc.path("paths").path("/api/tenders").path("post");
        assertThat(post.path("requestBody").toString()).as(post.toString()).contains("example").contains("OPEN_TENDER");
        Answer yaml = api.send("GET", "//openapi", null, null, Map.of("Accept", "text/plain"), null, null);
        assertThat(yaml.status()).isEqualTo(200);
        assertThat(yaml.body()).contains("/api/tenders").contains("example");
    }
}
