package org.iamlab.engine.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

/**
 * The HTML view in a real browser (Debian's headless Chromium, driven over the DevTools protocol): three traces
 * (allowed, explicit deny, cross-account implicit deny) rendered at 900 and 320 CSS pixels wide, with a
 * screenshot of each in {@code target/trace-screenshots/}. Nothing may overflow the width, the flow diagram's
 * words must fit their boxes and stay legible, and the rendered text must say what the trace says. Also: the
 * dark palette in a dark colour scheme and in JupyterLab's dark theme.
 *
 * <p>Without Chromium the tests are skipped with the reason printed; with {@code CI=true} they fail instead.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BrowserRenderingTests {

    static final Path OUT = Path.of("target/trace-screenshots");
    private static final List<Integer> WIDTHS = List.of(900, 320);

    /** What each trace must show, as rendered text (HTML text, then the flow diagram's SVG text). */
    private static final Map<String, List<String>> SHOWS = Map.of(
            "allowed", List.of("Allowed", "allowed by statement ReadLogObjects in identity-based policy ReadLogs",
                    "aws:SourceIp 203.0.113.7 is in 203.0.113.0/24", "\u2713 ReadLogObjects applies: allows",
                    "What would change the answer", "Remove statement ReadLogObjects from identity-based policy ReadLogs",
                    "then: ImplicitlyDenied"),
            "explicit-deny", List.of("Explicitly denied",
                    "statement NoDeleteWithoutMfa in identity-based policy ProtectAudit denies it",
                    "aws:MultiFactorAuthPresent is false, as the policy asks",
                    "\u2715 NoDeleteWithoutMfa applies: denies",
                    "Remove statement NoDeleteWithoutMfa from identity-based policy ProtectAudit",
                    "Send aws:MultiFactorAuthPresent = true", "then: Allowed"),
            "cross-account-implicit-deny", List.of("Implicitly denied", "cross-account",
                    "Caller's account 111122223333", "\u2713 allows", "Resource's account 444455556666",
                    "\u2298 does not allow", "aws:SourceIp 198.51.100.23 is not in 203.0.113.0/24", "\u2717 fails",
                    "Send aws:SourceIp = 203.0.113.1"));
    private static final Map<String, List<String>> FLOW_SHOWS = Map.of(
            "allowed", List.of("1. Explicit deny check", "\u2013 skipped \u2014 no organization",
                    "\u2713 pass \u2014 the permissions boundary allows the request", "Decision: Allowed"),
            "explicit-deny", List.of("\u2715 deny \u2014 statement NoDeleteWithoutMfa", "\u2013 not reached",
                    "Decision: ExplicitlyDenied"),
            "cross-account-implicit-deny", List.of("\u2298 no allow \u2014 no statement of the resource-based policy",
                    "Decision: ImplicitlyDenied"));

    private static final String MEASURE = """
            (() => {
              const width = document.documentElement.clientWidth;
              const overflowing = [];
              for (const el of document.querySelectorAll('body *')) {
                const r = el.getBoundingClientRect();
                if (r.width > 0 && (r.right > width + 0.5 || r.left < -0.5)) {
                  overflowing.push(el.tagName.toLowerCase() + '.' + (el.getAttribute('class') || '')
                      + ' [' + Math.round(r.left) + ', ' + Math.round(r.right) + ']');
                }
                if (el instanceof HTMLElement && el.clientWidth > 0 && el.scrollWidth > el.clientWidth + 1
                    && getComputedStyle(el).overflowX !== 'visible') {
                  overflowing.push('scrolls inside: ' + el.tagName.toLowerCase() + '.' + el.className);
                }
              }
              const svg = document.querySelector('.iam-flow svg');
              const textOutsideItsBox = [];
              for (const g of svg.querySelectorAll('g')) {
                const box = g.querySelector('rect').getBBox();
                for (const t of g.querySelectorAll('text')) {
                  const b = t.getBBox();
                  if (b.x + b.width > box.x + box.width - 2) textOutsideItsBox.push(t.textContent);
                }
              }
              return {width, scrollWidth: document.documentElement.scrollWidth, overflowing: overflowing.slice(0, 10),
                      text: document.body.innerText, textOutsideItsBox,
                      flowText: [...svg.querySelectorAll('text')].map(t => t.querySelector('tspan')
                          ? [...t.querySelectorAll('tspan')].map(s => s.textContent).join(' ') : t.textContent)
                          .join(' | '),
                      flowFontPx: 12.5 * svg.getBoundingClientRect().width / svg.viewBox.baseVal.width};
            })()""";

    private Chromium browser;

    @BeforeAll
    void startTheBrowser() throws IOException, InterruptedException {
        Path chromium = Chromium.executable();
        if (chromium == null) {
            String reason = "Chromium is not installed (/usr/bin/chromium, or set IAMLAB_CHROMIUM): the browser"
                    + " rendering tests of the HTML trace view are SKIPPED. Install it with `apt-get install -y"
                    + " chromium` (.ci/run does).";
            if ("true".equals(System.getenv("CI"))) {
                fail("CI=true: " + reason.replace("are SKIPPED", "cannot run, and CI requires them"));
            }
            System.err.println("WARNING: " + reason);
            Assumptions.abort(reason);
        }
        browser = new Chromium(chromium);
        Files.createDirectories(OUT);
        for (String name : SHOWS.keySet()) {
            Examples.Example e = Examples.load(name);
            Files.writeString(OUT.resolve(name + ".html"),
                    HtmlTraceView.page(List.of(HtmlTraceView.fragment(e.trace(), e.advice()))));
        }
    }

    @AfterAll
    void stopTheBrowser() throws IOException {
        if (browser != null) {
            browser.close();
        }
    }

    @TestFactory
    Stream<DynamicTest> eachTraceFitsAndSaysItsDecisionAt900And320Pixels() {
        return SHOWS.keySet().stream().sorted().flatMap(name -> WIDTHS.stream().map(width ->
                DynamicTest.dynamicTest(name + " at " + width + " px", () -> {
                    browser.emulate(width, 900, "light");
                    browser.open(OUT.resolve(name + ".html").toAbsolutePath());
                    browser.screenshot(OUT.resolve(name + "-" + width + ".png"));
                    JsonNode m = browser.evaluate(MEASURE);
                    assertEquals(width, m.get("width").asInt(), "viewport width");
                    assertTrue(m.get("scrollWidth").asInt() <= width, "page scrolls sideways: " + m.get("scrollWidth"));
                    assertTrue(m.get("overflowing").isEmpty(), "elements past the edge: " + m.get("overflowing"));
                    assertTrue(m.get("textOutsideItsBox").isEmpty(), "flow text past its box: "
                            + m.get("textOutsideItsBox"));
                    assertTrue(m.get("flowFontPx").asDouble() >= 10, "flow text too small to read: "
                            + m.get("flowFontPx"));
                    String text = m.get("text").asText();
                    for (String expected : SHOWS.get(name)) {
                        assertTrue(text.contains(expected), name + " at " + width + " px shows `" + expected + "`:\n"
                                + text);
                    }
                    String flow = m.get("flowText").asText();
                    for (String expected : FLOW_SHOWS.get(name)) {
                        assertTrue(flow.contains(expected), name + " flow shows `" + expected + "`: " + flow);
                    }
                })));
    }

    @Test
    void aDarkColourSchemeGetsTheDarkPaletteWithReadableText() throws InterruptedException {
        browser.emulate(900, 900, "dark");
        browser.open(OUT.resolve("explicit-deny.html").toAbsolutePath());
        JsonNode colours = browser.evaluate(COLOURS);
        assertEquals(rgb(Palette.DARK.get(Palette.BG)), colours.get("card").asText());
        assertReadable(colours);
    }

    @Test
    void jupyterLabsDarkThemeWinsOverALightSystemScheme() throws IOException, InterruptedException {
        Path page = OUT.resolve("jupyter-dark.html");
        Files.writeString(page, Files.readString(OUT.resolve("cross-account-implicit-deny.html"))
                .replace("<body>", "<body data-jp-theme-light=\"false\">"));
        browser.emulate(900, 900, "light");
        browser.open(page.toAbsolutePath());
        JsonNode colours = browser.evaluate(COLOURS);
        assertEquals(rgb(Palette.DARK.get(Palette.BG)), colours.get("card").asText());
        assertReadable(colours);
    }

    @Test
    void aLightSchemeGetsTheLightPalette() throws InterruptedException {
        browser.emulate(900, 900, "light");
        browser.open(OUT.resolve("allowed.html").toAbsolutePath());
        JsonNode colours = browser.evaluate(COLOURS);
        assertEquals(rgb(Palette.LIGHT.get(Palette.BG)), colours.get("card").asText());
        assertReadable(colours);
    }

    /**
     * The flow diagram's step titles are drawn as large as the text around them, whatever the page's root font
     * size: 16 px in a plain page and JupyterLab, 10 px in classic Notebook 6 (whose stylesheet sets
     * {@code html {font-size: 10px}}, which once shrank a {@code rem}-sized diagram to 70 %).
     */
    @Test
    void theFlowDiagramsTextIsAsLargeAsTheTextAroundItWhateverTheRootFontSize() throws IOException,
            InterruptedException {
        for (String root : List.of("16px", "10px")) {
            Path page = OUT.resolve("root-font-" + root + ".html");
            Files.writeString(page, Files.readString(OUT.resolve("allowed.html"))
                    .replace("</style></head>", "html{font-size:" + root + "}</style></head>"));
            browser.emulate(900, 900, "light");
            browser.open(page.toAbsolutePath());
            JsonNode sizes = browser.evaluate(FONT_SIZES);
            double title = sizes.get("titlePx").asDouble();
            double around = sizes.get("aroundPx").asDouble();
            assertEquals(around, title, around * 0.05, "with a root font of " + root + ", the flow's titles are "
                    + title + " px and the text around them " + around + " px");
        }
    }

    /** The rendered size of a flow step's title (its font size times the drawing's scale) and of the view's text. */
    private static final String FONT_SIZES = """
            (() => {
              const svg = document.querySelector('.iam-flow svg');
              const title = svg.querySelector('text.t');
              const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
              return {titlePx: parseFloat(title.getAttribute('font-size')) * scale,
                      aroundPx: parseFloat(getComputedStyle(document.querySelector('.iam-req')).fontSize)};
            })()""";

    private static final String COLOURS = """
            (() => {
              const style = s => getComputedStyle(document.querySelector(s));
              return {card: style('.iamlab-trace').backgroundColor,
                      headText: style('.iam-decision').color, headBack: style('.iam-head').backgroundColor,
                      bodyText: style('.iamlab-trace').color,
                      markText: style('.iam-json .mk').color, codeBack: style('.iam-json').backgroundColor};
            })()""";

    private static void assertReadable(JsonNode c) {
        assertContrast(c.get("headText").asText(), c.get("headBack").asText(), "decision headline");
        assertContrast(c.get("bodyText").asText(), c.get("card").asText(), "body text");
        assertContrast(c.get("markText").asText(), c.get("codeBack").asText(), "match mark on policy JSON");
    }

    private static void assertContrast(String fg, String bg, String what) {
        double ratio = PaletteTests.contrast(hex(fg), hex(bg));
        assertTrue(ratio >= 4.5, what + ": " + fg + " on " + bg + " has contrast " + ratio);
    }

    /** {@code #0d1117} as the browser reports it, {@code rgb(13, 17, 23)}. */
    private static String rgb(String hex) {
        int v = Integer.parseInt(hex.substring(1), 16);
        return "rgb(" + (v >> 16 & 255) + ", " + (v >> 8 & 255) + ", " + (v & 255) + ")";
    }

    private static String hex(String rgb) {
        String[] parts = rgb.replaceAll("[^0-9,]", "").split(",");
        return String.format("#%02x%02x%02x", Integer.parseInt(parts[0]), Integer.parseInt(parts[1]),
                Integer.parseInt(parts[2]));
    }
}
