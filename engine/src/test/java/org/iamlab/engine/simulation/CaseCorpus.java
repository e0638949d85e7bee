package org.iamlab.engine.simulation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The evaluation cases under {@code src/test/resources/cases/}: one file per group of rules. */
final class CaseCorpus {

    /** The files, each a group of rules; {@code public} holds the shared cases from the AWS documentation. */
    static final List<String> FILES = List.of("public", "action-matching", "resource-matching", "condition-string",
            "condition-numeric", "condition-date", "condition-bool-binary-null", "condition-ip", "condition-arn",
            "condition-sets", "policy-variables", "resource-policies", "cross-account", "role-trust-and-sts",
            "boundaries", "session-policies", "scp-rcp", "explicit-deny-precedence", "validation-errors");

    /** One line of a case file. */
    record Case(String file, int line, String json, String id, String rule, String expect, String expectError,
                String expectTrace, String expectWarning) {
        String displayName() {
            return rule + " [" + id + "]";
        }
    }

    private CaseCorpus() {
    }

    static List<Case> read(String file) {
        ObjectMapper mapper = new ObjectMapper();
        List<Case> cases = new ArrayList<>();
        String resource = "/cases/" + file + ".jsonl";
        try (InputStream in = CaseCorpus.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + resource);
            }
            BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            int number = 0;
            for (String line; (line = lines.readLine()) != null; ) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                JsonNode node = mapper.readTree(line);
                cases.add(new Case(file, number, line, node.path("id").asText(), node.path("rule").asText(),
                        node.path("expect").asText(null), node.path("expectError").asText(null),
                        node.path("expectTrace").asText(null), node.path("expectWarning").asText(null)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return cases;
    }
}
