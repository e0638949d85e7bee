package org.iamlab.engine.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.iamlab.engine.advice.Advice;
import org.iamlab.engine.advice.Advisor;
import org.iamlab.engine.authz.AuthorizationRequest;
import org.iamlab.engine.authz.Authorizer;
import org.iamlab.engine.simulation.Scenario;
import org.iamlab.engine.simulation.ScenarioReader;
import org.iamlab.engine.trace.Trace;

/**
 * The example scenarios under {@code src/test/resources/render/}, one per kind of decision the views must
 * explain, decided on a fixed clock so that their traces never change.
 */
public final class Examples {

    /** The scenarios, by file name without {@code .json}. */
    public static final List<String> NAMES = List.of("allowed", "explicit-deny", "cross-account-implicit-deny",
            "implicit-deny-identity", "scp-no-allow", "session-policy", "trust-policy", "service-principal");

    public static final Authorizer AUTHORIZER =
            new Authorizer(Clock.fixed(Instant.parse("2026-06-01T12:00:00Z"), ZoneOffset.UTC));

    /** One example: the scenario, its trace and what would change its answer. */
    public record Example(String name, Scenario scenario, Trace trace, Advice advice) {
        public AuthorizationRequest request() {
            return scenario.request();
        }
    }

    private Examples() {
    }

    public static Example load(String name) {
        Scenario scenario = new ScenarioReader().read(source(name), 1);
        Trace trace = AUTHORIZER.authorize(scenario.request(), true).trace();
        return new Example(name, scenario, trace, new Advisor(AUTHORIZER).advise(scenario.request(), trace));
    }

    static String source(String name) {
        String resource = "/render/" + name + ".json";
        try (InputStream in = Examples.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {id, json} of every decidable case under {@code src/test/resources/cases/}. */
    public static List<String[]> corpus() {
        ObjectMapper mapper = new ObjectMapper();
        List<String[]> out = new ArrayList<>();
        for (String file : List.of("public", "action-matching", "resource-matching", "condition-string",
                "condition-numeric", "condition-date", "condition-bool-binary-null", "condition-ip", "condition-arn",
                "condition-sets", "policy-variables", "resource-policies", "cross-account", "role-trust-and-sts",
                "boundaries", "session-policies", "scp-rcp", "explicit-deny-precedence")) {
            try (InputStream in = Examples.class.getResourceAsStream("/cases/" + file + ".jsonl")) {
                BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
                for (String line; (line = lines.readLine()) != null; ) {
                    if (!line.isBlank()) {
                        JsonNode node = mapper.readTree(line);
                        if (node.hasNonNull("expect")) {
                            out.add(new String[] {file + "/" + node.path("id").asText(), line});
                        }
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out;
    }
}
