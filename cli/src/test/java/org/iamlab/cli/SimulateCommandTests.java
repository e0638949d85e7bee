package org.iamlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimulateCommandTests {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String REQUEST = "\"request\": {\"principal\": \"arn:aws:iam::111122223333:user/alice\","
            + " \"action\": \"s3:GetObject\", \"resource\": \"arn:aws:s3:::logs/a.txt\"}";

    private static String scenario(String id, String statement) {
        return "{\"id\": \"" + id + "\", " + REQUEST + ", \"identityPolicies\": [{\"name\": \"ReadLogs\", \"policy\":"
                + " {\"Version\": \"2012-10-17\", \"Statement\": [" + statement + "]}}]}";
    }

    private static final String ALLOW = "{\"Effect\": \"Allow\", \"Action\": \"s3:GetObject\", \"Resource\": \"*\"}";

    @TempDir
    Path dir;

    private Path file(String content) throws IOException {
        return Files.writeString(dir.resolve("in.jsonl"), content);
    }

    @Test
    void badLinesGetLocatedErrorsWhileTheOthersAreStillDecided() throws IOException {
        Path in = file(String.join("\n",
                scenario("ok-1", ALLOW),
                "{\"id\": \"broken\", \"request\": {",
                scenario("typo", ALLOW.replace("StringEquals", "x").replace("\"Resource\": \"*\"",
                        "\"Resource\": \"*\", \"Condition\": {\"StringEqualz\": {\"aws:username\": \"alice\"}}")),
                scenario("effect", ALLOW.replace("Allow", "Permit")),
                scenario("prefix", ALLOW.replace("s3:GetObject", "GetObject")),
                scenario("ok-2", ALLOW.replace("Allow", "Deny"))));
        CliRun r = CliRun.of("simulate", "--jsonl", in.toString());

        assertEquals(1, r.status(), "some lines failed");
        List<JsonNode> answers = r.lines().stream().map(SimulateCommandTests::json).toList();
        assertEquals(6, answers.size(), r.out());
        assertEquals("Allowed", answers.get(0).get("decision").asText());
        assertTrue(answers.get(1).get("error").asText().startsWith("line 2, column "), r.out());
        assertTrue(answers.get(2).get("error").asText().contains("line 3, column ")
                && answers.get(2).get("error").asText().contains("did you mean `StringEquals`?"), r.out());
        assertTrue(answers.get(3).get("error").asText().contains("`Permit` is not an effect"), r.out());
        assertTrue(answers.get(4).get("error").asText().contains("`GetObject` has no service prefix"), r.out());
        assertEquals("ExplicitlyDenied", answers.get(5).get("decision").asText());
        assertEquals("broken", answers.get(1).get("id").asText());
    }

    @Test
    void everyScenarioDecidedMeansExitStatusZero() throws IOException {
        CliRun r = CliRun.of("simulate", "--jsonl", file(scenario("a", ALLOW) + "\n\n" + scenario("b", ALLOW)).toString());
        assertEquals(0, r.status());
        assertEquals(List.of("{\"id\":\"a\",\"decision\":\"Allowed\"}", "{\"id\":\"b\",\"decision\":\"Allowed\"}"),
                r.lines());
    }

    @Test
    void aSingleScenarioMaySpanLines() throws IOException {
        CliRun r = CliRun.of("simulate", file(scenario("pretty", ALLOW).replace(", ", ",\n  ")).toString());
        assertEquals(0, r.status(), r.err());
        assertEquals("{\"id\":\"pretty\",\"decision\":\"Allowed\"}", r.out().strip());
    }

    @Test
    void explainJsonAddsTheTraceWithItsSteps() throws IOException {
        CliRun r = CliRun.of("simulate", "--explain", "json", file(scenario("t", ALLOW)).toString());
        JsonNode answer = json(r.out().strip());
        assertEquals("Allowed", answer.get("trace").get("decision").asText());
        assertEquals("EXPLICIT_DENY", answer.get("trace").get("steps").get(0).get("step").asText());
        assertEquals("s3:GetObject", answer.get("trace").get("policies").get(0).get("statements").get(0)
                .get("action").get("matched").asText());
    }

    @Test
    void explainTextStartsWithTheDecisionAndItsReason() throws IOException {
        CliRun r = CliRun.of("simulate", "--explain", "text", file(scenario("t", ALLOW.replace("Allow", "Deny"))).toString());
        assertEquals("ExplicitlyDenied: statement #1 in identity-based policy ReadLogs denies it", r.lines().get(0));
    }

    @Test
    void explainHtmlPrintsOneStandalonePageWithATraceOrAnErrorPerScenario() throws IOException {
        CliRun r = CliRun.of("simulate", "--jsonl", "--explain", "html", file(scenario("t", ALLOW.replace("Allow", "Deny"))
                + "\n{\"id\": \"broken\", \"request\": {\n" + scenario("u", ALLOW)).toString());
        assertEquals(1, r.status(), r.err());
        assertTrue(r.out().startsWith("<!DOCTYPE html>"), r.out());
        assertTrue(r.out().strip().endsWith("</html>"), r.out());
        assertEquals(3, r.out().split("<section class=\"iamlab-trace\"", -1).length - 1, "three scenarios");
        assertTrue(r.out().contains("<p class=\"iam-decision\">Explicitly denied</p>"), r.out());
        assertTrue(r.out().contains("\u2715 error in broken: line 2, column "), r.out());
        assertTrue(r.out().contains("<p class=\"iam-decision\">Allowed</p>"), r.out());
        assertTrue(r.out().contains("What would change the answer"), r.out());
        assertTrue(r.out().indexOf("Explicitly denied") < r.out().indexOf("Allowed</p>"), "input order");
    }

    @Test
    void unusableArgumentsExitWithTwo() {
        assertEquals(2, CliRun.of("simulate", "--explain", "pdf").status());
        assertEquals(2, CliRun.of("simulate", dir.resolve("missing.jsonl").toString()).status());
        assertEquals(2, CliRun.of("simulate", "--no-such-flag").status());
    }

    private static JsonNode json(String line) {
        try {
            return JSON.readTree(line);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + line, e);
        }
    }

    @Test
    void anActionAwsDoesNotHaveGetsAWarningBesideTheDecisionAwsWouldMake() throws IOException {
        String typo = ALLOW.replace("s3:GetObject", "s3:GetObjects");
        CliRun r = CliRun.of("simulate", "--jsonl", file(scenario("ok", ALLOW) + "\n" + scenario("typo", typo)).toString());
        String[] lines = r.out().strip().split("\n");
        assertEquals("{\"id\":\"ok\",\"decision\":\"Allowed\"}", lines[0], "no warnings, no field");
        JsonNode answer = json(lines[1]);
        assertEquals("ImplicitlyDenied", answer.get("decision").asText());
        assertEquals("line 2, column " + (scenario("typo", typo).indexOf("\"s3:GetObjects") + 1)
                + ": at identityPolicies[0].policy.Statement[0].Action: `s3:GetObjects` is not an action of s3; did you"
                + " mean `s3:GetObject`?", answer.get("warnings").get(0).asText());
        CliRun text = CliRun.of("simulate", "--explain", "text", file(scenario("typo", typo)).toString());
        assertTrue(text.out().contains("warnings (AWS evaluates these as written):\n  identity-based policy"
                + " `ReadLogs`: at Statement[0].Action: `s3:GetObjects` is not an action of s3"), text.out());
    }
}
