package io.echostack.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import io.echostack.testsupport.FreePorts;
import io.echostack.testsupport.TestPostgres;
import io.echostack.testsupport.TestRedis;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The admin page in Debian's Chromium (Playwright, no browser download) against the three packaged services: two
 * admins logged in in two browser contexts; what one creates reaches the other's page as a toast with new counters.
 * Also a page that loads socket.io's client from echo-server, as laravel-echo-server's README has pages do.
 * Screenshots go to target/screenshots.
 */
class AdminPageBrowserTest {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path SCREENSHOTS = Path.of("target/screenshots");
    private static final double DELIVERY_MS = 2000;
    private static final String SECOND_ADMIN = "second@example.com";

    private static EchoStack stack;
    private static Playwright playwright;
    private static Browser browser;
    private BrowserContext contextA;
    private BrowserContext contextB;

    @BeforeAll
    static void startStackAndBrowser() throws Exception {
        TestRedis redis = TestRedis.get();
        TestPostgres postgres = TestPostgres.get();
        Path module = Path.of("").toAbsolutePath();
        stack = EchoStack.start(new StackConfig(module.getParent(), module.resolve("target/e2e-browser-run"),
                redis.host(), redis.port(), postgres.jdbcUrl(), postgres.username(), postgres.password(),
                FreePorts.next(), FreePorts.next(), FreePorts.next()));
        addSecondAdmin(postgres);
        playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(CHROMIUM).setHeadless(true));
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterAll
    static void stopAll() {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
        if (stack != null) {
            stack.close();
        }
    }

    @BeforeEach
    void openContexts() {
        contextA = browser.newContext();
        contextB = browser.newContext();
    }

    @AfterEach
    void closeContexts() {
        contextA.close();
        contextB.close();
    }

    @Test
    void aPageLoadsTheSocketIoClientFromEchoServerAndConnectsWithIt() {
        String echo = stack.config().echoUrl();
        Page page = contextA.newPage();
        // A page of another origin, as an app's page is to its echo-server.
        page.navigate(stack.config().apiUrl() + "/admin");
        page.addScriptTag(new Page.AddScriptTagOptions().setUrl(echo + "/socket.io/socket.io.js"));

        for (String options : new String[] {"{}", "{transports: ['websocket']}"}) {
            Object socketId = page.evaluate("url => new Promise((resolve, reject) => {"
                    + " const socket = io(url, Object.assign({forceNew: true}, " + options + "));"
                    + " socket.on('connect', () => resolve(socket.id));"
                    + " socket.on('connect_error', error => reject(new Error('connect_error: ' + error)));"
                    + " setTimeout(() => reject(new Error('no connection')), 5000); })", echo);

            org.assertj.core.api.Assertions.assertThat((String) socketId).as(options).isNotBlank();
        }
    }

    @Test
    void aPosterCreatedByAShowsUpAtBWithinTwoSecondsButNotAtA() throws Exception {
        Page a = logIn(contextA, EchoStack.ADMIN_EMAIL);
        Page b = logIn(contextB, SECOND_ADMIN);
        awaitSubscribed(a, b);
        int total = Integer.parseInt(b.locator("#total").textContent());
        int month = Integer.parseInt(b.locator("#month").textContent());

        String title = "browser " + UUID.randomUUID().toString().substring(0, 8);
        a.locator("#title").fill(title);
        a.locator("#save").click();

        String message = "海报☆" + title + "☆已新增!";
        assertThat(b.locator(".toast", new Page.LocatorOptions().setHasText(message)))
                .isVisible(new LocatorAssertions.IsVisibleOptions().setTimeout(DELIVERY_MS));
        assertThat(b.locator("#total")).hasText(Integer.toString(total + 1),
                new LocatorAssertions.HasTextOptions().setTimeout(DELIVERY_MS));
        assertThat(b.locator("#month")).hasText(Integer.toString(month + 1));
        assertThat(b.locator("#rows tr").first()).containsText(title);
        // A's own change went out with A's X-Socket-ID (toOthers): A's table updates, but no toast arrives.
        assertThat(a.locator("#rows tr").first()).containsText(title);
        a.waitForTimeout(DELIVERY_MS);
        assertThat(a.locator(".toast", new Page.LocatorOptions().setHasText(message))).hasCount(0);
        b.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("admin-b-toast.png")).setFullPage(true));
        a.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("admin-a-no-toast.png")));
    }

    @Test
    void editsAndDeletesThroughThePage() {
        Page a = logIn(contextA, EchoStack.ADMIN_EMAIL);
        String title = "edit me " + UUID.randomUUID().toString().substring(0, 8);
        a.locator("#title").fill(title);
        a.locator("#save").click();
        Locator row = a.locator("#rows tr", new Page.LocatorOptions().setHasText(title));
        button(row, "Edit").click();
        assertThat(a.locator("#title")).hasValue(title);
        a.locator("#title").fill(title + " v2");
        a.locator("#save").click();
        Locator edited = a.locator("#rows tr", new Page.LocatorOptions().setHasText(title + " v2"));
        assertThat(edited).hasCount(1);
        a.onDialog(dialog -> dialog.accept());
        button(edited, "Delete").click();
        assertThat(edited).hasCount(0);
    }

    @Test
    void aDeepLinkOpensThePosterOrSaysItIsGone() {
        Page a = logIn(contextA, EchoStack.ADMIN_EMAIL);
        String title = "deep link " + UUID.randomUUID().toString().substring(0, 8);
        a.locator("#title").fill(title);
        a.locator("#save").click();
        Locator row = a.locator("#rows tr", new Page.LocatorOptions().setHasText(title));
        assertThat(row).hasCount(1);
        String id = row.getAttribute("data-id");
        String link = stack.config().apiUrl() + "/admin/posters/" + id + "/edit";   // the url every broadcast carries

        a.navigate(link);
        assertThat(a.locator("#title")).hasValue(title);
        assertThat(a.locator("#save")).hasText("Save #" + id);

        a.locator("#cancel").click();
        a.onDialog(dialog -> dialog.accept());
        button(a.locator("#rows tr", new Page.LocatorOptions().setHasText(title)), "Delete").click();
        assertThat(a.locator("#rows tr", new Page.LocatorOptions().setHasText(title))).hasCount(0);
        a.navigate(link);   // the link of the 已删除 toast
        assertThat(a.locator("#form-error")).hasText("Poster " + id + " not found.");
        assertThat(a.locator("#save")).hasText("Create");
    }

    @Test
    void theOwnerIsToldPrivatelyWhenAnotherAdminEditsTheirPoster() throws Exception {
        Page a = logIn(contextA, EchoStack.ADMIN_EMAIL);
        Page b = logIn(contextB, SECOND_ADMIN);
        awaitSubscribed(a, b);
        String title = "owned " + UUID.randomUUID().toString().substring(0, 8);
        a.locator("#title").fill(title);
        a.locator("#save").click();

        Locator row = b.locator("#rows tr", new Page.LocatorOptions().setHasText(title));
        button(row, "Edit").click();
        assertThat(b.locator("#title")).hasValue(title);
        b.locator("#title").fill(title + " edited");
        b.locator("#save").click();

        // private-App.Models.User.<A's id>, authorized by echo-server through /broadcasting/auth
        assertThat(a.locator(".toast.note")).containsText("海报☆" + title + " edited☆已更新! (Second Admin)");
        assertThat(a.locator(".toast", new Page.LocatorOptions().setHasText("☆已更新!")).first()).isVisible();
    }

    @Test
    void theQueuePageShowsWhatTheWorkerProcessedAndFailedPerMinute() throws Exception {
        Page a = logIn(contextA, EchoStack.ADMIN_EMAIL);
        createPoster("counted " + UUID.randomUUID().toString().substring(0, 8));
        pushUnrunnableJob();
        a.locator("a[href='#queue']").click();

        assertThat(a.locator("#queue-sizes tr").first()).containsText("default");
        // the page reloads by itself every 5 s: the worker's counters show up without a click
        LocatorAssertions.HasTextOptions soon = new LocatorAssertions.HasTextOptions().setTimeout(15_000);
        Locator unrunnable = a.locator("#failed-rows tr", new Page.LocatorOptions().setHasText("(payload is not JSON)"));
        assertThat(unrunnable).hasCount(1, new LocatorAssertions.HasCountOptions().setTimeout(15_000));
        assertThat(a.locator("#failed-hour")).not().hasText("0", soon);
        assertThat(a.locator("#processed-hour")).not().hasText("0", soon);
        Locator bars = a.locator("#throughput-chart g");
        assertThat(bars).hasCount(60);
        Object charted = bars.evaluateAll("bars => [bars.reduce((n, b) => n + Number(b.dataset.processed), 0),"
                + " bars.reduce((n, b) => n + Number(b.dataset.failed), 0)].join('/')");
        org.assertj.core.api.Assertions.assertThat(charted)
                .isEqualTo(a.locator("#processed-hour").textContent() + "/" + a.locator("#failed-hour").textContent());
        a.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("admin-queue.png")).setFullPage(true));

        button(unrunnable, "Forget").click();
        assertThat(unrunnable).hasCount(0);
    }

    @Test
    void theLoginFormSaysWhenTooManyAttemptsLockedItOut() {
        Page page = contextA.newPage();
        page.navigate(stack.config().apiUrl() + "/admin");
        String email = "guesser-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        page.locator("#email").fill(email);
        page.locator("#password").fill("wrong");
        for (int attempt = 1; attempt <= 5; attempt++) {
            page.locator("#login-button").click();
            assertThat(page.locator("#login-error")).hasText("These credentials do not match our records.");
            page.evaluate("document.getElementById('login-error').textContent = ''");
        }
        page.locator("#login-button").click();

        assertThat(page.locator("#login-error")).hasText(
                Pattern.compile("Too many login attempts\\. Please try again in \\d+ seconds\\."));
        assertThat(page.locator("#app")).isHidden();
    }

    @Test
    void bothAdminsAppearInTheOnlinePanel() {
        Page a = logIn(contextA, EchoStack.ADMIN_EMAIL);
        Page b = logIn(contextB, SECOND_ADMIN);

        for (Page page : new Page[] {a, b}) {
            assertThat(page.locator("#online li", new Page.LocatorOptions().setHasText("Admin")).first()).isVisible();
            assertThat(page.locator("#online li", new Page.LocatorOptions().setHasText("Second Admin"))).isVisible();
        }
        b.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("admin-online.png")));
    }

    private static Locator button(Locator row, String label) {
        return row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName(label).setExact(true));
    }

    private Page logIn(BrowserContext context, String email) {
        Page page = context.newPage();
        page.navigate(stack.config().apiUrl() + "/admin");
        page.locator("#email").fill(email);
        page.locator("#password").fill(EchoStack.ADMIN_PASSWORD);
        page.locator("#login-button").click();
        assertThat(page.locator("#app")).isVisible();
        // the first page of posters is in: nothing loaded later can overwrite what the test does next
        assertThat(page.locator("#page-info")).containsText("page");
        return page;
    }

    /** A job another producer pushed that no worker can run: queue-worker records it in failed_jobs and counts it. */
    private static void pushUnrunnableJob() {
        RedisClient client = RedisClient.create(TestRedis.get().url());
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            connection.sync().rpush("laravel_database_queues:default", "not json " + UUID.randomUUID());
            connection.sync().rpush("laravel_database_queues:default:notify", "1");
        } finally {
            client.shutdown();
        }
    }

    private void createPoster(String title) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(stack.config().apiUrl() + "/api/posters"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + AdminLogin.token(stack.config().apiUrl()))
                .POST(HttpRequest.BodyPublishers.ofString("{\"title\":\"" + title + "\"}")).build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            throw new IllegalStateException(response.body());
        }
    }

    /** Both pages hear a broadcast sent without a socket id: from then on both are in poster_room. */
    private void awaitSubscribed(Page... pages) throws Exception {
        String probe = "probe " + UUID.randomUUID().toString().substring(0, 8);
        for (int attempt = 0; attempt < 20; attempt++) {
            createPoster(probe);
            pages[0].waitForTimeout(500);
            boolean everyone = true;
            for (Page page : pages) {
                everyone &= page.locator(".toast", new Page.LocatorOptions().setHasText(probe)).count() > 0;
            }
            if (everyone) {
                return;
            }
        }
        throw new AssertionError("the pages never joined poster_room");
    }

    /** A second admin (same password) so the online panel shows two people. */
    private static void addSecondAdmin(TestPostgres postgres) throws Exception {
        try (Connection c = DriverManager.getConnection(postgres.jdbcUrl(), postgres.username(), postgres.password());
             Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO users (name, email, password, is_admin, created_at, updated_at) "
                    + "SELECT 'Second Admin', '" + SECOND_ADMIN + "', password, true, now(), now() FROM users "
                    + "WHERE email = '" + EchoStack.ADMIN_EMAIL + "' ON CONFLICT (email) DO NOTHING");
        }
    }
}
