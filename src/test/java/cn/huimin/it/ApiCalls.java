package cn.huimin.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * JSON over HTTP for the REST integration tests: calls as a demo user (or with any credentials and headers), reads
 * problem details, finds tasks, and knows the demo catalogue by code rather than by id.
 */
final class ApiCalls {
    static final ObjectMapper JSON = new ObjectMapper();

    /** An answer: status, body, headers; {@link #json()} parses the body. */
    record Answer(int status, String body, java.net.http.HttpHeaders headers, String request) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (Exception e) {
                throw new AssertionError(request + ": answer is not JSON (" + status + "): " + body, e);
            }
        }

        /** The problem codes of a problem-detail answer (errors[].code), in order. */
        List<String> codes() {
            List<String> out = new ArrayList<>();
            JsonNode errors = json().path("errors");
            errors.forEach(e -> out.add(e.path("code").asText()));
            return out;
        }

        String contentType() {
            return headers.firstValue("Content-Type").orElse("");
        }

        @Override
        public String toString() {
            return request + " -> " + status + " " + (body.length() > 2000 ? body.substring(0, 2000) + "…" : body);
        }
    }

    final URI base;
    private final Map<String, Long> placeIds = new HashMap<>();

    ApiCalls(URL deployed) {
        this.base = ItSupport.base(deployed);
    }

    // ------------------------------------------------------------------ raw calls

    Answer call(String method, String path, String user, Object body) throws Exception {
        String json = body == null ? null : body instanceof String s ? s : JSON.writeValueAsString(body);
        HttpResponse<String> r = ItSupport.call(base, method, path, user, json);
        return new Answer(r.statusCode(), r.body(), r.headers(), method + " " + path + " as " + user);
    }

    /** A call with explicit credentials (null: none) and extra headers; body may be null, a String or bytes. */
    Answer send(String method, String path, String username, String password, Map<String, String> headers,
                String contentType, Object body) throws Exception {
        URI target = path.startsWith("//") ? base.resolve(path.substring(1)) : base.resolve(path.startsWith("/") ? path.substring(1) : path);
        HttpRequest.Builder b = HttpRequest.newBuilder(target).timeout(Duration.ofSeconds(120));
        if (headers == null || !headers.containsKey("Accept-Language")) {
            b.header("Accept-Language", "en");
        }
        if (headers == null || !headers.containsKey("Accept")) {
            b.header("Accept", "application/json");
        }
        if (username != null) {
            b.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        if (headers != null) {
            headers.forEach(b::header);
        }
        HttpRequest.BodyPublisher p = body == null ? HttpRequest.BodyPublishers.noBody()
                : body instanceof byte[] bytes ? HttpRequest.BodyPublishers.ofByteArray(bytes)
                : HttpRequest.BodyPublishers.ofString(String.valueOf(body));
        b.method(method, p);
        HttpResponse<String> r = ItSupport.HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return new Answer(r.statusCode(), r.body(), r.headers(), method + " " + path + " as " + username);
    }

    /** A GET without credentials answering bytes (downloads). */
    HttpResponse<byte[]> download(String path) throws Exception {
        URI target = base.resolve(path.startsWith("/") ? path.substring(1) : path);
        return ItSupport.HTTP.send(HttpRequest.newBuilder(target).timeout(Duration.ofSeconds(60)).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    /** Uploads a document to a tender as the user (POST application/octet-stream, the file name in ?name=). */
    Answer upload(String user, long tenderId, String name, byte[] content) throws Exception {
        return send("POST", "/api/tenders/" + tenderId + "/documents?name=" + q(name), user, ItSupport.PASSWORD, null,
                "application/octet-stream", content);
    }

    /** Calls and checks the status; returns the parsed body. */
    JsonNode ok(int expected, String method, String path, String user, Object body) throws Exception {
        Answer a = call(method, path, user, body);
        assertThat(a.status()).as(a.toString()).isEqualTo(expected);
        return a.body().isEmpty() ? JSON.nullNode() : a.json();
    }

    JsonNode get(String path, String user) throws Exception {
        return ok(200, "GET", path, user, null);
    }

    /** Asserts a problem-detail answer with the status and (at least) the codes given. */
    static void assertProblem(Answer a, int status, String... codes) {
        assertThat(a.status()).as(a.toString()).isEqualTo(status);
        assertThat(a.contentType()).as(a.toString()).startsWith("application/problem+json");
        JsonNode p = a.json();
        assertThat(p.path("status").asInt()).as(a.toString()).isEqualTo(status);
        assertThat(p.path("title").asText()).as(a.toString()).isNotBlank();
        assertThat(p.path("detail").asText()).as(a.toString()).isNotBlank();
        assertThat(a.body()).as("no stack trace in " + a).doesNotContain("Exception").doesNotContain("\tat ");
        if (codes.length > 0) {
            assertThat(a.codes()).as(a.toString()).contains(codes);
            for (JsonNode e : p.path("errors")) {
                assertThat(e.path("message").asText()).as("every error has a message: " + a).isNotBlank();
            }
        }
    }

    static String q(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    // ------------------------------------------------------------------ catalogue and places

    long placeId(String code) throws Exception {
        if (placeIds.isEmpty()) {
            for (JsonNode p : get("/api/admin/places", "admin")) {
                placeIds.put(p.path("code").asText(), p.path("id").asLong());
            }
        }
        Long id = placeIds.get(code);
        assertThat(id).as("place " + code + " in " + placeIds).isNotNull();
        return id;
    }

    JsonNode category(String code) throws Exception {
        for (JsonNode c : get("/api/admin/categories", "admin")) {
            if (code.equals(c.path("code").asText())) {
                return c;
            }
        }
        throw new AssertionError("no category " + code);
    }

    long deliverableId(String categoryCode, String deliverableCode) throws Exception {
        for (JsonNode d : category(categoryCode).path("deliverables")) {
            if (deliverableCode.equals(d.path("code").asText())) {
                return d.path("id").asLong();
            }
        }
        throw new AssertionError("no deliverable " + deliverableCode);
    }

    long unitOf(String user) throws Exception {
        return get("/api/me", user).path("unitId").asLong();
    }

    JsonNode unit(long id) throws Exception {
        for (JsonNode u : get("/api/admin/units", "admin")) {
            if (u.path("id").asLong() == id) {
                return u;
            }
        }
        throw new AssertionError("no unit " + id);
    }

    /** PUT /api/admin/units/{id} keeping every field but active. */
    Answer setUnitActive(long id, boolean active) throws Exception {
        ObjectNode u = (ObjectNode) unit(id).deepCopy();
        ObjectNode in = JSON.createObjectNode();
        in.put("code", u.path("code").asText());
        in.put("nameZh", u.path("nameZh").asText());
        in.put("nameEn", u.path("nameEn").asText());
        in.put("placeId", u.path("placeId").asLong());
        in.put("active", active);
        return call("PUT", "/api/admin/units/" + id, "admin", in);
    }

    // ------------------------------------------------------------------ tenders

    /**
     * A valid open tender of rural film screenings at the place given (the officer's jurisdiction): budget, one lot
     * with the whole budget, price weight 30 + factors 40 + 30, bid security 1% of the budget.
     */
    ObjectNode openTender(String title, String budget, String placeCode) throws Exception {
        ObjectNode f = JSON.createObjectNode();
        f.put("title", title);
        f.put("categoryId", category("FILM").path("id").asLong());
        f.put("method", "OPEN_TENDER");
        f.put("budget", budget);
        f.put("bidSecurity", new java.math.BigDecimal(budget).multiply(new java.math.BigDecimal("0.01"))
                .setScale(2, java.math.RoundingMode.DOWN).toPlainString());
        f.put("priceWeight", 30);
        f.put("qualification", "具有电影放映经营许可证");
        f.put("description", "每村每月放映一场农村公益电影");
        f.putNull("preferredDeadline");
        ArrayNode lots = f.putArray("lots");
        ObjectNode lot = lots.addObject();
        lot.put("title", "第一标段");
        lot.put("budgetCeiling", budget);
        lot.put("serviceStart", LocalDate.now().plusMonths(2).withDayOfMonth(1).toString());
        lot.put("serviceEnd", LocalDate.now().plusMonths(2).withDayOfMonth(1).plusYears(1).minusDays(1).toString());
        ObjectNode d = lot.putArray("deliverables").addObject();
        d.put("deliverableTypeId", deliverableId("FILM", "FLM-SCR"));
        d.put("placeId", placeId(placeCode));
        d.put("quantity", 12);
        d.put("perPeriod", "YEAR");
        ArrayNode factors = f.putArray("factors");
        factors.addObject().put("name", "服务方案").put("points", 40);
        factors.addObject().put("name", "放映设备").put("points", 30);
        return f;
    }

    /** A valid single-source tender (no scoring scheme needed). */
    ObjectNode singleSource(String title, String budget, String placeCode) throws Exception {
        ObjectNode f = openTender(title, budget, placeCode);
        f.put("method", "SINGLE_SOURCE");
        f.put("singleSourceReason", "该剧团为本县唯一能演出本地稀有剧种的专业院团");
        f.put("proposedSupplier", "惠民县地方戏剧团");
        return f;
    }

    JsonNode create(String user, ObjectNode form) throws Exception {
        Answer a = call("POST", "/api/tenders", user, form);
        assertThat(a.status()).as(a.toString()).isEqualTo(201);
        JsonNode t = a.json();
        assertThat(t.path("id").asLong()).isPositive();
        assertThat(t.path("status").asText()).isEqualTo("DRAFT");
        assertThat(a.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/api/tenders/" + t.path("id").asLong()));
        return t;
    }

    JsonNode tender(long id, String user) throws Exception {
        return get("/api/tenders/" + id, user);
    }

    Answer submit(String user, long id, long version) throws Exception {
        return call("POST", "/api/tenders/" + id + "/submit?version=" + version, user, null);
    }

    /** Creates and submits; returns the tender as read after the submission. */
    JsonNode createAndSubmit(String user, ObjectNode form) throws Exception {
        JsonNode t = create(user, form);
        Answer s = submit(user, t.path("id").asLong(), t.path("version").asLong());
        assertThat(s.status()).as(s.toString()).isEqualTo(200);
        assertThat(s.json().path("status").asText()).isEqualTo("PENDING_APPROVAL");
        return tender(t.path("id").asLong(), user);
    }

    // ------------------------------------------------------------------ tasks

    /** The caller's inbox task of that step for the tender, or null. */
    JsonNode task(String user, long tenderId, String key) throws Exception {
        JsonNode inbox = get("/api/tasks?size=100", user);
        assertThat(inbox.path("total").asLong()).isGreaterThanOrEqualTo(inbox.path("items").size());
        for (JsonNode t : inbox.path("items")) {
            if (t.path("tenderId").asLong() == tenderId && key.equals(t.path("key").asText())) {
                return t;
            }
        }
        return null;
    }

    /** Every inbox task of the user for the tender (any step). */
    List<JsonNode> tasks(String user, long tenderId) throws Exception {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode t : get("/api/tasks?size=100", user).path("items")) {
            if (t.path("tenderId").asLong() == tenderId) {
                out.add(t);
            }
        }
        return out;
    }

    String taskId(String user, long tenderId, String key) throws Exception {
        JsonNode t = task(user, tenderId, key);
        assertThat(t).as(user + " has a " + key + " task for tender " + tenderId).isNotNull();
        return t.path("id").asText();
    }

    Answer complete(String user, String taskId, String decision, String comment) throws Exception {
        return complete(user, taskId, decision, comment, Map.of());
    }

    /** Completes a task with the details some steps take (scores, prices, the negotiation's fields). */
    Answer complete(String user, String taskId, String decision, String comment, Map<String, String> details) throws Exception {
        ObjectNode d = JSON.createObjectNode();
        d.put("decision", decision);
        if (comment != null) {
            d.put("comment", comment);
        }
        if (!details.isEmpty()) {
            ObjectNode det = d.putObject("details");
            details.forEach(det::put);
        }
        return call("POST", "/api/tasks/" + taskId + "/complete", user, d);
    }

    /** The user's task of that step for the tender, waiting for it (the engine may still be moving) at most max. */
    JsonNode awaitTask(String user, long tenderId, String key, java.time.Duration max) throws Exception {
        long until = System.nanoTime() + max.toNanos();
        while (true) {
            JsonNode t = task(user, tenderId, key);
            if (t != null) {
                return t;
            }
            assertThat(System.nanoTime()).as("%s gets a %s task for tender %d", user, key, tenderId).isLessThan(until);
            Thread.sleep(300);
        }
    }

    void decide(String user, long tenderId, String key, String decision, String comment) throws Exception {
        Answer a = complete(user, taskId(user, tenderId, key), decision, comment);
        assertThat(a.status()).as(a.toString()).isEqualTo(200);
    }

    // ------------------------------------------------------------------ calendar and audit

    /** Whether the date is a working day by the calendar's published exceptions (weekends otherwise). */
    boolean workingDay(LocalDate d) throws Exception {
        JsonNode days = get("/api/calendar/days?year=" + d.getYear(), null);
        for (JsonNode day : days.path("days")) {
            if (d.toString().equals(day.path("date").asText())) {
                return "MAKEUP_WORKDAY".equals(day.path("kind").asText());
            }
        }
        return d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY;
    }

    long auditHead() throws Exception {
        return get("/api/audit?size=1", "admin").path("total").asLong();
    }

    /** Audit entries with seq > after, oldest first. */
    List<JsonNode> auditSince(long after) throws Exception {
        List<JsonNode> out = new ArrayList<>();
        int first = 0;
        while (true) {
            JsonNode page = get("/api/audit?first=" + first + "&size=200", "admin").path("items");
            if (page.isEmpty()) {
                break;
            }
            boolean older = false;
            for (JsonNode e : page) {
                if (e.path("seq").asLong() > after) {
                    out.add(0, e);
                } else {
                    older = true;
                }
            }
            if (older) {
                break;
            }
            first += page.size();
        }
        return out;
    }

    /** The tender's history actions (GET /api/tenders/{id}/history), oldest first. */
    List<String> historyActions(long tenderId, String user) throws Exception {
        List<String> out = new ArrayList<>();
        for (JsonNode h : get("/api/tenders/" + tenderId + "/history", user)) {
            out.add(h.path("action").asText());
        }
        return out;
    }
}
