package cn.huimin.it;

import static cn.huimin.it.ApiCalls.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import cn.huimin.it.ApiCalls.Answer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.InputStream;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
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
 * The vendor registry over REST on PostgreSQL: self-registration with the USCC check, qualification documents checked
 * by content and size, verification by an officer with return and revision, and what an unverified vendor may not do.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class VendorRegistryIT {
    private static final String COMPANY = "it.reg.company";
    private static final String SOCIAL = "it.reg.social";
    private static final String COMPANY_NAME = "惠民县IT注册文化传媒有限公司";

    /** The company registered, verified later in {@link #registerUploadSubmitReturnReviseAndVerify}. */
    private static long companyId;
    private static String companyUscc;
    /** One of its documents (the licence). */
    private static long licenceId;
    private static byte[] licence;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return ItSupport.war();
    }

    @ArquillianResource
    URL deployed;

    ApiCalls api;
    BiddingCalls bc;

    @BeforeEach
    void client() {
        api = new ApiCalls(deployed);
        bc = new BiddingCalls(api);
    }

    private long vendorsNamed(String status, String q) throws Exception {
        return api.get("/api/vendors?status=" + status + "&q=" + ApiCalls.q(q), "officer").path("total").asLong();
    }

    // ------------------------------------------------------------------ registration refusals

    @Test
    @Order(1)
    void registrationRefusesAWrongCheckCharacterAndTakenCodesAndNames() throws Exception {
        String name = "IT错误代码文化服务中心";
        String good = BiddingCalls.uscc('9', '1');

        // the check character of the USCC is verified
        ObjectNode wrong = bc.registration("it.reg.wrongcheck", name, BiddingCalls.withWrongCheck(good), "COMPANY");
        Answer a = bc.register(wrong);
        assertProblem(a, 422, "uscc.CHECK_CHARACTER");
        assertThat(a.json().path("errors")).anySatisfy(e -> assertThat(e.path("field").asText()).isEqualTo("uscc"));
        // the documented sample is valid; a changed digit is not
        assertThat(cn.huimin.domain.model.vendor.Uscc.valid("91350100M000100Y43")).isTrue();
        assertProblem(bc.register(bc.registration("it.reg.wrongcheck", name, "91350100M000100Y44", "COMPANY")), 422, "uscc.CHECK_CHARACTER");

        // a code already registered (demo vendor1's), also written in lower case with blanks
        String taken = api.get("/api/vendors/me", "vendor1").path("profile").path("uscc").asText();
        assertThat(taken).hasSize(18);
        assertProblem(bc.register(bc.registration("it.reg.dupuscc", name, taken, "SOCIAL_ORGANIZATION")), 422, "vendor.usccTaken");
        assertProblem(bc.register(bc.registration("it.reg.dupuscc", name, "  " + taken.toLowerCase() + " ", "SOCIAL_ORGANIZATION")),
                422, "vendor.usccTaken");

        // an existing login name
        assertProblem(bc.register(bc.registration("vendor2", name, good, "COMPANY")), 422, "user.usernameTaken");
        // an unknown organization type
        assertProblem(bc.register(bc.registration("it.reg.badtype", name, good, "PARTNERSHIP")), 422, "validation.unknownValue");

        // nothing was created: no vendor of that name in any state, and the refused logins do not exist
        for (String status : List.of("REGISTERED", "PENDING", "VERIFIED", "RETURNED")) {
            assertThat(vendorsNamed(status, name)).as("vendors named %s in %s", name, status).isZero();
        }
        assertThat(api.send("GET", "/api/me", "it.reg.wrongcheck", ItSupport.PASSWORD, null, null, null).status()).isEqualTo(401);
        assertThat(api.send("GET", "/api/me", "it.reg.dupuscc", ItSupport.PASSWORD, null, null, null).status()).isEqualTo(401);
    }

    // ------------------------------------------------------------------ the whole registration

    @Test
    @Order(2)
    void registerUploadSubmitReturnReviseAndVerify() throws Exception {
        companyUscc = BiddingCalls.uscc('9', '1');
        Answer reg = bc.register(bc.registration(COMPANY, COMPANY_NAME, companyUscc, "COMPANY"));
        assertThat(reg.status()).as(reg.toString()).isEqualTo(201);
        JsonNode saved = reg.json();
        companyId = saved.path("id").asLong();
        assertThat(companyId).isPositive();
        assertThat(saved.path("status").asText()).isEqualTo("REGISTERED");
        assertThat(saved.path("uscc").asText()).isEqualTo(companyUscc);
        assertThat(saved.path("password").isMissingNode() || saved.path("password").isNull())
                .as("the password is not echoed: " + reg.body()).isTrue();
        assertThat(reg.body()).doesNotContain(ItSupport.PASSWORD);

        // the same code again, under another login: taken
        assertProblem(bc.register(bc.registration("it.reg.second", "另一家公司", companyUscc, "COMPANY")), 422, "vendor.usccTaken");

        // the new login works and sees its own profile: not verified, may not bid
        JsonNode me = api.get("/api/vendors/me", COMPANY);
        assertThat(me.path("profile").path("id").asLong()).isEqualTo(companyId);
        assertThat(me.path("profile").path("name").asText()).isEqualTo(COMPANY_NAME);
        assertThat(me.path("documents")).isEmpty();
        assertThat(texts(me.path("requiredKinds"))).containsExactly("LICENCE", "TAX", "SOCIAL_SECURITY");
        assertThat(me.path("mayBid").asBoolean()).isFalse();
        assertThat(me.path("reason").asText()).contains("notVerified");

        // submitting without documents lists every missing kind
        Answer early = api.call("POST", "/api/vendors/me/submit", COMPANY, null);
        assertProblem(early, 422, "vendor.documentMissing");
        assertThat(early.codes()).hasSize(3);
        assertThat(api.get("/api/vendors/me", COMPANY).path("profile").path("status").asText()).isEqualTo("REGISTERED");

        LocalDate expires = BiddingCalls.todayInChina().plusYears(1);
        // HTML named .pdf, a PNG named .pdf: judged by content
        byte[] html = "<!DOCTYPE html><html><body><script>alert(1)</script>营业执照</body></html>".getBytes(StandardCharsets.UTF_8);
        assertProblem(bc.uploadDocument(COMPANY, "LICENCE", expires, "licence.pdf", html), 422, "vendorFile.NAME_DOES_NOT_MATCH_CONTENT");
        assertProblem(bc.uploadDocument(COMPANY, "LICENCE", expires, "licence.pdf", BiddingCalls.png()), 422,
                "vendorFile.NAME_DOES_NOT_MATCH_CONTENT");
        assertProblem(bc.uploadDocument(COMPANY, "LICENCE", expires, "licence.html", html), 422, "vendorFile.TYPE_NOT_ALLOWED");
        // an expired or missing expiry date, an unknown kind
        assertProblem(bc.uploadDocument(COMPANY, "LICENCE", BiddingCalls.todayInChina(), "licence.pdf", BiddingCalls.pdf("today")),
                422, "vendor.documentExpired");
        assertProblem(api.send("POST", "/api/vendors/me/documents?kind=LICENCE&name=licence.pdf", COMPANY, ItSupport.PASSWORD, null,
                "application/octet-stream", BiddingCalls.pdf("no expiry")), 422, "validation.required");
        assertProblem(bc.uploadDocument(COMPANY, "PASSPORT", expires, "licence.pdf", BiddingCalls.pdf("kind")), 422, "validation.unknownValue");

        // 25 MB: refused (the limit is 20 MB)
        byte[] big = new byte[25 * 1024 * 1024];
        byte[] head = BiddingCalls.pdf("big");
        System.arraycopy(head, 0, big, 0, head.length);
        // (over HTTP/1.1: the JDK client's h2c upgrade attempt on a body this size sometimes ends in EOF after 30 s)
        HttpClient http11 = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
        HttpResponse<String> tooBig = http11.send(HttpRequest.newBuilder(api.base.resolve("api/vendors/me/documents?kind=LICENCE&expiresOn="
                        + expires + "&name=big.pdf")).timeout(Duration.ofSeconds(60))
                .header("Authorization", ItSupport.basic(COMPANY)).header("Accept", "application/json").header("Accept-Language", "en")
                .header("Content-Type", "application/octet-stream").POST(HttpRequest.BodyPublishers.ofByteArray(big)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        Answer tooBigAnswer = new Answer(tooBig.statusCode(), tooBig.body(), tooBig.headers(), "POST 25 MB document as " + COMPANY);
        assertThat(tooBig.statusCode()).as(tooBigAnswer.toString()).isIn(413, 422);
        assertProblem(tooBigAnswer, tooBig.statusCode());
        assertThat(api.get("/api/vendors/me", COMPANY).path("documents")).as("no refused upload was stored").isEmpty();

        // the three required documents, PDF, JPEG and PNG
        licence = BiddingCalls.pdf("营业执照 " + COMPANY_NAME);
        Answer lic = bc.uploadDocument(COMPANY, "LICENCE", expires, "营业执照.pdf", licence);
        assertThat(lic.status()).as(lic.toString()).isEqualTo(201);
        licenceId = lic.json().path("id").asLong();
        assertThat(lic.json().path("kind").asText()).isEqualTo("LICENCE");
        assertThat(lic.json().path("contentType").asText()).isEqualTo("application/pdf");
        assertThat(lic.json().path("size").asLong()).isEqualTo(licence.length);
        assertThat(lic.json().path("sha256").asText()).isEqualTo(BiddingCalls.sha256(licence));
        assertThat(lic.json().path("expiresOn").asText()).isEqualTo(expires.toString());
        Answer tax = bc.uploadDocument(COMPANY, "TAX", expires, "tax.jpg", BiddingCalls.jpeg());
        assertThat(tax.status()).as(tax.toString()).isEqualTo(201);
        assertThat(tax.json().path("contentType").asText()).isEqualTo("image/jpeg");
        long taxId = tax.json().path("id").asLong();
        Answer social = bc.uploadDocument(COMPANY, "SOCIAL_SECURITY", expires, "social.png", BiddingCalls.png());
        assertThat(social.status()).as(social.toString()).isEqualTo(201);
        assertThat(social.json().path("contentType").asText()).isEqualTo("image/png");

        me = api.get("/api/vendors/me", COMPANY);
        assertThat(me.path("documents")).hasSize(3);
        assertThat(me.path("documents")).allSatisfy(d -> assertThat(d.path("active").asBoolean()).isTrue());
        assertThat(me.path("mayBid").asBoolean()).as("documents alone do not verify").isFalse();

        // the vendor downloads its own document
        HttpResponse<byte[]> own = bc.download(COMPANY, "/api/vendors/documents/" + licenceId + "/content");
        assertThat(own.statusCode()).isEqualTo(200);
        assertThat(own.headers().firstValue("Content-Type")).hasValueSatisfying(c -> assertThat(c).startsWith("application/pdf"));
        assertThat(own.body()).isEqualTo(licence);

        // submit: PENDING; while pending nothing may change
        Answer submitted = api.call("POST", "/api/vendors/me/submit", COMPANY, null);
        assertThat(submitted.status()).as(submitted.toString()).isEqualTo(200);
        assertThat(submitted.json().path("status").asText()).isEqualTo("PENDING");
        assertProblem(bc.uploadDocument(COMPANY, "TAX", expires, "tax2.pdf", BiddingCalls.pdf("pending")), 422, "vendor.underVerification");
        ObjectNode pendingEdit = (ObjectNode) api.get("/api/vendors/me", COMPANY).path("profile").deepCopy();
        pendingEdit.put("address", "while pending");
        assertProblem(api.call("PUT", "/api/vendors/me", COMPANY, pendingEdit), 409, "vendor.notEditable");
        assertProblem(api.call("POST", "/api/vendors/me/submit", COMPANY, null), 409, "vendor.notEditable");

        // staff find it among the pending vendors and read it with its documents
        assertThat(ids(api.get("/api/vendors?status=PENDING&size=200", "officer").path("items"))).contains(companyId);
        assertThat(ids(api.get("/api/vendors?status=VERIFIED&size=200", "officer").path("items"))).doesNotContain(companyId);
        JsonNode staffView = api.get("/api/vendors/" + companyId, "officer");
        assertThat(staffView.path("profile").path("status").asText()).isEqualTo("PENDING");
        assertThat(staffView.path("documents")).hasSize(3);
        HttpResponse<byte[]> staffDownload = bc.download("officer", "/api/vendors/documents/" + licenceId + "/content");
        assertThat(staffDownload.statusCode()).isEqualTo(200);
        assertThat(staffDownload.body()).isEqualTo(licence);
        assertThat(api.get("/api/vendors/" + companyId, "supervisor").path("profile").path("id").asLong()).isEqualTo(companyId);

        // the officer's verifyVendor task (head and the vendor do not get it)
        String pid = BiddingCalls.string("select process_instance_id from vendor where id = ?", companyId);
        assertThat(pid).as("vendor %d has a verification process", companyId).isNotNull();
        JsonNode verify = bc.taskOfProcess("officer", pid, "verifyVendor");
        assertThat(verify).as("officer's verifyVendor task for vendor " + companyId).isNotNull();
        assertThat(bc.taskOfProcess("head", pid, "verifyVendor")).isNull();
        assertThat(bc.taskOfProcess(COMPANY, pid, "verifyVendor")).isNull();
        String verifyId = verify.path("id").asText();
        assertProblem(api.complete(COMPANY, verifyId, "VERIFY", null), 403, "task.notYours");
        assertProblem(api.complete("officer", verifyId, "APPROVE", null), 422, "task.decisionUnknown");
        assertProblem(api.complete("officer", verifyId, "RETURN", " "), 422, "task.commentRequired");

        // the officer returns it with reasons
        String reasons = "营业执照扫描件不清晰，请补充注册地址 — the licence scan is unreadable";
        bc.claimAndComplete("officer", verifyId, "RETURN", reasons);
        JsonNode returned = api.get("/api/vendors/me", COMPANY);
        assertThat(returned.path("profile").path("status").asText()).isEqualTo("RETURNED");
        assertThat(returned.path("profile").path("lastComment").asText()).isEqualTo(reasons);
        assertThat(returned.path("mayBid").asBoolean()).isFalse();
        assertThat(bc.taskOfProcess("officer", pid, "verifyVendor")).isNull();
        JsonNode revise = bc.taskOfProcess(COMPANY, pid, "reviseVendor");
        assertThat(revise).as("the vendor's reviseVendor task").isNotNull();
        assertThat(revise.path("assignee").asText()).isEqualTo(COMPANY);
        assertThat(bc.taskOfProcess("vendor1", pid, "reviseVendor")).as("another vendor does not see it").isNull();

        // revise: the profile and a new tax document (the old one is kept, no longer in force)
        ObjectNode edit = (ObjectNode) returned.path("profile").deepCopy();
        edit.put("address", "惠民县东湖镇文化路1号2幢");
        JsonNode edited = api.ok(200, "PUT", "/api/vendors/me", COMPANY, edit);
        assertThat(edited.path("address").asText()).isEqualTo("惠民县东湖镇文化路1号2幢");
        assertProblem(api.call("PUT", "/api/vendors/me", COMPANY, edit), 409, "tender.stale");
        Answer tax2 = bc.uploadDocument(COMPANY, "TAX", expires, "完税证明.pdf", BiddingCalls.pdf("完税证明"));
        assertThat(tax2.status()).as(tax2.toString()).isEqualTo(201);
        JsonNode docs = api.get("/api/vendors/me", COMPANY).path("documents");
        assertThat(docs).hasSize(4);
        assertThat(docs).anySatisfy(d -> {
            assertThat(d.path("id").asLong()).isEqualTo(taxId);
            assertThat(d.path("active").asBoolean()).isFalse();
        });

        Answer again = api.call("POST", "/api/vendors/me/submit", COMPANY, null);
        assertThat(again.status()).as(again.toString()).isEqualTo(200);
        assertThat(again.json().path("status").asText()).isEqualTo("PENDING");
        assertThat(bc.taskOfProcess(COMPANY, pid, "reviseVendor")).as("resubmitting completes the revision").isNull();
        JsonNode verify2 = bc.taskOfProcess("officer", pid, "verifyVendor");
        assertThat(verify2).as("a new verifyVendor task in the same process").isNotNull();
        assertThat(verify2.path("id").asText()).isNotEqualTo(verifyId);

        bc.claimAndComplete("officer", verify2.path("id").asText(), "VERIFY", null);
        JsonNode verified = api.get("/api/vendors/me", COMPANY);
        assertThat(verified.path("profile").path("status").asText()).isEqualTo("VERIFIED");
        assertThat(verified.path("mayBid").asBoolean()).as(verified.toString()).isTrue();
        assertThat(verified.has("reason") && !verified.path("reason").isNull()).isFalse();
        assertThat(bc.taskOfProcess("officer", pid, "verifyVendor")).isNull();
        assertThat(ids(api.get("/api/vendors?status=VERIFIED&size=200", "officer").path("items"))).contains(companyId);
        // verified: the profile is no longer editable by the vendor
        ObjectNode late = (ObjectNode) verified.path("profile").deepCopy();
        late.put("name", "改名");
        assertProblem(api.call("PUT", "/api/vendors/me", COMPANY, late), 409, "vendor.notEditable");
    }

    @Test
    @Order(3)
    void aStreamedUploadOfTwoHundredMegabytesIsRefusedEarly() throws Exception {
        long total = 200L * 1024 * 1024;
        AtomicLong produced = new AtomicLong();
        byte[] head = BiddingCalls.pdf("streamed");
        InputStream generator = new InputStream() {
            @Override
            public int read() {
                long at = produced.get();
                if (at >= total) {
                    return -1;
                }
                produced.incrementAndGet();
                return at < head.length ? head[(int) at] & 0xFF : 0;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                long at = produced.get();
                if (at >= total) {
                    return -1;
                }
                int n = (int) Math.min(len, total - at);
                for (int i = 0; i < n; i++) {
                    long p = at + i;
                    b[off + i] = p < head.length ? head[(int) p] : 0;
                }
                produced.addAndGet(n);
                return n;
            }
        };
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
        HttpRequest request = HttpRequest.newBuilder(api.base.resolve("api/vendors/me/documents?kind=SOCIAL_SECURITY&expiresOn="
                        + BiddingCalls.todayInChina().plusYears(1) + "&name=huge.pdf"))
                .timeout(Duration.ofSeconds(120))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((SOCIAL_STREAM + ":" + ItSupport.PASSWORD)
                        .getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/octet-stream").header("Accept", "application/json").header("Accept-Language", "en")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> generator)).build();
        // a fresh vendor, so that nothing else is in its document list
        Answer reg = bc.register(bc.registration(SOCIAL_STREAM, "IT大文件上传文化中心", BiddingCalls.uscc('5', '1'), "SOCIAL_ORGANIZATION"));
        assertThat(reg.status()).as(reg.toString()).isEqualTo(201);

        long start = System.nanoTime();
        HttpResponse<String> r = null;
        java.io.IOException cut = null;
        try {
            r = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (java.io.IOException e) {
            cut = e;
        }
        long millis = Duration.ofNanos(System.nanoTime() - start).toMillis();
        if (r != null) {
            String what = "streamed 200 MB upload -> " + r.statusCode() + " after " + millis + " ms, " + produced.get()
                    + " bytes produced: " + r.body();
            assertThat(r.statusCode()).as(what).isEqualTo(413);
            assertThat(millis).as(what).isLessThan(15_000);
        } else {
            // the server answered 413 and closed the connection while the client was still sending: the body was
            // refused early, it was never read to its end
            assertThat(produced.get()).as("bytes sent before the server closed the connection: " + cut).isLessThan(total);
            assertThat(millis).as("refused after " + millis + " ms: " + cut).isLessThan(15_000);
        }
        assertThat(api.get("/api/vendors/me", SOCIAL_STREAM).path("documents")).isEmpty();
    }

    private static final String SOCIAL_STREAM = "it.reg.stream";

    @Test
    @Order(4)
    void anUnverifiedVendorMayNotBidAndAVerifiedOneMay() throws Exception {
        JsonNode tender = bc.publish(api.openTender("IT注册后投标 (IT vendor registry)", "200000.00", "HM-DH-2"));
        long tenderId = tender.path("id").asLong();
        long lotId = tender.path("lots").get(0).path("id").asLong();

        Answer reg = bc.register(bc.registration(SOCIAL, "IT未审核文化服务中心", BiddingCalls.uscc('5', '1'), "SOCIAL_ORGANIZATION"));
        assertThat(reg.status()).as(reg.toString()).isEqualTo(201);
        JsonNode me = api.get("/api/vendors/me", SOCIAL);
        assertThat(texts(me.path("requiredKinds"))).containsExactly("REGISTRATION", "TAX", "SOCIAL_SECURITY");

        ObjectNode body = BiddingCalls.bid(tenderId, lotId, "150000.00", List.of("服务方案", "放映设备"), List.of(), true);
        Answer bid = bc.submitBid(SOCIAL, BiddingCalls.key("unverified"), body);
        assertProblem(bid, 403, "vendor.notVerified");
        assertProblem(bc.attach(SOCIAL, tenderId, "proposal.pdf", BiddingCalls.pdf("unverified")), 403, "vendor.notVerified");
        assertProblem(api.call("POST", "/api/bids/security", SOCIAL, java.util.Map.of("tenderId", tenderId, "amount", "2000.00",
                "bankReference", "ICBC-IT-UNVERIFIED", "paidOn", BiddingCalls.todayInChina().toString())), 403, "vendor.notVerified");
        assertThat(api.get("/api/bids", SOCIAL).path("total").asLong()).as("no bid stored").isZero();

        // a login without a vendor profile may not bid either
        Answer noProfile = bc.submitBid("vendor6", BiddingCalls.key("noprofile"), body);
        assertThat(noProfile.status()).as(noProfile.toString()).isIn(403, 404);
        assertThat(api.get("/api/bids", "vendor6").path("total").asLong()).isZero();

        // staff may not bid at all
        assertProblem(bc.submitBid("officer", BiddingCalls.key("officer"), body), 403);

        // the vendor verified in the test before may
        assertThat(companyId).as("registerUploadSubmitReturnReviseAndVerify ran").isPositive();
        Answer attached = bc.attach(COMPANY, tenderId, "方案.pdf", BiddingCalls.pdf("verified vendor's proposal"));
        assertThat(attached.status()).as(attached.toString()).isEqualTo(201);
        ObjectNode ok = BiddingCalls.bid(tenderId, lotId, "150000.00", List.of("服务方案", "放映设备"),
                List.of(attached.json().path("id").asLong()), true);
        Answer accepted = bc.submitBid(COMPANY, BiddingCalls.key("verified"), ok);
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(201);
        assertThat(accepted.json().path("status").asText()).isEqualTo("SUBMITTED");
        assertThat(accepted.json().path("tenderId").asLong()).isEqualTo(tenderId);
    }

    @Test
    @Order(5)
    void anotherVendorsDocumentsAndTheStaffListsAreRefused() throws Exception {
        assertThat(licenceId).as("registerUploadSubmitReturnReviseAndVerify ran").isPositive();
        long seq = api.auditHead();
        Answer other = api.send("GET", "/api/vendors/documents/" + licenceId + "/content", "vendor1", ItSupport.PASSWORD,
                java.util.Map.of("Accept", "application/json"), null, null);
        assertProblem(other, 403, "vendor.notYours");
        assertThat(other.body()).doesNotContain("营业执照");
        List<JsonNode> entries = api.auditSince(seq);
        assertThat(entries).as("the refused download is audited").anySatisfy(e -> {
            assertThat(e.path("action").asText()).isEqualTo("ACCESS_DENIED");
            assertThat(e.path("actor").asText()).isEqualTo("vendor1");
            assertThat(e.path("entityType").asText()).isEqualTo("vendor");
            assertThat(e.path("entityId").asText()).isEqualTo(String.valueOf(companyId));
        });

        // the staff's views of the registry are not for vendors or the public
        assertProblem(api.call("GET", "/api/vendors/" + companyId, "vendor1", null), 403);
        assertProblem(api.call("GET", "/api/vendors?status=PENDING", "vendor1", null), 403);
        assertThat(api.call("GET", "/api/vendors/" + companyId, null, null).status()).isEqualTo(401);
        assertThat(api.download("/api/vendors/documents/" + licenceId + "/content").statusCode()).isEqualTo(401);
        // a login without a vendor profile has no /me
        assertProblem(api.call("GET", "/api/vendors/me", "vendor6", null), 404, "vendor.noProfile");
    }

    @Test
    @Order(6)
    void financeMayOpenAVendorItMayList() throws Exception {
        assertThat(companyId).as("registerUploadSubmitReturnReviseAndVerify ran").isPositive();
        JsonNode list = api.get("/api/vendors?status=VERIFIED&size=200", "finance");
        assertThat(ids(list.path("items"))).contains(companyId);
        Answer one = api.call("GET", "/api/vendors/" + companyId, "finance", null);
        assertThat(one.status()).as("finance lists vendors (GET /api/vendors) and VendorService.get allows finance: " + one).isEqualTo(200);
        assertThat(one.json().path("profile").path("id").asLong()).isEqualTo(companyId);
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static List<Long> ids(JsonNode items) {
        List<Long> out = new ArrayList<>();
        items.forEach(i -> out.add(i.path("id").asLong()));
        return out;
    }
}
