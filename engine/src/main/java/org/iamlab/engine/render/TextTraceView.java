package org.iamlab.engine.render;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.iamlab.engine.advice.Advice;
import org.iamlab.engine.advice.Suggestion;
import org.iamlab.engine.trace.ConditionResult;
import org.iamlab.engine.trace.Decision;
import org.iamlab.engine.trace.PolicyResult;
import org.iamlab.engine.trace.RequestSummary;
import org.iamlab.engine.trace.StatementResult;
import org.iamlab.engine.trace.StepResult;
import org.iamlab.engine.trace.Trace;

/**
 * The plain-text view: the decision and its reason on the first line, then the request, the steps in AWS's
 * order with their verdicts, and each policy considered with why each statement did or did not apply; with
 * {@link Advice}, also what would change the answer. Deterministic, so that golden tests can pin it.
 */
public final class TextTraceView {

    private TextTraceView() {
    }

    public static String render(Trace trace) {
        StringBuilder out = new StringBuilder(1024);
        out.append(TraceWords.headline(trace)).append('\n');
        RequestSummary r = trace.request();
        out.append("request: ").append(r.principal()).append(" -> ").append(r.action()).append(" on ")
                .append(r.resource()).append('\n');
        out.append("accounts: ").append(accounts(r)).append('\n');
        if (!r.context().isEmpty()) {
            out.append("context: ").append(context(r.context())).append('\n');
        }
        out.append("steps:\n");
        int n = 1;
        for (StepResult s : trace.steps()) {
            out.append(String.format("  %d. %-27s %-14s %s%n", n++, s.step().title(), TraceWords.verdict(s.verdict()),
                    s.explanation()));
        }
        out.append("policies:");
        if (trace.policies().isEmpty()) {
            out.append(" none\n");
        } else {
            out.append('\n');
        }
        for (PolicyResult p : trace.policies()) {
            out.append("  ").append(TraceWords.policy(p.policy())).append('\n');
            for (StatementResult s : p.statements()) {
                out.append("    ").append(s.ref().label()).append(' ').append(s.effect().json()).append(": ")
                        .append(s.applies() ? "applies" : "does not apply").append(" - ").append(why(s)).append('\n');
            }
        }
        if (!trace.warnings().isEmpty()) {
            out.append("warnings (AWS evaluates these as written):\n");
            trace.warnings().forEach(w -> out.append("  ").append(w.message()).append('\n'));
        }
        return out.toString();
    }

    /** The trace, then what would change the answer, each suggestion with the decision it was checked to give. */
    public static String render(Trace trace, Advice advice) {
        StringBuilder out = new StringBuilder(render(trace));
        out.append("what would change the answer (each checked by evaluating the changed request again):");
        if (advice.suggestions().isEmpty()) {
            out.append(advice.decision() == Decision.ALLOWED ? " no single change found that would deny it\n"
                    : " no change found that would allow it\n");
        } else {
            out.append('\n');
        }
        int n = 1;
        for (Suggestion s : advice.suggestions()) {
            out.append("  ").append(n++).append(". ")
                    .append(s.changes().stream().map(TraceWords::change).collect(Collectors.joining(", and ")))
                    .append(" -> ").append(s.outcome().label()).append('\n');
        }
        return out.toString();
    }

    private static String accounts(RequestSummary r) {
        if (r.principalAccount() == null) {
            return "caller has no account (" + r.principalKind() + "), resource in "
                    + (r.resourceAccount() == null ? "unknown account" : r.resourceAccount());
        }
        return r.crossAccount() ? "cross-account: caller " + r.principalAccount() + ", resource "
                + r.resourceAccount() : "same account " + r.principalAccount();
    }

    private static String context(Map<String, List<String>> context) {
        return context.entrySet().stream()
                .map(e -> e.getKey() + "=" + (e.getValue().size() == 1 ? e.getValue().get(0) : e.getValue()))
                .sorted().collect(Collectors.joining(", "));
    }

    private static String why(StatementResult s) {
        StringBuilder out = new StringBuilder();
        out.append(TraceWords.element(s.action()));
        if (s.resource() != null) {
            out.append("; ").append(TraceWords.element(s.resource()));
        }
        if (s.principal() != null) {
            out.append("; ").append(TraceWords.element(s.principal()));
        }
        for (ConditionResult c : s.conditions()) {
            out.append("; ").append(condition(c));
        }
        return out.toString();
    }

    /** One condition: {@code IpAddress: aws:SourceIp 198.51.100.23 is not in 203.0.113.0/24 (fails)}. */
    public static String condition(ConditionResult c) {
        return c.operator() + ": " + TraceWords.condition(c) + (c.holds() ? " (holds)" : " (fails)");
    }
}
