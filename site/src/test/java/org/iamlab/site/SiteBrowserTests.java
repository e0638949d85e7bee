package org.iamlab.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.iamlab.engine.render.Chromium;
import org.iamlab.lessons.check.Checker;
import org.iamlab.lessons.format.Catalog;
import org.iamlab.lessons.model.Exercise;
import org.iamlab.lessons.render.FeedbackView;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

/**
 * The built site in a real browser (Debian's headless Chromium over the DevTools protocol, with the engine's
 * {@link Chromium}), opened from {@code file://}: every page at 1280 and 375 px without a console error or
 * sideways scrolling (screenshots in {@code target/site-screenshots/}), previous/next, search, the solution
 * toggle, the practice questions, the theme switch and the colours' contrast.
 *
 * <p>Without Chromium the tests are skipped with the reason printed; with {@code CI=true} they fail instead.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SiteBrowserTests {

    static final Path SHOTS = Path.of("target/site-screenshots");
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private Chromium browser;
    private Path site;

    @BeforeAll
    void buildTheSiteAndStartTheBrowser() throws IOException, InterruptedException {
        Path chromium = Chromium.executable();
        if (chromium == null) {
            String reason = "Chromium is not installed (/usr/bin/chromium, or set IAMLAB_CHROMIUM): the course"
                    + " site's browser tests are SKIPPED. Install it with `apt-get install -y chromium` (.ci/run"
                    + " does).";
            if ("true".equals(System.getenv("CI"))) {
                fail("CI=true: " + reason.replace("are SKIPPED", "cannot run, and CI requires them"));
            }
            System.err.println("WARNING: " + reason);
            Assumptions.abort(reason);
        }
        site = TestSites.instructor().dir();
        browser = new Chromium(chromium);
        browser.watchConsole();
        Files.createDirectories(SHOTS);
    }

    @AfterAll
    void stopTheBrowser() throws IOException {
        if (browser != null) {
            browser.close();
        }
    }

    private void open(String page, int width) throws InterruptedException {
        browser.emulate(width, 900, "light");
        browser.open(site.resolve(page));
    }

    @TestFactory
    Stream<DynamicTest> everyPageLoadsWithoutAConsoleErrorAndFitsAt1280And375Pixels() throws IOException {
        List<String> pages;
        try (Stream<Path> files = Files.list(site)) {
            pages = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".html")).sorted().toList();
        }
        return pages.stream().flatMap(page -> Stream.of(1280, 375).map(width ->
                DynamicTest.dynamicTest(page + " at " + width + " px", () -> {
                    browser.takeConsoleErrors();
                    open(page, width);
                    browser.screenshot(SHOTS.resolve(page.replace(".html", "") + "-" + width + ".png"));
                    assertEquals(List.of(), browser.takeConsoleErrors(), page + " logs errors");
                    JsonNode m = browser.evaluate("({w: document.documentElement.clientWidth,"
                            + " sw: document.documentElement.scrollWidth, title: document.title,"
                            + " nav: getComputedStyle(document.getElementById('nav')).display})");
                    assertTrue(m.get("sw").asInt() <= m.get("w").asInt(), page + " scrolls sideways at " + width
                            + " px: " + m);
                    assertFalse(m.get("title").asText().isBlank());
                    assertEquals(width == 375 ? "none" : "block", m.get("nav").asText(),
                            "the lesson list is a menu on a phone");
                })));
    }

    @Test
    void nextAndPreviousLeadFromLessonToLesson() throws InterruptedException {
        open("01-basics.html", 1280);
        assertEquals("", browser.evaluate("document.querySelector('.pager .previous')?.href || ''").asText());
        browser.evaluate("document.querySelector('.pager .next').click()");
        awaitPage("02-cross-account.html");
        assertEquals("Across accounts", browser.evaluate("document.querySelector('main h1').textContent").asText());
        assertEquals("page", browser.evaluate(
                "document.querySelector('#nav a[href=\"02-cross-account.html\"]').getAttribute('aria-current')")
                .asText());
        browser.evaluate("document.querySelector('.pager .previous').click()");
        awaitPage("01-basics.html");
    }

    @Test
    void theMenuButtonOpensTheLessonListOnAPhone() throws InterruptedException {
        open("index.html", 375);
        browser.evaluate("document.querySelector('button.menu').click()");
        assertEquals("block", browser.evaluate("getComputedStyle(document.getElementById('nav')).display").asText());
        assertEquals("true", browser.evaluate("document.querySelector('button.menu').getAttribute('aria-expanded')")
                .asText());
    }

    @Test
    void searchFindsExternalIdOnTheCrossAccountLesson() throws InterruptedException {
        open("index.html", 1280);
        JsonNode links = browser.evaluate("""
                (() => {
                  const q = document.getElementById('search');
                  q.value = 'ExternalId';
                  q.dispatchEvent(new Event('input'));
                  return [...document.querySelectorAll('#search-results a')].map(a => a.getAttribute('href'));
                })()""");
        assertTrue(links.size() >= 1, links.toString());
        assertTrue(links.get(0).asText().startsWith("02-cross-account.html"), links.toString());
        assertFalse(browser.evaluate("document.getElementById('search-results').hidden").asBoolean());
        JsonNode none = browser.evaluate("""
                (() => {
                  const q = document.getElementById('search');
                  q.value = 'zzzunknownword';
                  q.dispatchEvent(new Event('input'));
                  return document.getElementById('search-results').textContent;
                })()""");
        assertTrue(none.asText().contains("Nothing found"), none.asText());
    }

    @Test
    void theSolutionOpensAndClosesFromTheKeyboardAndTheMouse() throws InterruptedException {
        open("02-cross-account.html", 1280);
        assertFalse(browser.evaluate("document.querySelector('details.solution').open").asBoolean());
        String visible = "document.querySelector('details.solution .listingblock').checkVisibility()";
        assertFalse(browser.evaluate(visible).asBoolean(), "the folded solution is hidden");
        browser.evaluate("document.querySelector('details.solution summary').click()");
        assertTrue(browser.evaluate("document.querySelector('details.solution').open").asBoolean());
        assertTrue(browser.evaluate(visible).asBoolean(), "the unfolded solution shows");
        assertTrue(browser.evaluate("document.querySelector('details.solution summary').tabIndex >= 0")
                .asBoolean(), "the toggle can be reached with Tab");
    }

    @Test
    void aPracticeQuestionMarksAWrongAndThenARightAnswerAndExplains() throws InterruptedException {
        open("practice.html", 1280);
        String answer = """
                (() => {
                  const form = document.querySelector('form.question');
                  form.querySelector('input[value="%s"]').checked = true;
                  form.requestSubmit();
                  return {verdict: form.querySelector('.verdict').className, text: form.querySelector('.verdict').textContent,
                          marked: form.querySelector('input:checked').parentNode.className,
                          explained: !form.querySelector('.explanation').hidden};
                })()""";
        JsonNode wrong = browser.evaluate(answer.formatted("B"));
        assertEquals("verdict wrong", wrong.get("verdict").asText());
        assertEquals("option wrong", wrong.get("marked").asText());
        assertTrue(wrong.get("text").asText().contains("B: Nothing keeps carol from the secrets. With this change,"
                + " carol cannot read a secret fails: IAM decides Allowed"), wrong.toString());
        browser.evaluate("document.querySelector('form.question input[value=\"B\"]').checked = false");
        JsonNode right = browser.evaluate(answer.formatted("A"));
        assertEquals("verdict right", right.get("verdict").asText());
        assertEquals("option right", right.get("marked").asText());
        assertTrue(right.get("explained").asBoolean());
        assertTrue(browser.takeConsoleErrors().isEmpty());
    }

    @Test
    void theThemeSwitchTurnsThePageAndItsTracesDarkAndTextKeepsAaContrastInBothThemes() throws InterruptedException {
        open("01-basics.html", 1280);
        assertContrast("light");
        browser.evaluate("document.querySelector('button.theme').click()");
        assertEquals("dark", browser.evaluate("document.documentElement.dataset.theme").asText());
        assertEquals("true", browser.evaluate("document.querySelector('button.theme').getAttribute('aria-pressed')")
                .asText());
        assertContrast("dark");
        JsonNode trace = browser.evaluate("getComputedStyle(document.querySelector('.iamlab-trace')).backgroundColor");
        assertTrue(luminance(trace.asText()) < 0.1, "the trace follows the dark theme: " + trace);
        browser.evaluate("document.querySelector('button.theme').click()");
    }

    @Test
    void aChecksFeedbackKeepsAaContrastInTheDarkTheme() throws Exception {
        String yaml = Files.readString(TestSites.COURSE.resolve("bank.yaml"));
        Exercise question = Catalog.of(java.util.Map.of("bank/test.yaml", yaml)).get("t-no-policy");
        Checker checker = new Checker();
        String html = FeedbackView.html(checker.answer(question, "Allowed"))
                + FeedbackView.html(checker.answer(question, "ImplicitlyDenied"));
        open("01-basics.html", 1280);
        browser.evaluate("document.querySelector('main').insertAdjacentHTML('beforeend', "
                + MAPPER.writeValueAsString(html) + ")");
        browser.evaluate("document.querySelector('button.theme').click()");
        assertEquals("dark", browser.evaluate("document.documentElement.dataset.theme").asText());
        JsonNode colours = browser.evaluate("""
                [...document.querySelectorAll('.iamlab-check span[style*="color"]')]
                    .map(e => e.textContent + '=' + getComputedStyle(e).color)""");
        String bg = browser.evaluate("getComputedStyle(document.body).backgroundColor").asText();
        assertTrue(colours.size() >= 4, colours.toString());
        for (JsonNode c : colours) {
            String colour = c.asText().substring(c.asText().indexOf('=') + 1);
            double ratio = contrast(colour, bg);
            assertTrue(ratio >= 4.5, c.asText() + " on " + bg + ": " + ratio);
        }
        browser.evaluate("document.querySelector('button.theme').click()");
    }

    private void assertContrast(String theme) {
        JsonNode c = browser.evaluate("""
                (() => {
                  const s = sel => getComputedStyle(document.querySelector(sel));
                  return {bg: s('body').backgroundColor, text: s('main p').color, link: s('main a').color,
                          muted: s('.pager .dir').color, code: s('main pre').backgroundColor,
                          keyword: s('.highlight .s1, .highlight .s2, .highlight .s').color};
                })()""");
        for (String fg : List.of("text", "link", "muted")) {
            double ratio = contrast(c.get(fg).asText(), c.get("bg").asText());
            assertTrue(ratio >= 4.5, theme + " " + fg + " " + c.get(fg) + " on " + c.get("bg") + ": " + ratio);
        }
        double code = contrast(c.get("keyword").asText(), c.get("code").asText());
        assertTrue(code >= 4.5, theme + " highlighted string on code background: " + code);
    }

    @Test
    void aPageServedByServeReloadsItselfWhenTheSiteIsBuiltAgain() throws Exception {
        AtomicLong builds = new AtomicLong(1);
        try (SiteServer server = SiteServer.start(site, 0, builds::get)) {
            browser.takeConsoleErrors();
            browser.emulate(1280, 900, "light");
            browser.send("Page.navigate", Map.of("url", server.uri() + "01-basics.html"));
            awaitPage("01-basics.html");
            browser.evaluate("window.beforeTheBuild = true");
            Thread.sleep(1500);
            assertEquals("true", browser.evaluate("String(window.beforeTheBuild)").asText(),
                    "no reload while nothing was built");
            builds.incrementAndGet();
            for (int i = 0; i < 200 && browser.evaluate("String(window.beforeTheBuild)").asText().equals("true");
                    i++) {
                Thread.sleep(50);
            }
            awaitPage("01-basics.html");
            assertEquals("undefined", browser.evaluate("String(window.beforeTheBuild)").asText(),
                    "the page reloaded after the build");
            assertEquals(List.of(), browser.takeConsoleErrors());
        }
    }

    private void awaitPage(String page) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            if (browser.evaluate("location.pathname").asText().endsWith("/" + page)
                    && "complete".equals(browser.evaluate("document.readyState").asText())) {
                return;
            }
            Thread.sleep(50);
        }
        fail("did not reach " + page + ": " + browser.evaluate("location.href").asText());
    }

    /** WCAG's contrast ratio of two CSS colours {@code rgb(r, g, b)}. */
    static double contrast(String a, String b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    static double luminance(String rgb) {
        String[] parts = rgb.replaceAll("[^0-9,.]", "").split(",");
        double[] c = new double[3];
        for (int i = 0; i < 3; i++) {
            double v = Double.parseDouble(parts[i]) / 255;
            c[i] = v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
        }
        return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
    }
}
