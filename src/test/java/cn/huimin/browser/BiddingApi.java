package cn.huimin.browser;

import static org.assertj.core.api.Assertions.assertThat;

import cn.huimin.it.ItSupport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What the bidding browser test sets up or forces behind the pages: a published tender over REST (officer creates
 * and submits, head approves), bids of demo vendors over REST, the bid deadline moved into the past on the test
 * database, and small real PDFs to upload.
 */
final class BiddingApi {
    static final ObjectMapper JSON = new ObjectMapper();

    final URI base;

    BiddingApi(URI base) {
        this.base = base;
    }

    /** A JSON call as a demo user (null: anonymous); extra headers may be given. */
    HttpResponse<String> call(String method, String path, String user, Object body, Map<String, String> headers) throws Exception {
        String json = body == null ? null : body instanceof String s ? s : JSON.writeValueAsString(body);
        URI target = base.resolve(path.startsWith("/") ? path.substring(1) : path);
        HttpRequest.Builder b = HttpRequest.newBuilder(target).timeout(Duration.ofSeconds(60))
                .header("Accept", "application/json").header("Accept-Language", "en");
        if (user != null) {
            b.header("Authorization", ItSupport.basic(user));
        }
        if (json != null) {
            b.header("Content-Type", "application/json");
        }
        headers.forEach(b::header);
        b.method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        return ItSupport.HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    JsonNode ok(int status, String method, String path, String user, Object body) throws Exception {
        return ok(status, method, path, user, body, Map.of());
    }

    JsonNode ok(int status, String method, String path, String user, Object body, Map<String, String> headers) throws Exception {
        HttpResponse<String> r = call(method, path, user, body, headers);
        assertThat(r.statusCode()).as(method + " " + path + " as " + user + " -> " + r.statusCode() + " " + r.body()).isEqualTo(status);
        return r.body().isEmpty() ? JSON.nullNode() : JSON.readTree(r.body());
    }

    JsonNode get(String path, String user) throws Exception {
        return ok(200, "GET", path, user, null);
    }

    // ------------------------------------------------------------------ the tender

    private JsonNode category(String code) throws Exception {
        for (JsonNode c : get("/api/admin/categories", "admin")) {
            if (code.equals(c.path("code").asText())) {
                return c;
            }
        }
        throw new AssertionError("no category " + code);
    }

    private long placeId(String code) throws Exception {
        for (JsonNode p : get("/api/admin/places", "admin")) {
            if (code.equals(p.path("code").asText())) {
                return p.path("id").asLong();
            }
        }
        throw new AssertionError("no place " + code);
    }

    /**
     * An open tender of rural film screenings, one lot with the whole budget (below the finance threshold: the
     * head's approval publishes it), no bid security, factors 40 + 30 and price weight 30; created and submitted by
     * the officer, approved by the head. Returns the published tender as the officer reads it.
     */
    JsonNode publishedOpenTender(String title, String budget, String lotTitle, String factor1, String factor2) throws Exception {
        ObjectNode f = filmTender(title, budget, lotTitle);
        ArrayNode factors = f.putArray("factors");
        factors.addObject().put("name", factor1).put("points", 40);
        factors.addObject().put("name", factor2).put("points", 30);
        return publish(f, false);
    }

    /**
     * A single-source tender of the same film screenings (reason and proposed supplier given), approved by the head
     * and by finance (every single source goes to finance), published with its 5-working-day notice.
     */
    JsonNode publishedSingleSource(String title, String budget, String lotTitle, String supplier) throws Exception {
        ObjectNode f = filmTender(title, budget, lotTitle);
        f.put("method", "SINGLE_SOURCE");
        f.put("singleSourceReason", "该放映队持有本县唯一的流动放映设备与农村院线放映许可");
        f.put("proposedSupplier", supplier);
        f.putArray("factors");
        return publish(f, true);
    }

    private ObjectNode filmTender(String title, String budget, String lotTitle) throws Exception {
        JsonNode film = category("FILM");
        long deliverable = -1;
        for (JsonNode d : film.path("deliverables")) {
            if ("FLM-SCR".equals(d.path("code").asText())) {
                deliverable = d.path("id").asLong();
            }
        }
        assertThat(deliverable).as("deliverable FLM-SCR").isPositive();
        ObjectNode f = JSON.createObjectNode();
        f.put("title", title);
        f.put("categoryId", film.path("id").asLong());
        f.put("method", "OPEN_TENDER");
        f.put("budget", budget);
        f.put("bidSecurity", "0");
        f.put("priceWeight", 30);
        f.put("qualification", "具有电影放映经营许可证");
        f.put("description", "东湖镇各村每年放映农村公益电影12场");
        f.putNull("preferredDeadline");
        ObjectNode lot = f.putArray("lots").addObject();
        lot.put("title", lotTitle);
        lot.put("budgetCeiling", budget);
        LocalDate start = LocalDate.now().plusMonths(2).withDayOfMonth(1);
        lot.put("serviceStart", start.toString());
        lot.put("serviceEnd", start.plusYears(1).minusDays(1).toString());
        ObjectNode d = lot.putArray("deliverables").addObject();
        d.put("deliverableTypeId", deliverable);
        d.put("placeId", placeId("HM-DH"));
        d.put("quantity", 12);
        d.put("perPeriod", "YEAR");
        return f;
    }

    /** Creates and submits as the officer, approves as the head (and finance when asked): the published tender. */
    private JsonNode publish(ObjectNode f, boolean finance) throws Exception {
        JsonNode draft = ok(201, "POST", "/api/tenders", "officer", f);
        long id = draft.path("id").asLong();
        JsonNode submitted = ok(200, "POST", "/api/tenders/" + id + "/submit?version=" + draft.path("version").asLong(), "officer", null);
        assertThat(submitted.path("status").asText()).isEqualTo("PENDING_APPROVAL");
        approve("head", id, "approveTender");
        if (finance) {
            approve("finance", id, "approveTenderFinance");
        }
        JsonNode published = get("/api/tenders/" + id, "officer");
        assertThat(published.path("status").asText()).as("tender %d after approval: %s", id, published).isEqualTo("PUBLISHED");
        return published;
    }

    private void approve(String user, long tenderId, String key) throws Exception {
        String task = null;
        for (JsonNode t : get("/api/tasks?size=100", user).path("items")) {
            if (t.path("tenderId").asLong() == tenderId && key.equals(t.path("key").asText())) {
                task = t.path("id").asText();
            }
        }
        assertThat(task).as(user + "'s " + key + " task for tender " + tenderId).isNotNull();
        ok(200, "POST", "/api/tasks/" + task + "/complete", user, JSON.createObjectNode().put("decision", "APPROVE"));
    }

    /** Ends a single-source notice: its deadline 2 s ago and the process's notice timer due now. */
    void forceNoticeEnd(long tenderId) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://" + ItSupport.PG + "/" + ItSupport.DB, "postgres", "")) {
            try (PreparedStatement s = c.prepareStatement("update tender set bid_deadline = now() - interval '2 seconds' where id = ?")) {
                s.setLong(1, tenderId);
                assertThat(s.executeUpdate()).as("tender rows moved").isEqualTo(1);
            }
            try (PreparedStatement s = c.prepareStatement("update act_ru_job set duedate_ = now() - interval '1 second'"
                    + " where process_instance_id_ in (select id_ from act_ru_execution where business_key_ = ?"
                    + " and proc_def_id_ like 'single-source%')")) {
                s.setString(1, String.valueOf(tenderId));
                assertThat(s.executeUpdate()).as("single-source timer jobs of tender " + tenderId).isEqualTo(1);
            }
        }
    }

    /** A task of the user for the tender, waiting for it (at most 30 s): its id. */
    String awaitTask(String user, long tenderId, String key) throws Exception {
        long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            for (JsonNode t : get("/api/tasks?size=100", user).path("items")) {
                if (t.path("tenderId").asLong() == tenderId && key.equals(t.path("key").asText())) {
                    return t.path("id").asText();
                }
            }
            assertThat(System.nanoTime()).as(user + " gets a " + key + " task for tender " + tenderId).isLessThan(end);
            Thread.sleep(300);
        }
    }

    // ------------------------------------------------------------------ bids

    /** A complete bid of a demo vendor over REST (new Idempotency-Key): 201 with a receipt. */
    JsonNode bid(String vendor, long tenderId, long lotId, String price, List<String> proposals) throws Exception {
        ObjectNode b = JSON.createObjectNode();
        b.put("tenderId", tenderId);
        b.put("lotId", lotId);
        b.put("price", price);
        ArrayNode p = b.putArray("proposals");
        proposals.forEach(p::add);
        b.putArray("attachmentIds");
        b.put("declaration", true);
        return ok(201, "POST", "/api/bids", vendor, b, Map.of("Idempotency-Key", UUID.randomUUID().toString()));
    }

    // ------------------------------------------------------------------ the deadline

    /**
     * Moves the bid deadline 2 s into the past and makes the bid-opening timer due now, on the run's own database
     * (the one ItSupport resets and Payara uses).
     */
    void forceDeadline(long tenderId) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://" + ItSupport.PG + "/" + ItSupport.DB, "postgres", "")) {
            // the opening skips bids submitted at or after the deadline: let the database clock pass the last bid
            // by more than the 2 s the deadline is moved back, or bids of the last 2 s would silently drop out
            long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (true) {
                try (PreparedStatement s = c.prepareStatement("select coalesce(max(submitted_at) < now() - interval '2.2 seconds', true)"
                        + " from bid where tender_id = ?")) {
                    s.setLong(1, tenderId);
                    try (var rs = s.executeQuery()) {
                        rs.next();
                        if (rs.getBoolean(1)) {
                            break;
                        }
                    }
                }
                assertThat(System.nanoTime()).as("the database clock passes the last bid of tender " + tenderId).isLessThan(end);
                Thread.sleep(100);
            }
            try (PreparedStatement s = c.prepareStatement("update tender set bid_deadline = now() - interval '2 seconds' where id = ?")) {
                s.setLong(1, tenderId);
                assertThat(s.executeUpdate()).as("tender rows moved").isEqualTo(1);
            }
            try (PreparedStatement s = c.prepareStatement("update act_ru_job set duedate_ = now() - interval '1 second'"
                    + " where process_instance_id_ in (select id_ from act_ru_execution where business_key_ = ?"
                    + " and proc_def_id_ like 'bid-opening%')")) {
                s.setString(1, String.valueOf(tenderId));
                assertThat(s.executeUpdate()).as("bid-opening timer jobs of tender " + tenderId).isEqualTo(1);
            }
        }
    }

    /** Polls the public opening record until it answers 200 (the job executor has opened the bids). */
    JsonNode awaitOpening(long tenderId, Duration limit) throws Exception {
        long end = System.nanoTime() + limit.toNanos();
        HttpResponse<String> r;
        do {
            r = call("GET", "/api/public/tenders/" + tenderId + "/opening", null, null, Map.of());
            if (r.statusCode() == 200) {
                return JSON.readTree(r.body());
            }
            Thread.sleep(1000);
        } while (System.nanoTime() < end);
        throw new AssertionError("no opening of tender " + tenderId + " within " + limit.toSeconds() + " s; last answer "
                + r.statusCode() + " " + r.body());
    }

    // ------------------------------------------------------------------ files

    /** Writes a small, well-formed one-page PDF (correct xref offsets) showing the text, and returns its path. */
    static Path pdf(Path dir, String fileName, String text) {
        String ascii = text.replaceAll("[^A-Za-z0-9 .,:-]", "_");
        String stream = "BT /F1 18 Tf 72 720 Td (" + ascii + ") Tj ET\n";
        List<String> objects = new ArrayList<>();
        objects.add("<< /Type /Catalog /Pages 2 0 R >>");
        objects.add("<< /Type /Pages /Kids [3 0 R] /Count 1 >>");
        objects.add("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>");
        objects.add("<< /Length " + stream.length() + " >>\nstream\n" + stream + "endstream");
        objects.add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<Integer> offsets = new ArrayList<>();
        write(out, "%PDF-1.4\n");
        for (int i = 0; i < objects.size(); i++) {
            offsets.add(out.size());
            write(out, (i + 1) + " 0 obj\n" + objects.get(i) + "\nendobj\n");
        }
        int xref = out.size();
        StringBuilder sb = new StringBuilder("xref\n0 " + (objects.size() + 1) + "\n0000000000 65535 f \n");
        for (int o : offsets) {
            sb.append(String.format("%010d 00000 n \n", o));
        }
        sb.append("trailer\n<< /Size ").append(objects.size() + 1).append(" /Root 1 0 R >>\nstartxref\n").append(xref).append("\n%%EOF\n");
        write(out, sb.toString());
        try {
            Files.createDirectories(dir);
            Path file = dir.resolve(fileName);
            Files.write(file, out.toByteArray());
            return file.toAbsolutePath();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(ByteArrayOutputStream out, String s) {
        out.writeBytes(s.getBytes(StandardCharsets.US_ASCII));
    }
}
