package org.iamlab.engine.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.iamlab.engine.parse.PolicyWriter;
import org.iamlab.engine.trace.PolicyResult;
import org.iamlab.engine.trace.Trace;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** The HTML view, read back with jsoup: well-formed, self-contained, scoped, and saying what the trace says. */
class HtmlTraceViewTests {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static Element fragment(String name) {
        Examples.Example e = Examples.load(name);
        Document doc = Jsoup.parseBodyFragment(HtmlTraceView.fragment(e.trace(), e.advice()));
        return doc.body().child(0);
    }

    @Nested
    class WellFormed {

        @TestFactory
        Stream<DynamicTest> everyFragmentParsesAsStrictXmlAndAsHtmlWithoutErrors() {
            return Examples.NAMES.stream().map(name -> DynamicTest.dynamicTest(name, () -> {
                Examples.Example e = Examples.load(name);
                String html = HtmlTraceView.fragment(e.trace(), e.advice());
                Parser xml = Parser.xmlParser().setTrackErrors(20);
                Jsoup.parse(html, "", xml);
                assertTrue(xml.getErrors().isEmpty(), () -> name + ": XML errors " + xml.getErrors());
                Parser htmlParser = Parser.htmlParser().setTrackErrors(20);
                Jsoup.parse(HtmlTraceView.page(List.of(html)), "", htmlParser);
                assertTrue(htmlParser.getErrors().isEmpty(), () -> name + ": HTML errors " + htmlParser.getErrors());
            }));
        }

        @Test
        void everyCaseOfTheCorpusRendersAsStrictXmlShowingEachPolicyItself() throws java.io.IOException {
            var reader = new org.iamlab.engine.simulation.ScenarioReader();
            int rendered = 0;
            for (String[] c : Examples.corpus()) {
                Trace trace = Examples.AUTHORIZER.authorize(reader.read(c[1], 1).request(), true).trace();
                String html = HtmlTraceView.fragment(trace);
                Parser xml = Parser.xmlParser().setTrackErrors(5);
                Document doc = Jsoup.parse(html, "", xml);
                assertTrue(xml.getErrors().isEmpty(), () -> c[0] + ": " + xml.getErrors());
                Elements shown = doc.select(".iam-json");
                assertEquals(trace.policies().size(), shown.size(), c[0]);
                for (Element json : shown) {
                    if (json.select(".ln > code").eachText().stream().noneMatch(t -> t.startsWith("\u2026"))) {
                        JSON.readTree(String.join("\n", json.select(".ln > code").eachText()));
                    }
                }
                rendered++;
            }
            assertTrue(rendered > 300, "cases rendered: " + rendered);
        }

        @Test
        void theStandalonePageIsADocumentWithAViewportAndEveryFragmentInOrder() {
            String a = HtmlTraceView.fragment(Examples.load("allowed").trace());
            String b = HtmlTraceView.fragment(Examples.load("explicit-deny").trace());
            String page = HtmlTraceView.page(List.of(a, b));
            assertTrue(page.startsWith("<!DOCTYPE html>"), page.substring(0, 40));
            Document doc = Jsoup.parse(page);
            assertEquals("width=device-width, initial-scale=1", doc.selectFirst("meta[name=viewport]").attr("content"));
            Elements traces = doc.select("main > section.iamlab-trace");
            assertEquals(2, traces.size());
            assertEquals("Allowed", traces.get(0).selectFirst(".iam-decision").text());
            assertEquals("Explicitly denied", traces.get(1).selectFirst(".iam-decision").text());
        }

        @Test
        void textFromTheRequestAndPoliciesIsEscaped() {
            Examples.Example e = Examples.load("allowed");
            String source = Examples.source("allowed").replace("\"ReadLogs\"", "\"<script>alert(1)</script>\"");
            var scenario = new org.iamlab.engine.simulation.ScenarioReader().read(source, 1);
            Trace trace = Examples.AUTHORIZER.authorize(scenario.request(), true).trace();
            String html = HtmlTraceView.fragment(trace);
            assertFalse(html.contains("<script"), "no script element, even from a policy's name");
            assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
            assertNotNull(e);
        }
    }

    @Nested
    class SelfContained {

        @TestFactory
        Stream<DynamicTest> noScriptsFontsImagesOrNetwork() {
            return Examples.NAMES.stream().map(name -> DynamicTest.dynamicTest(name, () -> {
                Element root = fragment(name);
                assertTrue(root.select("script, link, img, iframe, object, embed, use, image, foreignObject")
                        .isEmpty(), name);
                assertTrue(root.select("[src], [href], [xlink:href], [style*=url], [id]").isEmpty(),
                        name + ": no references, no ids that could clash between traces");
                String css = root.selectFirst("style").data();
                for (String banned : List.of("url(", "@import", "@font-face", "http:", "https:")) {
                    assertFalse(css.contains(banned), name + ": stylesheet has " + banned);
                }
                for (Element e : root.getAllElements()) {
                    e.attributes().forEach(a -> assertFalse(a.getKey().startsWith("on"), "event handler " + a));
                }
            }));
        }

        @Test
        void everyStyleRuleIsScopedToTheTrace() {
            String css = fragment("allowed").selectFirst("style").data();
            // Strip @media wrappers, then check each selector of each rule.
            String flat = css.replaceAll("@media[^{]*\\{", "");
            Matcher rules = Pattern.compile("([^{}]+)\\{[^{}]*}").matcher(flat);
            int count = 0;
            while (rules.find()) {
                for (String selector : rules.group(1).split(",")) {
                    String s = selector.strip();
                    assertTrue(s.startsWith(".iamlab-trace") || s.matches("(\\[data-jp-theme-light=(true|false)]"
                            + "|body\\.vscode-(dark|light|high-contrast)) \\.iamlab-trace.*"), "unscoped: " + s);
                    count++;
                }
            }
            assertTrue(count > 40, "rules found: " + count);
        }

        @Test
        void darkColoursApplyForDarkSchemesAndNotebookDarkThemes() {
            String css = fragment("allowed").selectFirst("style").data();
            String dark = "--iam-bg:" + Palette.DARK.get(Palette.BG);
            assertTrue(Pattern.compile("@media \\(prefers-color-scheme:dark\\)\\{\\.iamlab-trace\\{[^}]*" + dark)
                    .matcher(css).find(), "dark palette under prefers-color-scheme");
            assertTrue(Pattern.compile("\\[data-jp-theme-light=false] \\.iamlab-trace[^{]*\\{[^}]*" + dark)
                    .matcher(css).find(), "dark palette for JupyterLab's dark themes");
        }
    }

    @Nested
    class Headline {

        @Test
        void theDecisionHasAnIconItsWordsAndItsReason() {
            Element head = fragment("explicit-deny").selectFirst(".iam-head");
            assertTrue(head.hasClass("deny"));
            assertEquals("status", head.attr("role"));
            assertNotNull(head.selectFirst("svg[aria-hidden=true] path"), "an icon");
            assertEquals("Explicitly denied", head.selectFirst(".iam-decision").text());
            assertEquals("statement NoDeleteWithoutMfa in identity-based policy ProtectAudit denies it",
                    head.selectFirst(".iam-reason").text());
        }

        @Test
        void eachDecisionHasItsOwnIconAndClass() {
            assertTrue(fragment("allowed").selectFirst(".iam-head").hasClass("ok"));
            assertTrue(fragment("implicit-deny-identity").selectFirst(".iam-head").hasClass("miss"));
            String allowIcon = fragment("allowed").selectFirst(".iam-head svg").html();
            String implicitIcon = fragment("implicit-deny-identity").selectFirst(".iam-head svg").html();
            String denyIcon = fragment("explicit-deny").selectFirst(".iam-head svg").html();
            assertEquals(3, Stream.of(allowIcon, implicitIcon, denyIcon).distinct().count());
        }
    }

    @Nested
    class Flow {

        @Test
        void oneBoxPerStepInAwsOrderThenTheDecision() {
            Element svg = fragment("allowed").selectFirst(".iam-flow svg");
            Elements boxes = svg.select("g");
            assertEquals(8, boxes.size());
            List<String> titles = boxes.stream().map(g -> g.selectFirst("text.t").text()).toList();
            assertEquals(List.of("1. Explicit deny check", "2. Resource control policies", "3. Service control policies",
                    "4. Resource-based policy", "5. Identity-based policies", "6. Permissions boundary",
                    "7. Session policy", "\u2713 Decision: Allowed"), titles);
        }

        @Test
        void skippedStepsAreGreyWithTheirReason() {
            Elements boxes = fragment("allowed").select(".iam-flow svg g");
            Element rcp = boxes.get(1);
            assertTrue(rcp.hasClass("n-skip"));
            assertEquals("\u2013 skipped \u2014 no organization: the resource's account has no RCPs",
                    rcp.select("text.v tspan").eachText().stream().collect(Collectors.joining(" ")));
            assertTrue(boxes.get(4).hasClass("n-ok"), "identity-based policies passed");
        }

        @Test
        void thePathRunsThroughEveryStepWhenTheLastStepIsReached() {
            Element svg = fragment("allowed").selectFirst(".iam-flow svg");
            assertEquals(7, svg.select("path.on-head").size(), "an arrow into each box after the first");
            assertTrue(svg.select("path.off").isEmpty());
        }

        @Test
        void anEarlyDecisionJumpsToTheDecisionPastStepsNotReached() {
            Element svg = fragment("explicit-deny").selectFirst(".iam-flow svg");
            Elements boxes = svg.select("g");
            assertTrue(boxes.get(0).hasClass("n-deny"));
            for (int i = 1; i < 7; i++) {
                assertTrue(boxes.get(i).hasClass("n-skip"), "step " + (i + 1) + " greyed");
                assertEquals("\u2013 not reached", boxes.get(i).selectFirst("text.v").text());
            }
            assertEquals(7, svg.select("path.off").size(), "dotted connectors past the decision");
            assertEquals(1, svg.select("path.on").size(), "one jump from the deny check to the decision");
            assertEquals(1, svg.select("path.on-head").size());
        }

        @Test
        void theDiagramHasATextAlternative() {
            Element svg = fragment("scp-no-allow").selectFirst(".iam-flow svg");
            assertEquals("img", svg.attr("role"));
            assertTrue(svg.attr("aria-label").contains("3. Service control policies: no allow"), svg.attr("aria-label"));
            assertEquals(svg.attr("aria-label"), svg.selectFirst("title").text());
        }
    }

    @Nested
    class PolicyJson {

        @TestFactory
        Stream<DynamicTest> theMarkedLinesAreThePolicyItself() {
            return Examples.NAMES.stream().map(name -> DynamicTest.dynamicTest(name, () -> {
                Examples.Example e = Examples.load(name);
                Elements policies = fragment(name).select("details.iam-policy");
                assertEquals(e.trace().policies().size(), policies.size());
                for (PolicyResult p : e.trace().policies()) {
                    Element shownPolicy = policies.stream().filter(d -> d.selectFirst("summary strong").text()
                            .equals(p.policy().name()) && d.selectFirst("summary").text().contains(
                            p.policy().level() == null ? "" : "at " + p.policy().level())).findFirst().orElseThrow();
                    String shown = shownPolicy.select(".iam-json .ln > code").eachText().stream()
                            .collect(Collectors.joining("\n"));
                    assertEquals(JSON.readTree(PolicyWriter.write(p.document())), JSON.readTree(shown),
                            name + ": policy " + p.policy().name());
                }
            }));
        }

        @Test
        void everyActionResourceAndConditionLineIsMarked() {
            Element json = fragment("cross-account-implicit-deny").select("details.iam-policy").stream()
                    .filter(d -> d.selectFirst("summary").text().contains("ResourcePolicy")).findFirst().orElseThrow();
            assertEquals("\u2713 match", mark(json, "\"Action\": \"s3:GetObject\","));
            assertEquals("\u2713 match", mark(json, "\"Resource\": \"arn:aws:s3:::partner-reports/*\","));
            assertEquals("\u2713 match", mark(json, "\"Principal\": {"));
            assertEquals("\u2713 match", mark(json, "\"AWS\": \"arn:aws:iam::111122223333:root\""));
            assertEquals("\u2717 1 of 1 fails", mark(json, "\"Condition\": {"));
            assertEquals("\u2717 fails", mark(json, "\"aws:SourceIp\": \"203.0.113.0/24\""));
            assertEquals("\u2717 PartnerReadFromOffice does not apply", mark(json.select(".ln.d2"), "{"));
            Element note = json.selectFirst(".note");
            assertEquals("aws:SourceIp 198.51.100.23 is not in 203.0.113.0/24", note.text());
            assertTrue(note.hasClass("no"));
        }

        @Test
        void inAnArrayOnlyTheMatchingPatternIsMarkedMatch() {
            Element json = fragment("explicit-deny").select("details.iam-policy").get(1);
            assertEquals("\u2713 match", mark(json, "\"Action\": ["));
            assertEquals("\u2713 match", mark(json, "\"s3:DeleteBucket\","));
            assertEquals("", mark(json, "\"s3:DeleteObject\""), "another pattern may or may not match: unmarked");
        }

        @Test
        void anElementThatMatchesNothingMarksEveryPatternNoMatch() {
            Element json = fragment("implicit-deny-identity").selectFirst("details.iam-policy");
            assertEquals("\u2717 no match", mark(json, "\"Action\": ["));
            assertEquals("\u2717 no match", mark(json, "\"dynamodb:GetItem\","));
            assertEquals("\u2717 no match", mark(json, "\"dynamodb:Query\""));
            assertEquals("\u2013 not evaluated", mark(json, "\"Resource\": \"arn:aws:dynamodb:us-east-1:111122223333:table/Orders\""));
            assertEquals("\u2013 #1 is about other actions", mark(json.select(".ln.d2"), "{"));
        }

        @Test
        void ofSeveralPrincipalTypesOnlyTheOneThatMatchedIsMarked() {
            String source = Examples.source("service-principal").replace("\"Principal\": { \"Service\"",
                    "\"Principal\": { \"AWS\": \"arn:aws:iam::111122223333:root\", \"Service\"");
            var scenario = new org.iamlab.engine.simulation.ScenarioReader().read(source, 1);
            Trace trace = Examples.AUTHORIZER.authorize(scenario.request(), true).trace();
            Element json = Jsoup.parseBodyFragment(HtmlTraceView.fragment(trace)).body().selectFirst(".iam-json");
            assertEquals("\u2713 match", mark(json, "\"Principal\": {"));
            assertEquals("", mark(json, "\"AWS\": \"arn:aws:iam::111122223333:root\","));
            assertEquals("\u2713 match", mark(json, "\"Service\": \"cloudtrail.amazonaws.com\""));
        }

        @Test
        void policiesAboutOtherActionsAreFoldedAndOthersOpen() {
            Elements policies = fragment("scp-no-allow").select("details.iam-policy");
            assertEquals(List.of(true, false, true, true), policies.stream().map(d -> d.hasAttr("open")).toList());
            assertEquals("\u2013 about other actions", policies.get(1).selectFirst(".iam-badge").text());
            assertEquals("\u2713 allows", policies.get(0).selectFirst(".iam-badge").text());
        }

        @Test
        void longArraysShowTheirFirstValuesAndTheMatchOnly() {
            StringBuilder actions = new StringBuilder();
            for (int i = 0; i < 40; i++) {
                actions.append("\"s3:Action").append(i).append("\", ");
            }
            String source = Examples.source("allowed").replace("[\"s3:GetObject\", \"s3:ListBucket\"]",
                    "[" + actions + "\"s3:GetObject\"]");
            var scenario = new org.iamlab.engine.simulation.ScenarioReader().read(source, 1);
            Trace trace = Examples.AUTHORIZER.authorize(scenario.request(), true).trace();
            Element root = Jsoup.parseBodyFragment(HtmlTraceView.fragment(trace)).body();
            Element readLogs = root.select("details.iam-policy").get(2);
            List<String> lines = readLogs.select(".iam-json .ln > code").eachText();
            assertTrue(lines.contains("\"s3:Action5\","));
            assertFalse(lines.contains("\"s3:Action6\","));
            assertTrue(lines.contains("\u2026 34 more values not shown"), lines.toString());
            assertEquals("\u2713 match", mark(readLogs, "\"s3:GetObject\""));
        }

        private static String mark(Element json, String code) {
            return mark(json.select(".ln"), code);
        }

        private static String mark(Elements lines, String code) {
            for (Element line : lines) {
                if (line.selectFirst("code").text().strip().equals(code)) {
                    Element mk = line.selectFirst(".mk");
                    return mk == null ? "" : mk.text();
                }
            }
            throw new AssertionError("no line " + code + " in " + lines.select("code").eachText());
        }
    }

    @Nested
    class CrossAccount {

        @Test
        void eachAccountHasItsColumnSayingWhichSideFailed() {
            Element root = fragment("cross-account-implicit-deny");
            Elements sides = root.select(".iam-cols > .iam-side");
            assertEquals(2, sides.size());
            assertEquals("Caller's account 111122223333", sides.get(0).selectFirst("h4").text());
            assertTrue(sides.get(0).hasClass("ok"));
            assertEquals("\u2713 allows", sides.get(0).selectFirst(".iam-badge").text());
            assertEquals("Resource's account 444455556666", sides.get(1).selectFirst("h4").text());
            assertTrue(sides.get(1).hasClass("miss"));
            assertEquals("\u2298 does not allow", sides.get(1).selectFirst(".iam-badge").text());
            assertEquals(List.of("ReadPartnerReports"), sides.get(0).select("summary strong").eachText());
            assertEquals(List.of("ResourcePolicy"), sides.get(1).select("summary strong").eachText());
        }

        @Test
        void aSameAccountRequestHasNoColumns() {
            assertTrue(fragment("allowed").select(".iam-side").isEmpty());
        }
    }

    @Nested
    class Advice {

        @Test
        void eachSuggestionSaysWhatToChangeAndTheCheckedOutcome() {
            Element advice = fragment("cross-account-implicit-deny").selectFirst(".iam-advice");
            assertEquals("What would change the answer", advice.selectFirst("h3").text());
            Elements items = advice.select("ol > li");
            assertEquals(2, items.size());
            assertEquals("Send aws:SourceIp = 203.0.113.1", items.get(0).selectFirst("p").text());
            assertEquals("\u2713 then: Allowed", items.get(0).selectFirst(".iam-badge").text());
            JsonNode statement = readJson(items.get(1).selectFirst("pre").text());
            assertEquals("arn:aws:iam::111122223333:user/alice", statement.at("/Principal/AWS").asText());
            assertEquals("s3:GetObject", statement.get("Action").asText());
        }

        @Test
        void withoutAdviceThereIsNoSuchSection() {
            Element root = Jsoup.parseBodyFragment(HtmlTraceView.fragment(Examples.load("allowed").trace())).body();
            assertTrue(root.select(".iam-advice").isEmpty());
        }

        private static JsonNode readJson(String text) {
            try {
                return JSON.readTree(text);
            } catch (java.io.IOException e) {
                throw new AssertionError(text, e);
            }
        }
    }

    @Test
    void anUnreadableScenarioRendersItsErrorAsAnAlert() {
        Element root = Jsoup.parseBodyFragment(HtmlTraceView.error("t-1", "line 3, column 14: `<x>` is bad")).body();
        Element alert = root.selectFirst(".iamlab-trace .iam-error[role=alert]");
        assertEquals("\u2715 error in t-1: line 3, column 14: `<x>` is bad", alert.text());
    }
}
