package cn.huimin.it;

import java.io.File;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.Base64;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * Shared by the integration and browser tests: the WAR Maven built, a fresh PostgreSQL database for the run,
 * and an HTTP client speaking to the deployed application on 127.0.0.1.
 */
public final class ItSupport {
    public static final String DB = System.getProperty("huimin.it.db", "huimin_it");
    public static final String PG = System.getProperty("huimin.it.pg", "127.0.0.1:5432");
    public static final String PASSWORD = "huimin-demo";
    private static boolean databaseReset;

    private ItSupport() {
    }

    /** The built WAR; the first call of a run drops and recreates the test database (Payara boots after it). */
    public static synchronized WebArchive war() {
        if (!databaseReset) {
            resetDatabase();
            databaseReset = true;
        }
        File war = new File(System.getProperty("huimin.build.dir", "target"), "huimin.war");
        if (!war.isFile()) {
            throw new IllegalStateException("run 'mvn package' first: " + war + " is missing");
        }
        return ShrinkWrap.create(ZipImporter.class, "huimin.war").importFrom(war).as(WebArchive.class);
    }

    static void resetDatabase() {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://" + PG + "/postgres", "postgres", "");
             Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + DB + " WITH (FORCE)");
            s.execute("CREATE DATABASE " + DB);
        } catch (Exception e) {
            throw new IllegalStateException("PostgreSQL on " + PG + " (user postgres) is needed for the integration tests", e);
        }
    }

    /** Arquillian reports the machine's network address; the tests talk to loopback. */
    public static URI base(URL deployed) {
        String path = deployed.getPath().endsWith("/") ? deployed.getPath() : deployed.getPath() + "/";
        return URI.create("http://127.0.0.1:" + deployed.getPort() + path);
    }

    public static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    public static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * /health/ready once it answers 200, or its last answer after 40 s: readiness also waits for the sealing warm-up,
     * which runs beside the start-up for up to 20 s.
     */
    public static HttpResponse<String> awaitReady(URI base) throws Exception {
        HttpResponse<String> ready = call(base, "GET", "//health/ready", null, null);
        for (long until = System.nanoTime() + java.time.Duration.ofSeconds(40).toNanos();
             ready.statusCode() != 200 && System.nanoTime() < until; ) {
            Thread.sleep(250);
            ready = call(base, "GET", "//health/ready", null, null);
        }
        return ready;
    }

    /**
     * Calls path below the application's context root; a path starting with "//" is taken from the server root
     * (health, metrics, openapi).
     */
    public static HttpResponse<String> call(URI base, String method, String path, String user, String json) throws Exception {
        URI target = path.startsWith("//") ? base.resolve(path.substring(1)) : base.resolve(path.startsWith("/") ? path.substring(1) : path);
        HttpRequest.Builder b = HttpRequest.newBuilder(target)
                .timeout(Duration.ofSeconds(60)).header("Accept", "application/json").header("Accept-Language", "en");
        if (user != null) {
            b.header("Authorization", basic(user));
        }
        if (json != null) {
            b.header("Content-Type", "application/json");
        }
        b.method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
