package org.iamlab.engine.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The JSON view's field names are a contract: each one the view writes is documented. */
class JsonTraceViewTests {

    private static final Path DOC = Path.of("../docs/simulation-format.md");

    @Test
    void everyFieldTheViewWritesIsDocumentedInTheSimulationFormat() throws IOException {
        String doc = Files.readString(DOC).replaceAll("(?s)```.*?```", "");
        Set<String> documented = new TreeSet<>();
        Matcher code = Pattern.compile("`([^`\\n]+)`").matcher(doc);
        while (code.find()) {
            Matcher word = Pattern.compile("[A-Za-z]+").matcher(code.group(1));
            while (word.find()) {
                documented.add(word.group());
            }
        }
        Set<String> written = new TreeSet<>();
        for (String name : Examples.NAMES) {
            fields(JsonTraceView.render(Examples.load(name).trace()), written, false);
        }
        List<String> missing = new ArrayList<>(written);
        missing.removeAll(documented);
        assertTrue(missing.isEmpty(), "fields written by JsonTraceView but not documented in " + DOC + ": " + missing);
        assertTrue(written.containsAll(List.of("decision", "reason", "decidingStep", "steps", "policies", "conditions",
                "requestValues", "policyValues", "stoppedAtAction")), written.toString());
    }

    @Test
    void theTopLevelFieldsComeInTheirDocumentedOrder() {
        JsonNode json = JsonTraceView.render(Examples.load("explicit-deny").trace());
        List<String> names = new ArrayList<>();
        json.fieldNames().forEachRemaining(names::add);
        assertEquals(List.of("decision", "reason", "decidingStep", "reasons", "request", "steps", "policies"), names);
        assertEquals("NoDeleteWithoutMfa", json.at("/reasons/0/sid").asText());
        assertEquals(TraceWords.reason(Examples.load("explicit-deny").trace()), json.get("reason").asText());
    }

    /** Field names in {@code node}, leaving out the keys of {@code request.context}, which are the request's. */
    private static void fields(JsonNode node, Set<String> out, boolean isContext) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!isContext) {
                    out.add(e.getKey());
                }
                fields(e.getValue(), out, e.getKey().equals("context"));
            }
        } else if (node.isArray()) {
            node.forEach(n -> fields(n, out, false));
        }
    }
}
