package org.iamlab.engine.render;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.iamlab.engine.trace.ConditionResult;
import org.iamlab.engine.trace.ElementResult;
import org.iamlab.engine.trace.PolicyResult;
import org.iamlab.engine.trace.RequestSummary;
import org.iamlab.engine.trace.StatementResult;
import org.iamlab.engine.trace.StepResult;
import org.iamlab.engine.trace.Trace;
import org.iamlab.engine.trace.Verdict;

/**
 * The plain-text view: the decision and its reason on the first line, then the request, the steps in AWS's
 * order with their verdicts, and each policy considered with why each statement did or did not apply.
 * Deterministic, so that golden tests can pin it.
 */
public final class TextTraceView {

    private TextTraceView() {
    }

    public static String render(Trace trace) {
        StringBuilder out = new StringBuilder();
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
            out.append(String.format("  %d. %-27s %-14s %s%n", n++, s.step().title(), verdict(s.verdict()),
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

    private static String verdict(Verdict v) {
        return switch (v) {
            case DENY -> "DENY";
            case ALLOW -> "ALLOW";
            case PASS -> "pass";
            case NO_ALLOW -> "NO ALLOW";
            case NOT_APPLICABLE -> "n/a";
            case NOT_REACHED -> "not reached";
        };
    }

    private static String why(StatementResult s) {
        StringBuilder out = new StringBuilder();
        out.append(element(s.action()));
        if (s.resource() != null) {
            out.append("; ").append(element(s.resource()));
        }
        if (s.principal() != null) {
            out.append("; ").append(element(s.principal()));
        }
        for (ConditionResult c : s.conditions()) {
            out.append("; ").append(condition(c));
        }
        return out.toString();
    }

    private static String element(ElementResult e) {
        boolean negated = e.element().startsWith("Not");
        if (e.matchedPattern() != null) {
            return e.element() + " " + (negated ? "lists " : "matches ") + e.matchedPattern()
                    + (e.holds() ? "" : " (so it does not hold)");
        }
        return e.element() + (negated ? " does not list it" : " does not match") + (e.holds() && negated ? " (holds)"
                : "");
    }

    /** One condition as a sentence: {@code StringEquals aws:username: alice vs [bob] -> false}. */
    public static String condition(ConditionResult c) {
        String request = c.keyMissing() ? "key missing"
                : c.requestValues().size() == 1 ? c.requestValues().get(0) : c.requestValues().toString();
        return c.operator() + " " + c.key() + ": " + request + " vs " + c.policyValues() + " -> "
                + (c.holds() ? "true" : "false");
    }
}
