package cn.huimin.it;

import static org.assertj.core.api.Assertions.assertThat;

import cn.huimin.domain.model.vendor.Uscc;
import cn.huimin.it.ApiCalls.Answer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * Helpers for the vendor, bidding and enquiry integration tests: published tenders, vendor registration and
 * documents, sealed bids with an Idempotency-Key, tasks found by their process instance, and JDBC on the test
 * database to make the bid deadline pass.
 */
final class BiddingCalls {
    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final SecureRandom RANDOM = new SecureRandom();

    final ApiCalls api;

    BiddingCalls(ApiCalls api) {
        this.api = api;
    }

    // ------------------------------------------------------------------ tenders

    /** An open tender of 400,000 CNY in two lots (300,000 and 100,000), bid security 4,000, two scoring factors. */
    ObjectNode twoLotTender(String title) throws Exception {
        ObjectNode f = api.openTender(title, "400000.00", "HM-DH-1");
        f.put("bidSecurity", "4000.00");
        ArrayNode lots = (ArrayNode) f.path("lots");
        ObjectNode first = (ObjectNode) lots.get(0);
        first.put("title", "第一标段 东湖镇");
        first.put("budgetCeiling", "300000.00");
        ObjectNode second = first.deepCopy();
        second.put("title", "第二标段 西山镇");
        second.put("budgetCeiling", "100000.00");
        ((ObjectNode) second.path("deliverables").get(0)).put("placeId", api.placeId("HM-XS-1"));
        lots.add(second);
        return f;
    }

    /** Creates, submits and has the head (and finance when asked) approve; answers the published tender as the officer reads it. */
    JsonNode publish(ObjectNode form) throws Exception {
        JsonNode t = api.createAndSubmit("officer", form);
        long id = t.path("id").asLong();
        api.decide("head", id, "approveTender", "APPROVE", "同意");
        JsonNode after = api.tender(id, "officer");
        if (!"PUBLISHED".equals(after.path("status").asText()) && api.task("finance", id, "approveTenderFinance") != null) {
            api.decide("finance", id, "approveTenderFinance", "APPROVE", null);
            after = api.tender(id, "officer");
        }
        assertThat(after.path("status").asText()).as("tender %d published: %s", id, after).isEqualTo("PUBLISHED");
        return after;
    }

    // ------------------------------------------------------------------ vendors

    /** A valid unified social credit code with a random organization code (type 9 = company, 5 = social organization). */
    static String uscc(char registration, char type) {
        String alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        StringBuilder sb = new StringBuilder().append(registration).append(type).append("350100");
        for (int i = 0; i < 9; i++) {
            sb.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return sb + String.valueOf(Uscc.checkCharacter(sb.toString()));
    }

    /** The same code with a wrong check character. */
    static String withWrongCheck(String uscc) {
        char right = uscc.charAt(17);
        char wrong = right == '0' ? '1' : '0';
        return uscc.substring(0, 17) + wrong;
    }

    ObjectNode registration(String username, String name, String uscc, String orgType) throws Exception {
        ObjectNode f = ApiCalls.JSON.createObjectNode();
        f.put("username", username);
        f.put("password", ItSupport.PASSWORD);
        f.put("name", name);
        f.put("uscc", uscc);
        f.put("orgType", orgType);
        f.put("legalRep", "陈法人");
        f.put("contactName", "陈联系");
        f.put("contactPhone", "0576-88123456");
        f.put("contactEmail", username + "@example.cn");
        f.put("address", "惠民县东湖镇文化路1号");
        f.putArray("categoryIds").add(api.category("FILM").path("id").asLong());
        f.putArray("placeIds").add(api.placeId("HM"));
        return f;
    }

    Answer register(ObjectNode form) throws Exception {
        return api.call("POST", "/api/public/vendor-registrations", null, form);
    }

    Answer uploadDocument(String user, String kind, LocalDate expiresOn, String name, byte[] content) throws Exception {
        String path = "/api/vendors/me/documents?kind=" + ApiCalls.q(kind) + "&expiresOn=" + expiresOn + "&name=" + ApiCalls.q(name);
        return api.send("POST", path, user, ItSupport.PASSWORD, null, "application/octet-stream", content);
    }

    /** The vendor's profile id as the vendor reads it. */
    long vendorId(String user) throws Exception {
        return api.get("/api/vendors/me", user).path("profile").path("id").asLong();
    }

    String vendorName(String user) throws Exception {
        return api.get("/api/vendors/me", user).path("profile").path("name").asText();
    }

    // ------------------------------------------------------------------ files

    static byte[] pdf(String marker) {
        return ("%PDF-1.4\n% " + marker + "\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    static byte[] png() throws Exception {
        return image("png");
    }

    static byte[] jpeg() throws Exception {
        return image("jpg");
    }

    private static byte[] image(String format) throws Exception {
        BufferedImage img = new BufferedImage(24, 16, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < 24; x++) {
            for (int y = 0; y < 16; y++) {
                img.setRGB(x, y, new Color(x * 10, y * 15, 120).getRGB());
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(ImageIO.write(img, format, out)).as("an ImageIO writer for " + format).isTrue();
        return out.toByteArray();
    }

    static String sha256(byte[] b) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
    }

    // ------------------------------------------------------------------ bids

    static ObjectNode bid(long tenderId, long lotId, String price, List<String> proposals, List<Long> attachmentIds, boolean declaration) {
        ObjectNode b = ApiCalls.JSON.createObjectNode();
        b.put("tenderId", tenderId);
        b.put("lotId", lotId);
        b.put("price", price);
        ArrayNode p = b.putArray("proposals");
        proposals.forEach(p::add);
        ArrayNode a = b.putArray("attachmentIds");
        attachmentIds.forEach(a::add);
        b.put("declaration", declaration);
        return b;
    }

    Answer submitBid(String user, String idempotencyKey, Object body) throws Exception {
        String json = body instanceof String s ? s : ApiCalls.JSON.writeValueAsString(body);
        return api.send("POST", "/api/bids", user, ItSupport.PASSWORD,
                idempotencyKey == null ? null : Map.of("Idempotency-Key", idempotencyKey), "application/json", json);
    }

    Answer attach(String user, long tenderId, String name, byte[] content) throws Exception {
        return api.send("POST", "/api/bids/attachments?tenderId=" + tenderId + "&name=" + ApiCalls.q(name), user,
                ItSupport.PASSWORD, null, "application/octet-stream", content);
    }

    static String key(String prefix) {
        return prefix + "-" + Long.toHexString(RANDOM.nextLong()) + Long.toHexString(System.nanoTime());
    }

    /** The caller's bids (GET /api/bids), all pages of up to 200. */
    List<JsonNode> myBids(String user) throws Exception {
        List<JsonNode> out = new ArrayList<>();
        api.get("/api/bids?size=200", user).path("items").forEach(out::add);
        return out;
    }

    static JsonNode byBidId(List<JsonNode> bids, long bidId) {
        return bids.stream().filter(b -> b.path("bidId").asLong() == bidId).findFirst().orElse(null);
    }

    // ------------------------------------------------------------------ tasks

    /** The user's inbox task of that step in the process instance, or null. */
    JsonNode taskOfProcess(String user, String processInstanceId, String key) throws Exception {
        for (JsonNode t : api.get("/api/tasks?size=100", user).path("items")) {
            if (processInstanceId.equals(t.path("processInstanceId").asText()) && key.equals(t.path("key").asText())) {
                return t;
            }
        }
        return null;
    }

    /** Claims and completes the task; asserts 200. */
    void claimAndComplete(String user, String taskId, String decision, String comment) throws Exception {
        api.ok(200, "POST", "/api/tasks/" + taskId + "/claim", user, null);
        Answer a = api.complete(user, taskId, decision, comment);
        assertThat(a.status()).as(a.toString()).isEqualTo(200);
    }

    // ------------------------------------------------------------------ the test database

    static Connection db() throws Exception {
        return DriverManager.getConnection("jdbc:postgresql://" + ItSupport.PG + "/" + ItSupport.DB, "postgres", "");
    }

    static int update(String sql, Object... args) throws Exception {
        try (Connection c = db(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            return ps.executeUpdate();
        }
    }

    static String string(String sql, Object... args) throws Exception {
        try (Connection c = db(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    static List<byte[]> blobs(String sql, Object... args) throws Exception {
        List<byte[]> out = new ArrayList<>();
        try (Connection c = db(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getBytes(1));
                }
            }
        }
        return out;
    }

    static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    /**
     * When the audit chain's head row fell behind its last entry (seen after simultaneous logins: every later audit
     * append, and so every later login, fails with a duplicate seq), points it at the last entry again so that the
     * tests after the one that found it can run; answers what was wrong, or null when the head was right.
     */
    static String repairAuditHead() throws Exception {
        String head = string("select last_seq from audit_head where id = 1");
        String max = string("select max(seq) from audit_entry");
        if (head == null || max == null || Long.parseLong(head) >= Long.parseLong(max)) {
            return null;
        }
        update("update audit_head set last_seq = e.seq, last_hash = e.hash from audit_entry e "
                + "where audit_head.id = 1 and e.seq = (select max(seq) from audit_entry)");
        return "audit_head.last_seq was " + head + " while audit_entry holds seq " + max;
    }

    /**
     * Waits (polling, at most 15 s) until every bid of the tender was submitted more than 1.5 s ago by the database
     * clock, so that a deadline set to "1 second ago" lies after all of them.
     */
    static void awaitBidsOlderThanASecond(long tenderId) throws Exception {
        long until = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (true) {
            String n = string("select count(*) from bid where tender_id = ? and submitted_at > now() - interval '1500 milliseconds'", tenderId);
            if ("0".equals(n)) {
                return;
            }
            assertThat(System.nanoTime()).as("bids of tender %d older than 1.5 s", tenderId).isLessThan(until);
            Thread.sleep(200);
        }
    }

    /** Moves the tender's bid deadline into the past (by the database clock). */
    static void deadlinePassed(long tenderId, String ago) throws Exception {
        assertThat(update("update tender set bid_deadline = now() - cast(? as interval) where id = ?", ago, tenderId)).isEqualTo(1);
    }

    /** Makes the bid-opening timer of the tender due now; the job executor fires it. */
    static void fireOpeningTimer(long tenderId) throws Exception {
        fireTimer(tenderId, "bid-opening");
    }

    /** Makes the one timer of the tender's process (bid-opening, or single-source's notice) due now; the job executor fires it. */
    static void fireTimer(long tenderId, String processKey) throws Exception {
        int jobs = update("update act_ru_job set duedate_ = now() - interval '1 second' where process_instance_id_ in "
                + "(select id_ from act_ru_execution where business_key_ = ? and proc_def_id_ like ?)", String.valueOf(tenderId), processKey + "%");
        assertThat(jobs).as("the %s timer job of tender %d", processKey, tenderId).isEqualTo(1);
    }

    /** Polls the public opening record until it exists (at most the time given). */
    JsonNode awaitOpening(long tenderId, Duration max) throws Exception {
        long until = System.nanoTime() + max.toNanos();
        Answer last;
        do {
            last = api.call("GET", "/api/public/tenders/" + tenderId + "/opening", null, null);
            if (last.status() == 200) {
                return last.json();
            }
            assertThat(last.status()).as(last.toString()).isEqualTo(404);
            Thread.sleep(500);
        } while (System.nanoTime() < until);
        throw new AssertionError("no opening record for tender " + tenderId + " within " + max + "; last answer " + last);
    }

    /** A GET as the user (null: no login) answering bytes. */
    HttpResponse<byte[]> download(String user, String path) throws Exception {
        URI target = api.base.resolve(path.startsWith("/") ? path.substring(1) : path);
        HttpRequest.Builder b = HttpRequest.newBuilder(target).timeout(Duration.ofSeconds(60)).header("Accept", "*/*")
                .header("Accept-Language", "en");
        if (user != null) {
            b.header("Authorization", ItSupport.basic(user));
        }
        return ItSupport.HTTP.send(b.GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** A page below the application, as a browser would ask for it (no login). */
    HttpResponse<String> page(String path) throws Exception {
        URI target = api.base.resolve(path.startsWith("/") ? path.substring(1) : path);
        return ItSupport.HTTP.send(HttpRequest.newBuilder(target).timeout(Duration.ofSeconds(60))
                .header("Accept", "text/html").header("Accept-Language", "en").GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    static LocalDate todayInChina() {
        return LocalDate.now(CHINA);
    }
}
