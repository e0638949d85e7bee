package org.iamlab.engine.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.iamlab.engine.trace.ConditionResult;
import org.iamlab.engine.trace.ElementResult;
import org.iamlab.engine.trace.PolicyRef;
import org.iamlab.engine.trace.PolicyResult;
import org.iamlab.engine.trace.RequestSummary;
import org.iamlab.engine.trace.StatementRef;
import org.iamlab.engine.trace.StatementResult;
import org.iamlab.engine.trace.StepResult;
import org.iamlab.engine.trace.Trace;

/**
 * The JSON view ({@code --explain json}). Field names are a contract, documented in
 * {@code docs/simulation-format.md}: {@code decision}, {@code reason}, {@code decidingStep}, {@code reasons},
 * {@code request}, {@code steps}, {@code policies}.
 */
public final class JsonTraceView {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private JsonTraceView() {
    }

    public static ObjectNode render(Trace trace) {
        ObjectNode out = NODES.objectNode();
        out.put("decision", trace.decision().label());
        out.put("reason", TraceWords.reason(trace));
        out.put("decidingStep", trace.decidingStep() == null ? null : trace.decidingStep().name());
        out.set("reasons", refs(trace.reasons()));
        out.set("request", request(trace.request()));
        ArrayNode steps = out.putArray("steps");
        for (StepResult s : trace.steps()) {
            ObjectNode step = steps.addObject();
            step.put("step", s.step().name());
            step.put("title", s.step().title());
            step.put("verdict", s.verdict().name());
            step.put("explanation", s.explanation());
            step.set("statements", refs(s.statements()));
        }
        ArrayNode policies = out.putArray("policies");
        for (PolicyResult p : trace.policies()) {
            ObjectNode policy = policy(p.policy());
            ArrayNode statements = policy.putArray("statements");
            for (StatementResult s : p.statements()) {
                statements.add(statement(s));
            }
            policies.add(policy);
        }
        if (!trace.warnings().isEmpty()) {
            ArrayNode warnings = out.putArray("warnings");
            trace.warnings().forEach(w -> warnings.add(w.message()));
        }
        return out;
    }

    private static ObjectNode request(RequestSummary r) {
        ObjectNode out = NODES.objectNode();
        out.put("principal", r.principal());
        out.put("principalType", r.principalKind());
        out.put("principalAccount", r.principalAccount());
        out.put("action", r.action());
        out.put("resource", r.resource());
        out.put("resourceAccount", r.resourceAccount());
        out.put("crossAccount", r.crossAccount());
        ObjectNode context = out.putObject("context");
        r.context().entrySet().stream().sorted(java.util.Map.Entry.comparingByKey())
                .forEach(e -> context.set(e.getKey(), strings(e.getValue())));
        return out;
    }

    private static ObjectNode policy(PolicyRef ref) {
        ObjectNode out = NODES.objectNode();
        out.put("name", ref.name());
        out.put("kind", ref.kind().name());
        if (ref.level() != null) {
            out.put("level", ref.level());
        }
        return out;
    }

    private static ArrayNode refs(List<StatementRef> refs) {
        ArrayNode out = NODES.arrayNode();
        for (StatementRef r : refs) {
            ObjectNode ref = policy(r.policy());
            ref.put("statement", r.index());
            ref.put("sid", r.sid());
            out.add(ref);
        }
        return out;
    }

    private static ObjectNode statement(StatementResult s) {
        ObjectNode out = NODES.objectNode();
        out.put("index", s.ref().index());
        out.put("sid", s.ref().sid());
        out.put("effect", s.effect().json());
        out.put("applies", s.applies());
        out.put("stoppedAtAction", s.stoppedAtAction());
        out.set("action", element(s.action()));
        out.set("resource", element(s.resource()));
        out.set("principal", element(s.principal()));
        ArrayNode conditions = out.putArray("conditions");
        for (ConditionResult c : s.conditions()) {
            ObjectNode condition = conditions.addObject();
            condition.put("operator", c.operator());
            condition.put("key", c.key());
            condition.set("requestValues", c.requestValues() == null ? NODES.nullNode() : strings(c.requestValues()));
            condition.set("policyValues", strings(c.policyValues()));
            condition.put("holds", c.holds());
        }
        return out;
    }

    private static JsonNode element(ElementResult e) {
        if (e == null) {
            return NODES.nullNode();
        }
        ObjectNode out = NODES.objectNode();
        out.put("element", e.element());
        out.put("holds", e.holds());
        out.put("matched", e.matchedPattern());
        return out;
    }

    private static ArrayNode strings(List<String> values) {
        ArrayNode out = NODES.arrayNode();
        values.forEach(out::add);
        return out;
    }
}
