package cn.huimin.browser;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One headless Chromium (Debian's /usr/bin/chromium driven by /usr/bin/chromedriver, never Selenium Manager) with the
 * helpers the browser tests share: PrimeFaces ajax waits (no sleeps), full-submit waits, PrimeFaces menus, login and
 * screenshots under target/screenshots.
 */
final class BrowserSession implements AutoCloseable {
    static final String CHROMIUM = "/usr/bin/chromium";
    static final String CHROMEDRIVER = "/usr/bin/chromedriver";
    static final String PASSWORD = "huimin-demo";
    static final Duration TIMEOUT = Duration.ofSeconds(40);
    private static final AtomicInteger SEQ = new AtomicInteger();

    final String name;
    final URI base;
    final ChromeDriver driver;
    final WebDriverWait wait;
    private final ChromeDriverService service;
    private final Path profile;

    /**
     * @param language "zh-CN" or "en": both the browser's UI language and its Accept-Language
     */
    BrowserSession(String name, URI base, String language) {
        requireExecutable(CHROMIUM, "chromium");
        requireExecutable(CHROMEDRIVER, "chromium-driver");
        Logger.getLogger("org.openqa.selenium").setLevel(Level.SEVERE);
        this.name = name;
        this.base = base;
        File build = new File(System.getProperty("huimin.build.dir", "target"));
        File profileDir = new File(build, "chromium-profiles/" + name + "-" + ProcessHandle.current().pid() + "-" + SEQ.incrementAndGet());
        profile = profileDir.toPath();
        deleteTree(profile);
        profileDir.mkdirs();
        service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER))
                .usingAnyFreePort()
                .withLogFile(new File(build, "chromium-profiles/" + profileDir.getName() + "-chromedriver.log"))
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments(
                "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync",
                "--disable-quic", "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1 , EXCLUDE localhost",
                "--user-data-dir=" + profileDir.getAbsolutePath(),
                "--window-size=1366,1400",
                "--lang=" + language);
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", language.startsWith("zh") ? "zh-CN,zh" : "en"));
        ChromeDriver d;
        try {
            d = new ChromeDriver(service, options);
        } catch (RuntimeException e) {
            service.stop();
            throw new AssertionError("headless Chromium (" + CHROMIUM + " with " + CHROMEDRIVER + ") did not start: " + e.getMessage(), e);
        }
        driver = d;
        wait = new WebDriverWait(driver, TIMEOUT);
        // an ajax update may replace an element between finding it and reading it: the condition is asked again
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
    }

    private static void requireExecutable(String path, String debianPackage) {
        if (!new File(path).canExecute()) {
            fail(path + " is missing: the browser tests need Debian's Chromium and its driver"
                    + " (apt-get install -y chromium chromium-driver fonts-noto-cjk; package " + debianPackage + ")");
        }
    }

    // ------------------------------------------------------------------ navigation

    /** Opens a page below the context root, e.g. "public/tenders.xhtml". */
    void open(String path) {
        driver.get(base.resolve(path.startsWith("/") ? path.substring(1) : path).toString());
        waitForDocument();
    }

    String path() {
        return URI.create(driver.getCurrentUrl()).getPath();
    }

    void waitForDocument() {
        wait.until(d -> "complete".equals(js("return document.readyState")));
    }

    /** The HTTP status of the current document (Navigation Timing level 2, Chromium ≥ 109). */
    long status() {
        Object s = js("var n = performance.getEntriesByType('navigation'); return n.length ? n[0].responseStatus : -1;");
        return s instanceof Number n ? n.longValue() : -1;
    }

    /** Clicks something that submits the whole page (ajax="false", a link) and waits until the new page has loaded. */
    void clickAndLoad(WebElement element) {
        WebElement html = driver.findElement(By.tagName("html"));
        element.click();
        wait.until(d -> isGone(html));
        waitForDocument();
    }

    /**
     * Whether an element of the previous page is gone. Chromium answers either "stale element" or, while the new
     * document replaces the old one, "node does not belong to the document": both mean the page was replaced.
     */
    static boolean isGone(WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (org.openqa.selenium.StaleElementReferenceException e) {
            return true;
        } catch (org.openqa.selenium.WebDriverException e) {
            if (e.getMessage() != null && e.getMessage().contains("does not belong to the document")) {
                return true;
            }
            throw e;
        }
    }

    void clickAndLoad(By by) {
        clickAndLoad(visible(by));
    }

    // ------------------------------------------------------------------ PrimeFaces ajax

    /** Runs an action that certainly sends one PrimeFaces ajax request and waits until it and every queued one are done. */
    void ajax(Runnable action) {
        js("window.__hmAjaxDone = false; $(document).one('pfAjaxComplete', function () { window.__hmAjaxDone = true; });");
        action.run();
        wait.until(d -> Boolean.TRUE.equals(js("return window.__hmAjaxDone === true && PrimeFaces.ajax.Queue.isEmpty() && $.active === 0;")));
    }

    /** After an action that may or may not send ajax (a blur whose value may be unchanged): wait until nothing is in flight. */
    void ajaxIdle() {
        wait.until(d -> Boolean.TRUE.equals(js("return PrimeFaces.ajax.Queue.isEmpty() && $.active === 0;")));
    }

    void waitForAnimations() {
        wait.until(d -> Boolean.TRUE.equals(js("return window.jQuery ? jQuery(':animated').length === 0 : true;")));
    }

    // ------------------------------------------------------------------ elements

    WebElement visible(By by) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    WebElement present(By by) {
        return wait.until(ExpectedConditions.presenceOfElementLocated(by));
    }

    static By id(String id) {
        return By.id(id);
    }

    static By idEnds(String suffix) {
        return By.cssSelector("[id$='" + suffix + "']");
    }

    void type(By by, String text) {
        WebElement e = visible(by);
        e.clear();
        e.sendKeys(text);
    }

    /**
     * Types into a p:inputNumber's visible field (select all, type, leave with Tab) and waits for any ajax its change
     * behaviour sends (none when the value did not change). No Escape: AutoNumeric would undo the edit.
     */
    void typeNumber(By by, String digits) {
        WebElement e = visible(by);
        e.click();
        e.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        e.sendKeys(digits);
        e.sendKeys(Keys.TAB);
        ajaxIdle();
    }

    /**
     * Types a yyyy-MM-dd date into a p:datePicker's input as a keyboard user does. The pickers open their popup
     * only from the calendar button (showOnFocus="false"), so typing goes straight into the field; should a popup
     * be open anyway, Escape closes it first.
     */
    void typeDate(By by, String isoDate) {
        WebElement e = visible(by);
        String panelId = e.getDomAttribute("id").replaceFirst("_input$", "_panel");
        e.click();
        if (Boolean.TRUE.equals(js("var p = document.getElementById(arguments[0]); return !!p && jQuery(p).is(':visible');", panelId))) {
            driver.switchTo().activeElement().sendKeys(Keys.ESCAPE);
            wait.until(d -> !Boolean.TRUE.equals(js("return jQuery(document.getElementById(arguments[0])).is(':visible');", panelId)));
            e.click();
        }
        if (!e.getDomProperty("value").isEmpty()) {
            e.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        }
        e.sendKeys(isoDate);
        wait.until(d -> isoDate.equals(e.getDomProperty("value")));
    }

    String value(By by) {
        return present(by).getDomProperty("value");
    }

    /**
     * Chooses an item of a p:selectOneMenu by its visible label, the way a user does: open the menu, click the item.
     *
     * @param ajaxExpected the menu has a p:ajax change behaviour (then waits for the round trip when the value changes)
     */
    void choose(By menu, String label, boolean ajaxExpected) {
        WebElement m = visible(menu);
        String menuId = m.getDomAttribute("id");
        WebElement current = driver.findElement(By.id(menuId + "_label"));
        if (label.equals(current.getText().trim())) {
            return;
        }
        m.click();
        WebElement panel = visible(By.id(menuId + "_panel"));
        // the panel slides open: a click on an item while it still moves can be lost
        waitForAnimations();
        WebElement item = null;
        for (WebElement li : panel.findElements(By.cssSelector("li.ui-selectonemenu-item"))) {
            if (label.equals(li.getDomAttribute("data-label")) || label.equals(li.getText().trim())) {
                item = li;
                break;
            }
        }
        if (item == null) {
            List<String> labels = panel.findElements(By.cssSelector("li.ui-selectonemenu-item")).stream()
                    .map(li -> li.getDomAttribute("data-label")).toList();
            throw new AssertionError("menu " + menuId + " has no item '" + label + "'; items: " + labels);
        }
        WebElement chosen = item;
        if (ajaxExpected) {
            ajax(() -> clickItem(chosen, menuId));
        } else {
            clickItem(chosen, menuId);
        }
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id(menuId + "_panel")));
        waitForAnimations();
        wait.until(d -> label.equals(d.findElement(By.id(menuId + "_label")).getText().trim()));
    }

    /** Clicks a menu item; when the panel is still open after a few seconds, the click was lost: once more. */
    private void clickItem(WebElement item, String menuId) {
        item.click();
        try {
            new WebDriverWait(driver, java.time.Duration.ofSeconds(5))
                    .until(ExpectedConditions.invisibilityOfElementLocated(By.id(menuId + "_panel")));
        } catch (org.openqa.selenium.TimeoutException e) {
            if (item.isDisplayed()) {
                item.click();
            }
        }
    }

    /**
     * The texts of the shown messages with the given style class (ui-messages-error, ui-messages-info). PrimeFaces
     * also renders empty, hidden containers. Read in one script, so an ajax update cannot replace an element
     * between finding and reading it.
     */
    @SuppressWarnings("unchecked")
    java.util.List<String> messages(String styleClass) {
        Object texts = js("return Array.from(document.querySelectorAll('.' + arguments[0]))"
                + ".filter(e => e.getClientRects().length > 0).map(e => e.innerText.trim()).filter(t => t.length > 0);", styleClass);
        return texts == null ? java.util.List.of() : java.util.List.copyOf((java.util.List<String>) texts);
    }

    Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    String pageSource() {
        return driver.getPageSource();
    }

    String bodyText() {
        return driver.findElement(By.tagName("body")).getText();
    }

    // ------------------------------------------------------------------ users

    void login(String user) {
        open("login.xhtml");
        type(id("loginForm:username"), user);
        type(id("loginForm:password"), PASSWORD);
        clickAndLoad(id("loginForm:login"));
        wait.until(d -> path().endsWith("/inbox.xhtml"));
        visible(id("inboxForm:tasks"));
    }

    void logout() {
        clickAndLoad(id("headerForm:logout"));
        wait.until(d -> path().endsWith("/login.xhtml"));
    }

    // ------------------------------------------------------------------ screenshots

    static Path screenshotDir() {
        return Path.of(System.getProperty("huimin.build.dir", "target"), "screenshots");
    }

    /** Saves a PNG of the current page as target/screenshots/&lt;session&gt;-&lt;step&gt;.png. */
    Path screenshot(String step) {
        try {
            waitForAnimations();
        } catch (RuntimeException ignored) {
            // a screenshot of a page that does not settle is still useful
        }
        try {
            Path dir = screenshotDir();
            Files.createDirectories(dir);
            Path target = dir.resolve(name + "-" + step + ".png");
            File png = driver.getScreenshotAs(OutputType.FILE);
            Files.move(png.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** On a failure: the screenshot and the page's HTML, next to each other. */
    void failureEvidence(String test) {
        try {
            Path png = screenshot("FAILED-" + test);
            Files.writeString(png.resolveSibling(png.getFileName().toString().replace(".png", ".html")),
                    driver.getCurrentUrl() + "\n" + driver.getPageSource(), StandardCharsets.UTF_8);
        } catch (RuntimeException | IOException e) {
            System.err.println("no failure screenshot for " + name + ": " + e);
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            service.stop();
            deleteTree(profile);
        }
    }

    private static void deleteTree(Path p) {
        if (!Files.exists(p)) {
            return;
        }
        try (var s = Files.walk(p)) {
            s.sorted(java.util.Comparator.reverseOrder()).forEach(x -> x.toFile().delete());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
