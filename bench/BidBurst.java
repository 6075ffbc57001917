/*
 * Client side of bench/bid-burst.sh and bench/crash-check.sh: a single-file Java 17 program (no dependencies),
 * run as `java bench/BidBurst.java <command> --option value ...`.
 *
 *   setup    registers N vendors (3 documents each, submitted, verified by the officers) and publishes one open tender
 *            with L lots, no bid security; writes a state file (properties).
 *   burst    N concurrent vendor sessions, each submits one bid per lot: POST /api/bids/attachments (a PDF of
 *            --attachment-kb) then POST /api/bids with an Idempotency-Key. A network error is retried with the same
 *            request and the same key for up to --retry-for-s (300), a 5xx at most --retry-5xx (3) times. Every
 *            receipt is appended (and flushed) to --receipts the moment it arrives. Prints latency percentiles,
 *            throughput and errors.
 *   opening  polls GET /api/public/tenders/{id}/opening until it answers and checks it against the receipts.
 *   deadline prints the tender's bid deadline as the public notice shows it.
 *
 * Only the JDK: java.net.http.HttpClient on a fixed pool of --threads threads, and a small JSON reader below.
 */

import java.io.*;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.*;
import java.time.*;
import java.util.*;
import java.util.concurrent.*;
import java.util.concurrent.atomic.*;

public class BidBurst {
    static final String DEMO_PASSWORD = "huimin-demo";
    static final String VENDOR_PASSWORD = "bench-Passw0rd";

    static Map<String, String> opts = new HashMap<>();
    static HttpClient http;
    static URI base;
    static Duration requestTimeout;

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            System.err.println("usage: java bench/BidBurst.java setup|burst|opening|deadline --base URL --state FILE ...");
            System.exit(2);
        }
        for (int i = 1; i + 1 < args.length; i += 2) {
            opts.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        base = URI.create(opt("base", "http://127.0.0.1:18491/"));
        if (!base.toString().endsWith("/")) {
            base = URI.create(base + "/");
        }
        int threads = Integer.parseInt(opt("threads", "200"));
        requestTimeout = Duration.ofSeconds(Long.parseLong(opt("request-timeout-s", "180")));
        http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .executor(Executors.newFixedThreadPool(threads, daemon("http")))
                .connectTimeout(Duration.ofSeconds(10)).build();
        int rc = switch (args[0]) {
            case "setup" -> setup();
            case "burst" -> burst(threads);
            case "opening" -> opening();
            case "deadline" -> {
                Properties s = loadState();
                System.out.println(call("GET", "api/public/tenders/" + s.getProperty("tenderId"), null, null, null, null).obj().get("bidDeadline"));
                yield 0;
            }
            default -> {
                System.err.println("unknown command " + args[0]);
                yield 2;
            }
        };
        System.exit(rc);
    }

    static String opt(String k, String def) {
        return opts.getOrDefault(k, def);
    }

    static ThreadFactory daemon(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    // =================================================================== HTTP

    record Answer(int status, String body, String request) {
        Object json() {
            return Json.parse(body);
        }

        @SuppressWarnings("unchecked")
        Map<String, Object> obj() {
            return (Map<String, Object>) json();
        }

        String code() { // first problem code of a problem-detail answer, else the title
            try {
                Object j = json();
                if (j instanceof Map<?, ?> m) {
                    if (m.get("errors") instanceof List<?> l && !l.isEmpty() && l.get(0) instanceof Map<?, ?> e) {
                        return String.valueOf(e.get("code"));
                    }
                    if (m.get("code") != null) {
                        return String.valueOf(m.get("code"));
                    }
                    return String.valueOf(m.get("title"));
                }
            } catch (RuntimeException ignored) {
                // not JSON
            }
            return body.length() > 80 ? body.substring(0, 80) : body;
        }

        @Override
        public String toString() {
            return request + " -> " + status + " " + (body.length() > 600 ? body.substring(0, 600) + "…" : body);
        }
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** One HTTP exchange; IOException on network errors (timeouts included). body: null, String (JSON) or byte[]. */
    static Answer call(String method, String path, String auth, Map<String, String> headers, String contentType, Object body)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).timeout(requestTimeout)
                .header("Accept", "application/json").header("Accept-Language", "en");
        if (auth != null) {
            b.header("Authorization", auth);
        }
        if (headers != null) {
            headers.forEach(b::header);
        }
        HttpRequest.BodyPublisher p;
        if (body == null) {
            p = HttpRequest.BodyPublishers.noBody();
        } else if (body instanceof byte[] bytes) {
            p = HttpRequest.BodyPublishers.ofByteArray(bytes);
            b.header("Content-Type", contentType == null ? "application/octet-stream" : contentType);
        } else {
            p = HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8);
            b.header("Content-Type", contentType == null ? "application/json" : contentType);
        }
        b.method(method, p);
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return new Answer(r.statusCode(), r.body(), method + " " + path);
    }

    /** A setup call that must answer one of the statuses; retried on network errors. */
    static Answer must(String method, String path, String auth, String contentType, Object body, int... ok) throws Exception {
        Exception last = null;
        for (int attempt = 0; attempt < 10; attempt++) {
            try {
                Answer a = call(method, path, auth, null, contentType, body);
                for (int s : ok) {
                    if (a.status() == s) {
                        return a;
                    }
                }
                if (a.status() < 500) {
                    throw new IllegalStateException("unexpected answer: " + a);
                }
                anomaly("setup: " + method + " " + path.replaceAll("\\?.*", "") + " answered " + a.status() + " (retried)", a.toString());
                last = new IllegalStateException("unexpected answer: " + a);
            } catch (IOException e) {
                last = e;
            }
            Thread.sleep(Math.min(5000L, 1000L * (attempt + 1)));
        }
        throw last;
    }

    static final ConcurrentHashMap<String, AtomicInteger> ANOMALIES = new ConcurrentHashMap<>();
    static final ConcurrentLinkedQueue<String> ANOMALY_EXAMPLES = new ConcurrentLinkedQueue<>();

    /** Something the server should not have done during setup: counted, the first of each kind kept verbatim. */
    static void anomaly(String kind, String example) {
        if (ANOMALIES.computeIfAbsent(kind, k -> new AtomicInteger()).incrementAndGet() == 1) {
            ANOMALY_EXAMPLES.add(Instant.now() + " " + kind + " :: " + example);
        }
    }

    static void printAnomalies(String phase) {
        if (ANOMALIES.isEmpty()) {
            System.out.println(phase + ": no server anomalies");
            return;
        }
        System.out.println(phase + ": SERVER ANOMALIES (worked around by retrying):");
        ANOMALIES.forEach((k, v) -> System.out.printf("   %5d x %s%n", v.get(), k));
        ANOMALY_EXAMPLES.forEach(e -> System.out.println("   e.g. " + e));
    }

    /** Registers a vendor; a 5xx is retried, and a 201 is trusted only once the new login works. */
    static long register(String user, String reg) throws Exception {
        String auth = basic(user, VENDOR_PASSWORD);
        for (int attempt = 0; attempt < 6; attempt++) {
            Answer a;
            try {
                a = call("POST", "api/public/vendor-registrations", null, null, null, reg);
            } catch (IOException e) {
                Thread.sleep(1000);
                continue;
            }
            if (a.status() >= 500) {
                anomaly("setup: POST api/public/vendor-registrations answered " + a.status() + " (retried)", a.toString());
                Thread.sleep(1000L * (attempt + 1));
                continue;
            }
            if (a.status() != 201 && !(a.status() == 422 || a.status() == 409) ) {
                throw new IllegalStateException("unexpected answer: " + a);
            }
            Answer me = must("GET", "api/vendors/me", auth, null, null, 200, 401, 404);
            if (me.status() == 200) {
                return num(((Map<?, ?>) me.obj().get("profile")).get("id"));
            }
            if (a.status() == 201) {
                anomaly("setup: registration answered 201 but the new login is unknown (GET api/vendors/me -> " + me.status() + "): lost commit, registered again",
                        a + " then " + me);
            } else {
                throw new IllegalStateException("registration refused and no login: " + a + " / " + me);
            }
        }
        throw new IllegalStateException("could not register " + user);
    }

    static String q(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    // =================================================================== setup

    static int setup() throws Exception {
        int vendors = Integer.parseInt(opt("vendors", "200"));
        int lots = Integer.parseInt(opt("lots", "10"));
        // sequential by default: concurrent requests right after the server started left its connection pool damaged
        // (see the anomalies printed below and bench/bid-burst.sh), which would spoil the burst
        int setupThreads = Integer.parseInt(opt("setup-threads", "1"));
        String ceiling = opt("lot-ceiling", "40000.00");
        Path statePath = Path.of(opt("state", "target/bench-bidburst/state.properties"));
        long t0 = System.nanoTime();
        String tag = randomTag(5);
        String admin = basic("admin", DEMO_PASSWORD);
        String officer = basic("officer", DEMO_PASSWORD);
        String head = basic("head", DEMO_PASSWORD);

        // ---- the tender: open tender, L lots with a ceiling each, no bid security, budget < 500,000 (head only)
        long filmId = -1;
        long screeningId = -1;
        for (Object c : (List<?>) must("GET", "api/admin/categories", admin, null, null, 200).json()) {
            Map<?, ?> cat = (Map<?, ?>) c;
            if ("FILM".equals(cat.get("code"))) {
                filmId = ((BigDecimal) cat.get("id")).longValue();
                for (Object d : (List<?>) cat.get("deliverables")) {
                    if ("FLM-SCR".equals(((Map<?, ?>) d).get("code"))) {
                        screeningId = ((BigDecimal) ((Map<?, ?>) d).get("id")).longValue();
                    }
                }
            }
        }
        long placeId = -1;
        for (Object p : (List<?>) must("GET", "api/admin/places", admin, null, null, 200).json()) {
            if ("HM-DH".equals(((Map<?, ?>) p).get("code"))) {
                placeId = ((BigDecimal) ((Map<?, ?>) p).get("id")).longValue();
            }
        }
        BigDecimal budget = new BigDecimal(ceiling).multiply(BigDecimal.valueOf(lots));
        LocalDate start = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusMonths(2).withDayOfMonth(1);
        StringBuilder lotsJson = new StringBuilder();
        for (int i = 1; i <= lots; i++) {
            if (i > 1) {
                lotsJson.append(',');
            }
            lotsJson.append("{\"title\":").append(Json.str("第" + i + "标段 (bench)"))
                    .append(",\"budgetCeiling\":\"").append(ceiling).append('"')
                    .append(",\"serviceStart\":\"").append(start).append('"')
                    .append(",\"serviceEnd\":\"").append(start.plusYears(1).minusDays(1)).append('"')
                    .append(",\"deliverables\":[{\"deliverableTypeId\":").append(screeningId)
                    .append(",\"placeId\":").append(placeId).append(",\"quantity\":12,\"perPeriod\":\"YEAR\"}]}");
        }
        Map<String, Object> main = publishTender(officer, head, tag, "", lotsJson.toString(), lots, filmId, budget);
        long tenderId = (Long) main.get("tenderId");
        @SuppressWarnings("unchecked") List<String> lotIds = (List<String>) main.get("lotIds");
        @SuppressWarnings("unchecked") List<String> lotCeilings = (List<String>) main.get("lotCeilings");
        int factors = (Integer) main.get("factors");
        // a second tender with the same lots for warm-up bids before the timed burst (bid-burst.sh BENCH_WARMUP_BIDS)
        Map<String, Object> warm = publishTender(officer, head, tag, " warm-up", lotsJson.toString(), lots, filmId, budget);

        // ---- vendors: register, 3 documents, submit (in parallel), then the officers verify
        ExecutorService pool = Executors.newFixedThreadPool(setupThreads, daemon("setup"));
        byte[] smallPdf = pdf(2048, "qualification");
        String expires = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusYears(1).toString();
        List<String> usernames = new ArrayList<>();
        Map<Long, String> vendorIds = new ConcurrentHashMap<>();
        List<Future<?>> fs = new ArrayList<>();
        long nonce = new Random().nextInt(1_000_000);
        for (int i = 0; i < vendors; i++) {
            String user = tag + "v" + String.format("%03d", i);
            usernames.add(user);
            String uscc = uscc(nonce * 1000 + i);
            int idx = i;
            fs.add(pool.submit(() -> {
                String reg = "{\"username\":" + Json.str(user) + ",\"password\":" + Json.str(VENDOR_PASSWORD)
                        + ",\"name\":" + Json.str("压测社会组织 " + tag + " " + idx) + ",\"uscc\":" + Json.str(uscc)
                        + ",\"orgType\":\"SOCIAL_ORGANIZATION\",\"legalRep\":\"法定代表人\",\"contactName\":\"联系人\""
                        + ",\"contactPhone\":\"0543-5550" + String.format("%03d", idx % 1000) + "\",\"categoryIds\":[1],\"placeIds\":[1]}";
                vendorIds.put(register(user, reg), user);
                String auth = basic(user, VENDOR_PASSWORD);
                for (String kind : List.of("REGISTRATION", "TAX", "SOCIAL_SECURITY")) {
                    must("POST", "api/vendors/me/documents?kind=" + kind + "&expiresOn=" + expires + "&name=" + q(kind.toLowerCase() + ".pdf"),
                            auth, "application/pdf", smallPdf, 201);
                }
                Answer sub = must("POST", "api/vendors/me/submit", auth, null, null, 200, 409);
                if (sub.status() == 409) { // an earlier attempt answered 5xx yet committed?
                    Answer me = must("GET", "api/vendors/me", auth, null, null, 200);
                    Object status = ((Map<?, ?>) me.obj().get("profile")).get("status");
                    if (!"PENDING".equals(status)) {
                        throw new IllegalStateException("submit refused, vendor " + user + " is " + status + ": " + sub);
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : fs) {
            f.get();
        }
        long tRegistered = System.nanoTime();
        System.out.printf("setup: %d vendors registered with 3 documents each and submitted in %.1f s%n", vendors, (tRegistered - t0) / 1e9);
        // the officers share the verifyVendor tasks: each takes what its inbox shows (officer oldest first, officer2
        // newest first); a task the other one claimed first is skipped
        List<Future<Integer>> verifiers = new ArrayList<>();
        String[] officers = opt("officers", "officer").split(",");
        Set<String> taken = ConcurrentHashMap.newKeySet();
        AtomicInteger verifiedCount = new AtomicInteger();
        for (int o = 0; o < officers.length; o++) {
            boolean asc = o % 2 == 0;
            String auth = basic(officers[o], DEMO_PASSWORD);
            verifiers.add(pool.submit(() -> {
                int done = 0;
                int idle = 0;
                while (idle < 40 && verifiedCount.get() < vendors) {
                    List<String> mine = new ArrayList<>();
                    for (Object t : (List<?>) must("GET", "api/tasks?size=100&sort=created&asc=" + asc, auth, null, null, 200).obj().get("items")) {
                        Map<?, ?> task = (Map<?, ?>) t;
                        // every verifyVendor task (the benchmark runs on a fresh database: they are the bench vendors')
                        if ("verifyVendor".equals(task.get("key"))) {
                            mine.add(String.valueOf(task.get("id")));
                        }
                    }
                    if (mine.isEmpty()) {
                        idle++;
                        Thread.sleep(500);
                        continue;
                    }
                    idle = 0;
                    for (String id : mine) {
                        if (!taken.add(id)) {
                            continue;
                        }
                        Answer c = must("POST", "api/tasks/" + id + "/claim", auth, null, null, 200, 403, 404, 409);
                        if (c.status() != 200) {
                            continue;
                        }
                        Answer v = must("POST", "api/tasks/" + id + "/complete", auth, null, "{\"decision\":\"VERIFY\"}", 200, 404, 409);
                        if (v.status() == 200) {
                            verifiedCount.incrementAndGet();
                            done++;
                        } else {
                            // refused (a concurrent change of the task): if it is still open, the next look at the inbox retries it
                            taken.remove(id);
                        }
                    }
                }
                return done;
            }));
        }
        int verified = 0;
        for (Future<Integer> f : verifiers) {
            verified += f.get();
        }
        long count = -1;
        for (int i = 0; i < 60; i++) {
            count = num(must("GET", "api/vendors?status=VERIFIED&size=1&q=" + q(tag), officer, null, null, 200).obj().get("total"));
            if (count >= vendors) {
                break;
            }
            Thread.sleep(1000);
        }
        pool.shutdown();
        printAnomalies("setup");
        System.out.printf("setup: officers completed %d verifyVendor tasks; %d of %d bench vendors VERIFIED; verification took %.1f s%n",
                verified, count, vendors, (System.nanoTime() - tRegistered) / 1e9);
        if (count < vendors) {
            throw new IllegalStateException("only " + count + " vendors verified");
        }
        Properties s = new Properties();
        s.setProperty("base", base.toString());
        s.setProperty("tag", tag);
        s.setProperty("tenderId", String.valueOf(tenderId));
        s.setProperty("lotIds", String.join(",", lotIds));
        s.setProperty("lotCeilings", String.join(",", lotCeilings));
        s.setProperty("factors", String.valueOf(factors));
        s.setProperty("vendors", String.join(",", usernames));
        s.setProperty("password", VENDOR_PASSWORD);
        s.setProperty("bidDeadline", String.valueOf(main.get("bidDeadline")));
        s.setProperty("warmup.tenderId", String.valueOf(warm.get("tenderId")));
        s.setProperty("warmup.lotIds", String.join(",", (List<String>) warm.get("lotIds")));
        Files.createDirectories(statePath.toAbsolutePath().getParent());
        try (Writer w = Files.newBufferedWriter(statePath)) {
            s.store(w, "bench/BidBurst.java setup");
        }
        System.out.printf("setup: done in %.1f s; state in %s%n", (System.nanoTime() - t0) / 1e9, statePath);
        return 0;
    }

    static Map<String, Object> publishTender(String officer, String head, String tag, String titleSuffix, String lotsJson, int lots,
                                             long filmId, BigDecimal budget) throws Exception {
        String tenderJson = "{\"title\":" + Json.str("压测 bid burst " + tag + titleSuffix + ": 农村公益电影放映服务 " + lots + " 个标段")
                + ",\"categoryId\":" + filmId + ",\"method\":\"OPEN_TENDER\",\"budget\":\"" + budget.setScale(2) + "\""
                + ",\"priceWeight\":30,\"qualification\":\"具有电影放映经营许可证\",\"description\":\"bench\""
                + ",\"lots\":[" + lotsJson + "]"
                + ",\"factors\":[{\"name\":\"服务方案\",\"points\":40},{\"name\":\"放映设备\",\"points\":30}]}";
        Map<String, Object> draft = must("POST", "api/tenders", officer, null, tenderJson, 201).obj();
        long tenderId = num(draft.get("id"));
        must("POST", "api/tenders/" + tenderId + "/submit?version=" + num(draft.get("version")), officer, null, null, 200);
        String taskId = null;
        for (int i = 0; i < 30 && taskId == null; i++) {
            for (Object t : (List<?>) must("GET", "api/tasks?size=100", head, null, null, 200).obj().get("items")) {
                Map<?, ?> task = (Map<?, ?>) t;
                if ("approveTender".equals(task.get("key")) && task.get("tenderId") != null && num(task.get("tenderId")) == tenderId) {
                    taskId = String.valueOf(task.get("id"));
                }
            }
            if (taskId == null) {
                Thread.sleep(500);
            }
        }
        if (taskId == null) {
            throw new IllegalStateException("no approveTender task for tender " + tenderId);
        }
        must("POST", "api/tasks/" + taskId + "/claim", head, null, null, 200);
        must("POST", "api/tasks/" + taskId + "/complete", head, null, "{\"decision\":\"APPROVE\"}", 200);
        Map<String, Object> published = must("GET", "api/tenders/" + tenderId, officer, null, null, 200).obj();
        if (!"PUBLISHED".equals(published.get("status"))) {
            throw new IllegalStateException("tender " + tenderId + " is " + published.get("status") + " after approval");
        }
        List<String> lotIds = new ArrayList<>();
        List<String> lotCeilings = new ArrayList<>();
        for (Object l : (List<?>) published.get("lots")) {
            lotIds.add(String.valueOf(num(((Map<?, ?>) l).get("id"))));
            lotCeilings.add(String.valueOf(((Map<?, ?>) l).get("budgetCeiling")));
        }
        int factors = ((List<?>) published.get("factors")).size();
        System.out.printf("setup: tender %d published (%s)%s, %d lots, bid deadline %s, bid security %s%n", tenderId,
                published.get("noticeNumber"), titleSuffix, lotIds.size(), published.get("bidDeadline"), published.get("bidSecurity"));
        Map<String, Object> out = new HashMap<>();
        out.put("tenderId", tenderId);
        out.put("lotIds", lotIds);
        out.put("lotCeilings", lotCeilings);
        out.put("factors", factors);
        out.put("bidDeadline", published.get("bidDeadline"));
        return out;

    }

    static String randomTag(int n) {
        Random r = new Random();
        StringBuilder sb = new StringBuilder("bb");
        for (int i = 0; i < n; i++) {
            sb.append((char) ('a' + r.nextInt(26)));
        }
        return sb.toString();
    }

    /** A valid USCC (GB 32100-2015): 5 (civil affairs) 1 (social organization), division 371600, 9-character id, check. */
    static String uscc(long serial) {
        String alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        StringBuilder id = new StringBuilder();
        long x = serial;
        for (int i = 0; i < 9; i++) {
            id.insert(0, alphabet.charAt((int) (x % 31)));
            x /= 31;
        }
        String first17 = "51371600" + id;
        int[] w = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += alphabet.indexOf(first17.charAt(i)) * w[i];
        }
        return first17 + alphabet.charAt((31 - sum % 31) % 31);
    }

    private static final Map<Integer, byte[]> FILLER = new ConcurrentHashMap<>();

    /** A PDF-looking file of the given size: "%PDF-1.4", a comment naming it, filler, "%%EOF". */
    static byte[] pdf(int size, String label) {
        byte[] filler = FILLER.computeIfAbsent(size, n -> {
            byte[] f = new byte[n];
            Random r = new Random(n);
            for (int i = 0; i < n; i++) {
                f[i] = (byte) ('a' + r.nextInt(26));
            }
            return f;
        });
        byte[] b = filler.clone();
        byte[] head = ("%PDF-1.4\n% bench " + label + "\n").getBytes(StandardCharsets.US_ASCII);
        byte[] tail = "\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(head, 0, b, 0, head.length);
        System.arraycopy(tail, 0, b, size - tail.length, tail.length);
        return b;
    }

    static long num(Object o) {
        return o instanceof BigDecimal d ? d.longValue() : Long.parseLong(String.valueOf(o));
    }

    static Properties loadState() throws IOException {
        Properties s = new Properties();
        try (Reader r = Files.newBufferedReader(Path.of(opt("state", "target/bench-bidburst/state.properties")))) {
            s.load(r);
        }
        return s;
    }

    // =================================================================== burst

    static final class Stats {
        final ConcurrentLinkedQueue<Long> upload = new ConcurrentLinkedQueue<>();   // ns
        final ConcurrentLinkedQueue<Long> submit = new ConcurrentLinkedQueue<>();   // ns
        final ConcurrentLinkedQueue<Long> both = new ConcurrentLinkedQueue<>();     // ns
        final ConcurrentLinkedQueue<Long> doneAt = new ConcurrentLinkedQueue<>();   // ns since start
        final ConcurrentLinkedQueue<Long> fromDue = new ConcurrentLinkedQueue<>();  // ns from the bid's planned start to its receipt (paced runs)
        final AtomicInteger networkRetries = new AtomicInteger();
        final AtomicInteger serverErrorRetries = new AtomicInteger();
        final AtomicInteger repeatedReceipts = new AtomicInteger();
        final AtomicInteger failedBids = new AtomicInteger();
        final AtomicLong uploadedBytes = new AtomicLong();
        /** per bid: {start of its upload since the burst's start, upload ns, submit ns} */
        final ConcurrentLinkedQueue<long[]> timeline = new ConcurrentLinkedQueue<>();
        final ConcurrentHashMap<String, AtomicInteger> errors = new ConcurrentHashMap<>();
        final ConcurrentLinkedQueue<String> examples = new ConcurrentLinkedQueue<>();

        void error(String kind, String example) {
            errors.computeIfAbsent(kind, k -> new AtomicInteger()).incrementAndGet();
            if (examples.size() < 12 && examples.stream().noneMatch(e -> e.startsWith(kind + " "))) {
                examples.add(kind + " :: " + example);
            }
        }
    }

    static int burst(int threads) throws Exception {
        Properties s = loadState();
        // --warmup true: the warm-up tender (bids before the timed burst, not counted)
        String prefix = Boolean.parseBoolean(opt("warmup", "false")) ? "warmup." : "";
        long tenderId = Long.parseLong(s.getProperty(prefix + "tenderId"));
        String[] lotIds = s.getProperty(prefix + "lotIds").split(",");
        int factors = Integer.parseInt(s.getProperty("factors"));
        String[] vendors = s.getProperty("vendors").split(",");
        String password = s.getProperty("password");
        int maxVendors = Integer.parseInt(opt("vendors", String.valueOf(vendors.length)));
        int nVendors = Math.min(maxVendors, vendors.length);
        int attachmentBytes = Integer.parseInt(opt("attachment-kb", "1024")) * 1024;
        long maxNanos = Duration.ofSeconds(Long.parseLong(opt("max-seconds", "600"))).toNanos();
        long retryForNanos = Duration.ofSeconds(Long.parseLong(opt("retry-for-s", "300"))).toNanos();
        Path receiptsPath = Path.of(opt("receipts", "target/bench-bidburst/receipts.tsv"));
        // paced (open-loop) run: the bids' planned starts are spread evenly over this many seconds, vendor after
        // vendor, as at a real deadline; 0: every session sends its next bid as soon as the previous one is answered
        double overSeconds = Double.parseDouble(opt("over-s", "0"));
        MAX_5XX_RETRIES = Integer.parseInt(opt("retry-5xx", "3"));
        String runTag = s.getProperty("tag") + "-" + Long.toString(System.currentTimeMillis() % 100000000L, 36);
        PrintWriter receipts = new PrintWriter(Files.newBufferedWriter(receiptsPath, StandardOpenOption.CREATE, StandardOpenOption.APPEND));
        Stats st = new Stats();
        int total = nVendors * lotIds.length;
        System.out.printf("burst: %d vendor sessions x %d lots = %d bids, attachment %d KB each, client pool %d threads, tender %d%n",
                nVendors, lotIds.length, total, attachmentBytes / 1024, threads, tenderId);
        long intervalNanos = overSeconds > 0 ? (long) (overSeconds * 1e9 / total) : 0;
        System.out.println(overSeconds > 0
                ? String.format("paced: planned starts spread over %.0f s (one bid every %.1f ms, %.1f bids/s offered)", overSeconds, intervalNanos / 1e6, total / overSeconds)
                : "closed loop: each session sends its next bid as soon as the previous one is answered");
        ExecutorService sessions = Executors.newFixedThreadPool(threads, daemon("vendor"));
        CountDownLatch go = new CountDownLatch(1);
        long[] startBox = new long[1];
        AtomicInteger receiptsCount = new AtomicInteger();
        List<Future<?>> fs = new ArrayList<>();
        for (int v = 0; v < nVendors; v++) {
            int vi = v;
            String auth = basic(vendors[v], password);
            fs.add(sessions.submit(() -> {
                go.await();
                long start = startBox[0];
                for (int i = 0; i < lotIds.length; i++) {
                    int li = (vi + i) % lotIds.length;
                    if (System.nanoTime() - start > maxNanos) {
                        st.error("client: gave up (max-seconds)", vendors[vi] + " lot " + lotIds[li]);
                        st.failedBids.incrementAndGet();
                        continue;
                    }
                    String price = String.format("%d.%02d", 20000 + vi * 13 + li * 100, (vi * 7 + li) % 100);
                    String key = "bb-" + runTag + "-" + vi + "-" + li;
                    long due = start + (long) (i * nVendors + vi) * intervalNanos;
                    if (intervalNanos > 0) {
                        long wait = due - System.nanoTime();
                        if (wait > 0) {
                            TimeUnit.NANOSECONDS.sleep(wait);
                        }
                    }
                    long t0 = System.nanoTime();
                    // 1. the attachment (no idempotency key on uploads: a retried upload may leave an unused one)
                    byte[] file = pdf(attachmentBytes, vendors[vi] + "-" + li);
                    Answer up = retrying(st, "upload", start, retryForNanos, () -> call("POST",
                            "api/bids/attachments?tenderId=" + tenderId + "&name=p.pdf", auth, null, "application/pdf", file));
                    long t1 = System.nanoTime();
                    if (up == null || up.status() != 201) {
                        st.failedBids.incrementAndGet();
                        if (up != null) {
                            st.error("upload " + up.status() + " " + up.code(), vendors[vi] + ": " + up);
                        }
                        continue;
                    }
                    st.upload.add(t1 - t0);
                    st.uploadedBytes.addAndGet(attachmentBytes);
                    long attachmentId = num(up.obj().get("id"));
                    StringBuilder props = new StringBuilder();
                    for (int f = 0; f < factors; f++) {
                        props.append(f == 0 ? "" : ",").append(Json.str("方案 " + (f + 1) + "：" + vendors[vi] + " 第" + (li + 1) + "标段 bench proposal text"));
                    }
                    String bid = "{\"tenderId\":" + tenderId + ",\"lotId\":" + lotIds[li] + ",\"price\":\"" + price + "\""
                            + ",\"proposals\":[" + props + "],\"attachmentIds\":[" + attachmentId + "],\"declaration\":true}";
                    // 2. the bid: the same key on every retry
                    long t2 = System.nanoTime();
                    Answer sub = retrying(st, "submit", start, retryForNanos, () -> call("POST", "api/bids", auth,
                            Map.of("Idempotency-Key", key), null, bid));
                    long t3 = System.nanoTime();
                    if (sub == null || (sub.status() != 201 && sub.status() != 200)) {
                        st.failedBids.incrementAndGet();
                        if (sub != null) {
                            st.error("submit " + sub.status() + " " + sub.code(), vendors[vi] + ": " + sub);
                        }
                        continue;
                    }
                    if (sub.status() == 200) {
                        st.repeatedReceipts.incrementAndGet();
                    }
                    st.submit.add(t3 - t2);
                    st.timeline.add(new long[] {t0 - start, t1 - t0, t3 - t2});
                    st.both.add(t3 - t0);
                    st.doneAt.add(t3 - start);
                    if (intervalNanos > 0) {
                        st.fromDue.add(t3 - due);
                    }
                    Map<String, Object> r = sub.obj();
                    synchronized (receipts) {
                        receipts.println(r.get("bidId") + "\t" + vendors[vi] + "\t" + r.get("lotId") + "\t" + price + "\t" + key
                                + "\t" + sub.status() + "\t" + r.get("submittedAt") + "\t" + r.get("sealedHash") + "\t"
                                + (t3 - start) / 1_000_000);
                        receipts.flush();
                    }
                    receiptsCount.incrementAndGet();
                }
                return null;
            }));
        }
        // progress line every 5 s
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(daemon("tick"));
        startBox[0] = System.nanoTime();
        go.countDown();
        long start = startBox[0];
        ticker.scheduleAtFixedRate(() -> System.out.printf("  t=%5.1fs receipts=%d uploads=%d errors=%d retries=%d%n",
                        (System.nanoTime() - start) / 1e9, receiptsCount.get(), st.upload.size(),
                        st.errors.values().stream().mapToInt(AtomicInteger::get).sum(), st.networkRetries.get() + st.serverErrorRetries.get()),
                5, 5, TimeUnit.SECONDS);
        for (Future<?> f : fs) {
            try {
                f.get();
            } catch (ExecutionException e) {
                st.error("client exception " + e.getCause().getClass().getSimpleName(), String.valueOf(e.getCause()));
            }
        }
        long wall = System.nanoTime() - start;
        ticker.shutdownNow();
        receipts.close();
        sessions.shutdownNow();

        // ---- figures
        int ok = st.both.size();
        long within60 = st.doneAt.stream().filter(t -> t <= 60_000_000_000L).count();
        double lastDone = st.doneAt.stream().mapToLong(Long::longValue).max().orElse(wall) / 1e9;
        System.out.println();
        System.out.println("== burst figures ==");
        System.out.printf("bids accepted (receipts)  : %d of %d   (repeated receipts answered to retries: %d)%n", ok, total, st.repeatedReceipts.get());
        System.out.printf("bids failed               : %d%n", st.failedBids.get());
        System.out.printf("wall time                 : %.1f s (last receipt at %.1f s)%n", wall / 1e9, lastDone);
        System.out.printf("throughput                : %.1f bids/s, %.1f MB/s of attachments%n", ok / lastDone,
                st.uploadedBytes.get() / 1048576.0 / lastDone);
        if (intervalNanos > 0) {
            // paced: the bids are offered over the whole period, so the last one cannot be answered before it ends
            double lastPlanned = (total - 1) * intervalNanos / 1e9;
            System.out.printf("offered over %.0f s        : %d of %d accepted; last receipt %.1f s after the last planned start (%.1f s)%n",
                    overSeconds, ok, total, lastDone - lastPlanned, lastPlanned);
        } else {
            System.out.printf("target %d bids in 60 s     : %s (%d receipts within 60 s)%n", total, within60 >= total ? "MET" : "NOT MET", within60);
        }
        System.out.println("latency (ms)                  n      p50      p95      p99      max     mean");
        pct("upload (POST attachments)", st.upload);
        pct("submit (POST bids)", st.submit);
        pct("upload + submit", st.both);
        if (intervalNanos > 0) {
            pct("planned start -> receipt", st.fromDue);
        }
        long[] submits = st.submit.stream().mapToLong(Long::longValue).sorted().toArray();
        if (submits.length > 0) {
            System.out.printf("goal p99 submit < 300 ms  : %s (%.0f ms)%n", at(submits, 99) < 300 ? "MET" : "NOT MET", at(submits, 99));
        }
        System.out.println("by 10 s of the burst (when the upload started): bids, ms upload p50/p99, submit p50/p99");
        Map<Long, List<long[]>> windows = new java.util.TreeMap<>();
        for (long[] b : st.timeline) {
            windows.computeIfAbsent(b[0] / 10_000_000_000L, k -> new ArrayList<>()).add(b);
        }
        windows.forEach((w, l) -> {
            long[] u = l.stream().mapToLong(b -> b[1]).sorted().toArray();
            long[] sb = l.stream().mapToLong(b -> b[2]).sorted().toArray();
            System.out.printf("  %3d-%3d s %5d   %6.0f %6.0f   %6.0f %6.0f%n", w * 10, w * 10 + 10, l.size(), at(u, 50), at(u, 99), at(sb, 50), at(sb, 99));
        });
        System.out.printf("network errors retried    : %d; 5xx retried: %d%n", st.networkRetries.get(), st.serverErrorRetries.get());
        int errs = st.errors.values().stream().mapToInt(AtomicInteger::get).sum();
        System.out.printf("errors (final + retried)  : %d%n", errs);
        st.errors.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> System.out.printf("   %6d  %s%n", e.getValue().get(), e.getKey()));
        for (String ex : st.examples) {
            System.out.println("   e.g. " + ex);
        }
        System.out.printf("receipts appended to      : %s%n", receiptsPath);
        return 0;
    }

    interface Exchange {
        Answer run() throws IOException, InterruptedException;
    }

    /**
     * Runs an exchange; on a network error (IOException, timeouts included) or a 5xx, waits and sends the very same
     * request again (for a bid: the same Idempotency-Key), for up to retryForNanos. Null when it never answered.
     */
    static int MAX_5XX_RETRIES = 3;

    static Answer retrying(Stats st, String what, long burstStart, long retryForNanos, Exchange x) throws InterruptedException {
        long first = System.nanoTime();
        long backoff = 250;
        int serverErrors = 0;
        while (true) {
            try {
                Answer a = x.run();
                if ((a.status() == 404 || a.status() == 503) && !a.body().trim().startsWith("{")) {
                    // the HTTP listener is up but the application is not deployed yet (restart): not an answer of the
                    // application, so the same request is sent again like after a network error
                    st.networkRetries.incrementAndGet();
                    st.error(what + " " + a.status() + " non-JSON (server starting; retried)", a.toString().replaceAll("\\s+", " "));
                    if (System.nanoTime() - first > retryForNanos) {
                        return a;
                    }
                    Thread.sleep(backoff);
                    backoff = Math.min(backoff * 2, 4000);
                    continue;
                }
                if (a.status() < 500 || ++serverErrors > MAX_5XX_RETRIES || System.nanoTime() - first > retryForNanos) {
                    return a;
                }
                st.serverErrorRetries.incrementAndGet();
                st.error(what + " " + a.status() + " " + a.code() + " (retried)", a.toString());
            } catch (IOException e) {
                st.networkRetries.incrementAndGet();
                st.error(what + " network " + e.getClass().getSimpleName() + " (retried)", String.valueOf(e.getMessage()));
                if (System.nanoTime() - first > retryForNanos) {
                    st.error(what + " network: gave up", String.valueOf(e));
                    return null;
                }
            }
            Thread.sleep(backoff);
            backoff = Math.min(backoff * 2, 4000);
        }
    }

    static void pct(String label, Collection<Long> nanos) {
        long[] a = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
        if (a.length == 0) {
            System.out.printf("%-26s %6d%n", label, 0);
            return;
        }
        System.out.printf("%-26s %6d %8.0f %8.0f %8.0f %8.0f %8.0f%n", label, a.length, at(a, 50), at(a, 95), at(a, 99),
                a[a.length - 1] / 1e6, Arrays.stream(a).average().orElse(0) / 1e6);
    }

    static double at(long[] sorted, double p) { // nearest rank
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
    }

    // =================================================================== opening

    record Receipt(long bidId, String vendor, long lotId, BigDecimal price, String key, Instant submittedAt) {
    }

    static List<Receipt> readReceipts() throws IOException {
        List<Receipt> out = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of(opt("receipts", "target/bench-bidburst/receipts.tsv")))) {
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.split("\t");
            out.add(new Receipt(Long.parseLong(f[0]), f[1], Long.parseLong(f[2]), new BigDecimal(f[3]), f[4], Instant.parse(f[6])));
        }
        return out;
    }

    static int opening() throws Exception {
        Properties s = loadState();
        long tenderId = Long.parseLong(s.getProperty("tenderId"));
        long timeout = Long.parseLong(opt("timeout-s", "600")) * 1_000_000_000L;
        boolean allowUnreceipted = Boolean.parseBoolean(opt("allow-unreceipted", "false"));
        long t0 = System.nanoTime();
        Answer a = null;
        int polls = 0;
        while (System.nanoTime() - t0 < timeout) {
            try {
                a = call("GET", "api/public/tenders/" + tenderId + "/opening", null, null, null, null);
                polls++;
                if (a.status() == 200) {
                    break;
                }
                if (a.status() != 404) {
                    System.out.println("opening: poll answered " + a);
                }
            } catch (IOException e) {
                System.out.println("opening: poll failed: " + e);
            }
            a = null;
            Thread.sleep(1000);
        }
        double waited = (System.nanoTime() - t0) / 1e9;
        if (a == null) {
            System.out.printf("opening: NOT OPENED within %.0f s (%d polls)%n", waited, polls);
            return 1;
        }
        Map<String, Object> o = a.obj();
        List<?> entries = (List<?>) o.get("entries");
        Instant openedAt = Instant.parse(String.valueOf(o.get("openedAt")));
        Instant deadline = Instant.parse(String.valueOf(o.get("deadline")));
        System.out.printf("opening: answered after %.1f s of polling (%d polls); deadline %s, openedAt %s, validLots %s, failedLots %s, %d entries%n",
                waited, polls, deadline, openedAt, o.get("validLots"), o.get("failedLots"), entries.size());
        Map<Long, Receipt> byBid = new HashMap<>();
        for (Receipt r : readReceipts()) {
            byBid.put(r.bidId(), r);
        }
        int sealFalse = 0, invalid = 0, priceMismatch = 0, unreceipted = 0, afterDeadline = 0;
        Set<Long> seen = new HashSet<>();
        int dupEntries = 0;
        List<String> problems = new ArrayList<>();
        for (Object e : entries) {
            Map<?, ?> m = (Map<?, ?>) e;
            long bidId = num(m.get("bidId"));
            if (!seen.add(bidId)) {
                dupEntries++;
            }
            if (!Boolean.TRUE.equals(m.get("sealVerified"))) {
                sealFalse++;
                if (problems.size() < 5) problems.add("sealVerified false: " + m);
            }
            if (!Boolean.TRUE.equals(m.get("valid"))) {
                invalid++;
                if (problems.size() < 5) problems.add("invalid: " + m);
            }
            if (!Instant.parse(String.valueOf(m.get("submittedAt"))).isBefore(deadline)) {
                afterDeadline++;
                if (problems.size() < 5) problems.add("submitted at/after the deadline: " + m);
            }
            Receipt r = byBid.get(bidId);
            if (r == null) {
                unreceipted++;
                continue;
            }
            BigDecimal p = m.get("price") == null ? null : new BigDecimal(String.valueOf(m.get("price")));
            if (p == null || p.compareTo(r.price()) != 0 || num(m.get("lotId")) != r.lotId()) {
                priceMismatch++;
                if (problems.size() < 5) problems.add("price/lot differs from receipt " + r + ": " + m);
            }
        }
        int missing = 0;
        for (Receipt r : byBid.values()) {
            if (!seen.contains(r.bidId())) {
                missing++;
                if (problems.size() < 8) problems.add("receipt not in the opening: " + r);
            }
        }
        int expected = Integer.parseInt(opt("expect", String.valueOf(byBid.size())));
        boolean ok = sealFalse == 0 && priceMismatch == 0 && missing == 0 && dupEntries == 0 && afterDeadline == 0
                && (allowUnreceipted || unreceipted == 0) && (allowUnreceipted || entries.size() == expected);
        System.out.printf("opening check: entries %d (expected %d receipts), sealVerified=false %d, invalid %d, price/lot mismatches %d, "
                        + "receipts missing %d, duplicate entries %d, entries without a receipt %d, entries at/after deadline %d -> %s%n",
                entries.size(), byBid.size(), sealFalse, invalid, priceMismatch, missing, dupEntries, unreceipted, afterDeadline, ok ? "OK" : "FAILED");
        problems.forEach(p -> System.out.println("   " + p));
        return ok ? 0 : 1;
    }

    // =================================================================== JSON

    /** Just enough JSON: objects as LinkedHashMap, arrays as ArrayList, numbers as BigDecimal. */
    static final class Json {
        private final String s;
        private int i;

        private Json(String s) {
            this.s = s;
        }

        static Object parse(String s) {
            Json j = new Json(s);
            j.ws();
            Object v = j.value();
            j.ws();
            if (j.i != s.length()) {
                throw new IllegalArgumentException("trailing characters at " + j.i);
            }
            return v;
        }

        static String str(String v) {
            StringBuilder sb = new StringBuilder("\"");
            for (char c : v.toCharArray()) {
                switch (c) {
                    case '"' -> sb.append("\\\"");
                    case '\\' -> sb.append("\\\\");
                    case '\n' -> sb.append("\\n");
                    case '\r' -> sb.append("\\r");
                    case '\t' -> sb.append("\\t");
                    default -> {
                        if (c < 0x20) {
                            sb.append(String.format("\\u%04x", (int) c));
                        } else {
                            sb.append(c);
                        }
                    }
                }
            }
            return sb.append('"').toString();
        }

        private void ws() {
            while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
        }

        private Object value() {
            if (i >= s.length()) {
                throw new IllegalArgumentException("unexpected end");
            }
            char c = s.charAt(i);
            switch (c) {
                case '{': {
                    i++;
                    Map<String, Object> m = new LinkedHashMap<>();
                    ws();
                    if (s.charAt(i) == '}') {
                        i++;
                        return m;
                    }
                    while (true) {
                        ws();
                        String k = string();
                        ws();
                        expect(':');
                        ws();
                        m.put(k, value());
                        ws();
                        if (s.charAt(i) == ',') {
                            i++;
                        } else {
                            expect('}');
                            return m;
                        }
                    }
                }
                case '[': {
                    i++;
                    List<Object> l = new ArrayList<>();
                    ws();
                    if (s.charAt(i) == ']') {
                        i++;
                        return l;
                    }
                    while (true) {
                        ws();
                        l.add(value());
                        ws();
                        if (s.charAt(i) == ',') {
                            i++;
                        } else {
                            expect(']');
                            return l;
                        }
                    }
                }
                case '"':
                    return string();
                case 't':
                    i += 4;
                    return Boolean.TRUE;
                case 'f':
                    i += 5;
                    return Boolean.FALSE;
                case 'n':
                    i += 4;
                    return null;
                default: {
                    int st = i;
                    while (i < s.length() && "+-0123456789.eE".indexOf(s.charAt(i)) >= 0) {
                        i++;
                    }
                    if (st == i) {
                        throw new IllegalArgumentException("unexpected '" + c + "' at " + i);
                    }
                    return new BigDecimal(s.substring(st, i));
                }
            }
        }

        private void expect(char c) {
            if (s.charAt(i) != c) {
                throw new IllegalArgumentException("expected '" + c + "' at " + i);
            }
            i++;
        }

        private String string() {
            expect('"');
            StringBuilder sb = new StringBuilder();
            while (true) {
                char c = s.charAt(i++);
                if (c == '"') {
                    return sb.toString();
                }
                if (c == '\\') {
                    char e = s.charAt(i++);
                    switch (e) {
                        case 'n' -> sb.append('\n');
                        case 't' -> sb.append('\t');
                        case 'r' -> sb.append('\r');
                        case 'b' -> sb.append('\b');
                        case 'f' -> sb.append('\f');
                        case 'u' -> {
                            sb.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
                            i += 4;
                        }
                        default -> sb.append(e);
                    }
                } else {
                    sb.append(c);
                }
            }
        }
    }
}
