package org.iamlab.engine.render;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.iamlab.engine.advice.Advice;
import org.iamlab.engine.advice.Change;
import org.iamlab.engine.advice.Suggestion;
import org.iamlab.engine.policy.Effect;
import org.iamlab.engine.policy.PolicyKind;
import org.iamlab.engine.policy.Statement;
import org.iamlab.engine.policy.StringList;
import org.iamlab.engine.trace.Decision;
import org.iamlab.engine.trace.PolicyResult;
import org.iamlab.engine.trace.RequestSummary;
import org.iamlab.engine.trace.StatementResult;
import org.iamlab.engine.trace.Step;
import org.iamlab.engine.trace.StepResult;
import org.iamlab.engine.trace.Trace;
import org.iamlab.engine.trace.Verdict;

/**
 * The HTML view: a self-contained fragment (one {@code <section class="iamlab-trace">} with its own scoped
 * stylesheet and inline SVG; no scripts, fonts, images or network) that reads in light and dark notebook themes
 * and from 320 px wide up. It shows
 * <ul>
 *   <li>the decision with an icon, its colour and its words, and the reason;</li>
 *   <li>the evaluation flow in AWS's order with the path taken ({@link FlowDiagram});</li>
 *   <li>the request, and, with {@link Advice}, what would change the answer (each change checked);</li>
 *   <li>each policy considered as its JSON with every Action, Resource, Principal and Condition line marked
 *       ({@link PolicyJsonView}); for a cross-account request in two columns, one per account, each saying
 *       whether its side allows.</li>
 * </ul>
 * {@link #page} wraps fragments in a minimal standalone document ({@code iamlab simulate --explain html}).
 */
public final class HtmlTraceView {

    private static final Set<PolicyKind> RESOURCE_SIDE = Set.of(PolicyKind.RESOURCE_CONTROL, PolicyKind.RESOURCE,
            PolicyKind.TRUST);

    private HtmlTraceView() {
    }

    /** The trace as an HTML fragment, without "what would change the answer". */
    public static String fragment(Trace trace) {
        return fragment(trace, null);
    }

    /** The trace as an HTML fragment; with {@code advice} (may be null) also what would change the answer. */
    public static String fragment(Trace trace, Advice advice) {
        StringBuilder out = new StringBuilder(24_000);
        Decision d = trace.decision();
        out.append("<section class=\"iamlab-trace\" aria-label=\"IAM decision trace: ").append(d.label())
                .append("\"><style>").append(HtmlStyle.CSS).append("</style>");
        out.append("<div class=\"iam-head ").append(css(d)).append("\" role=\"status\">").append(icon(d))
                .append("<div><p class=\"iam-decision\">").append(words(d)).append("</p><p class=\"iam-reason\">");
        Html.esc(out, TraceWords.reason(trace)).append("</p></div></div>");
        warnings(trace, out);
        out.append("<div class=\"iam-top\"><div class=\"iam-flow\"><h3>How AWS decided</h3>");
        FlowDiagram.render(trace, out);
        out.append("</div><div>");
        request(trace.request(), out);
        if (advice != null) {
            advice(advice, out);
        }
        out.append("</div></div>");
        policies(trace, out);
        return out.append("</section>").toString();
    }

    /** The warnings about the policies, under the decision: AWS evaluated them as written. */
    private static void warnings(Trace trace, StringBuilder out) {
        if (trace.warnings().isEmpty()) {
            return;
        }
        out.append("<div class=\"iam-warnings\" role=\"note\"><p>\u26A0 Warnings (AWS evaluates these as written):</p><ul>");
        for (var w : trace.warnings()) {
            Html.esc(out.append("<li>"), w.message()).append("</li>");
        }
        out.append("</ul></div>");
    }

    /** An unreadable scenario, as a fragment: {@code id} (may be null) and the located error. */
    public static String error(Object id, String message) {
        StringBuilder out = new StringBuilder(HtmlStyle.CSS.length() + 256);
        out.append("<section class=\"iamlab-trace\" aria-label=\"scenario error\"><style>").append(HtmlStyle.CSS)
                .append("</style><p class=\"iam-error\" role=\"alert\">\u2715 error");
        if (id != null) {
            out.append(" in ");
            Html.esc(out, String.valueOf(id));
        }
        out.append(": ");
        Html.esc(out, message).append("</p></section>");
        return out.toString();
    }

    /** A standalone page holding {@code fragments}, in order. */
    public static String page(List<String> fragments) {
        StringBuilder out = new StringBuilder(256 + fragments.stream().mapToInt(String::length).sum());
        out.append(pageStart());
        fragments.forEach(out::append);
        return out.append(pageEnd()).toString();
    }

    /** The start of a standalone page, up to where fragments go (for printing fragments as they come). */
    public static String pageStart() {
        return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>IAM Lab decision trace</title>"
                + "<style>html{color-scheme:light dark}body{margin:8px;background:Canvas;color:CanvasText;"
                + "font-family:system-ui,sans-serif}</style></head><body><main>\n";
    }

    /** The end of a standalone page. */
    public static String pageEnd() {
        return "\n</main></body></html>\n";
    }

    /** The decision's symbol, as the flow diagram and the advice show it. */
    static String symbol(Decision d) {
        return switch (d) {
            case ALLOWED -> "\u2713";
            case EXPLICITLY_DENIED -> "\u2715";
            case IMPLICITLY_DENIED -> "\u2298";
        };
    }

    private static String words(Decision d) {
        return switch (d) {
            case ALLOWED -> "Allowed";
            case EXPLICITLY_DENIED -> "Explicitly denied";
            case IMPLICITLY_DENIED -> "Implicitly denied";
        };
    }

    private static String css(Decision d) {
        return switch (d) {
            case ALLOWED -> "ok";
            case EXPLICITLY_DENIED -> "deny";
            case IMPLICITLY_DENIED -> "miss";
        };
    }

    /** A check in a circle, a cross in an octagon (a stop sign), or a slashed circle; drawn in the text colour. */
    private static String icon(Decision d) {
        String shape = switch (d) {
            case ALLOWED -> "<circle cx=\"12\" cy=\"12\" r=\"10\"/><path d=\"M7 12.5l3.3 3.3L17.2 9\"/>";
            case EXPLICITLY_DENIED -> "<path d=\"M8 2h8l6 6v8l-6 6H8l-6-6V8z\"/><path d=\"M8.5 8.5l7 7M15.5 8.5l-7 7\"/>";
            case IMPLICITLY_DENIED -> "<circle cx=\"12\" cy=\"12\" r=\"10\"/><path d=\"M5 19L19 5\"/>";
        };
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 24 24\" aria-hidden=\"true\" fill=\"none\" "
                + "stroke=\"currentColor\" stroke-width=\"2.2\" stroke-linecap=\"round\" stroke-linejoin=\"round\">"
                + shape + "</svg>";
    }

    private static void request(RequestSummary r, StringBuilder out) {
        out.append("<h3>The request</h3><dl class=\"iam-req\"><dt>principal</dt><dd><code>");
        Html.esc(out, r.principal()).append("</code> <span class=\"iam-muted\">(");
        Html.esc(out, r.principalKind()).append(")</span></dd><dt>action</dt><dd><code>");
        Html.esc(out, r.action()).append("</code></dd><dt>resource</dt><dd><code>");
        Html.esc(out, r.resource()).append("</code></dd><dt>accounts</dt><dd>");
        if (r.principalAccount() == null) {
            out.append("the caller has no account; resource in ");
            Html.esc(out, r.resourceAccount() == null ? "an unknown account" : r.resourceAccount());
        } else if (r.crossAccount()) {
            out.append("<strong>cross-account</strong>: caller in ");
            Html.esc(out, r.principalAccount()).append(", resource in ");
            Html.esc(out, r.resourceAccount());
        } else {
            out.append("same account, ");
            Html.esc(out, r.principalAccount());
        }
        out.append("</dd><dt>context</dt><dd>");
        if (r.context().isEmpty()) {
            out.append("<span class=\"iam-muted\">none given</span>");
        }
        r.context().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            out.append("<div><code>");
            Html.esc(out, e.getKey()).append("</code> = <code>");
            Html.esc(out, e.getValue().size() == 1 ? e.getValue().get(0) : e.getValue().toString())
                    .append("</code></div>");
        });
        out.append("</dd></dl>");
    }

    private static void advice(Advice advice, StringBuilder out) {
        boolean allowed = advice.decision() == Decision.ALLOWED;
        out.append("<div class=\"iam-advice\"><h3>What would change the answer</h3><p class=\"iam-muted\">");
        if (advice.suggestions().isEmpty()) {
            out.append(allowed ? "No single change found that would deny this request."
                    : "No change found that would allow this request.");
            out.append("</p></div>");
            return;
        }
        out.append(allowed ? "Any one of these would deny the request" : "Any one of these would allow the request")
                .append(" (each checked by evaluating the changed request again):</p><ol>");
        for (Suggestion s : advice.suggestions()) {
            out.append("<li>");
            for (int i = 0; i < s.changes().size(); i++) {
                Change c = s.changes().get(i);
                String sentence = TraceWords.change(c);
                out.append("<p>").append(i == 0 ? "" : "and ");
                Html.esc(out, i == 0 ? Character.toUpperCase(sentence.charAt(0)) + sentence.substring(1) : sentence)
                        .append(i + 1 == s.changes().size() ? "" : ",").append("</p>");
                if (c instanceof Change.AddStatement a) {
                    out.append("<pre>");
                    Html.esc(out, statementJson(a.statement())).append("</pre>");
                }
            }
            Decision outcome = s.outcome();
            out.append("<p><span class=\"iam-badge ").append(css(outcome)).append("\">").append(symbol(outcome))
                    .append(" then: ").append(outcome.label()).append("</span></p></li>");
        }
        out.append("</ol></div>");
    }

    /** A suggested statement as policy JSON. */
    static String statementJson(Statement s) {
        StringBuilder out = new StringBuilder("{\n");
        if (s.sid() != null) {
            out.append("  \"Sid\": ").append(Html.jsonString(s.sid())).append(",\n");
        }
        out.append("  \"Effect\": ").append(Html.jsonString(s.effect().json()));
        if (s.principal() != null) {
            out.append(",\n  ").append(Html.jsonString(s.principal().jsonName())).append(": ");
            if (s.principal().everyone()) {
                out.append("\"*\"");
            } else {
                out.append(s.principal().principals().entrySet().stream()
                        .map(e -> Html.jsonString(e.getKey().json()) + ": " + strings(e.getValue()))
                        .collect(Collectors.joining(", ", "{", "}")));
            }
        }
        out.append(",\n  ").append(Html.jsonString(s.action().jsonName())).append(": ")
                .append(strings(s.action().patterns()));
        if (s.resource() != null) {
            out.append(",\n  ").append(Html.jsonString(s.resource().jsonName())).append(": ")
                    .append(strings(s.resource().patterns()));
        }
        return out.append("\n}").toString();
    }

    private static String strings(StringList values) {
        return values.writtenAsString() ? Html.jsonString(values.values().get(0))
                : values.values().stream().map(Html::jsonString).collect(Collectors.joining(", ", "[", "]"));
    }

    private static void policies(Trace trace, StringBuilder out) {
        out.append("<h3>Policies considered</h3>");
        if (trace.policies().isEmpty()) {
            out.append("<p class=\"iam-muted\">No policy applies to this request.</p>");
            return;
        }
        RequestSummary r = trace.request();
        if (!r.crossAccount()) {
            for (PolicyResult p : trace.policies()) {
                policy(p, out);
            }
            return;
        }
        out.append("<div class=\"iam-cols\">");
        side(trace, false, out);
        side(trace, true, out);
        out.append("</div>");
    }

    /** One account's side of a cross-account request: whether it allows, and its policies. */
    private static void side(Trace trace, boolean resourceSide, StringBuilder out) {
        Verdict verdict = resourceSide ? resourceSide(trace) : callerSide(trace);
        String why = resourceSide ? resourceSideWhy(trace, verdict) : callerSideWhy(trace, verdict);
        String css = verdict == Verdict.DENY ? "deny" : verdict == Verdict.ALLOW ? "ok" : "miss";
        out.append("<div class=\"iam-side ").append(css).append("\"><h4>");
        out.append(resourceSide ? "Resource's account " : "Caller's account ");
        Html.esc(out, resourceSide ? trace.request().resourceAccount() : trace.request().principalAccount());
        out.append("</h4><p><span class=\"iam-badge ").append(css).append("\">");
        out.append(verdict == Verdict.DENY ? "\u2715 denies" : verdict == Verdict.ALLOW ? "\u2713 allows"
                : "\u2298 does not allow").append("</span> ");
        Html.esc(out, why).append("</p><p class=\"iam-muted\">")
                .append(resourceSide ? "Resource control policies and the resource-based policy"
                        : "Service control policies, identity-based policies, permissions boundary, session policy")
                .append("</p>");
        boolean any = false;
        for (PolicyResult p : trace.policies()) {
            if (RESOURCE_SIDE.contains(p.policy().kind()) == resourceSide) {
                policy(p, out);
                any = true;
            }
        }
        if (!any) {
            out.append("<p class=\"iam-muted\">").append(resourceSide ? "No resource-based policy."
                    : "No policy on this side.").append("</p>");
        }
        out.append("</div>");
    }

    private static Verdict resourceSide(Trace trace) {
        if (applying(trace, RESOURCE_SIDE, Effect.DENY)) {
            return Verdict.DENY;
        }
        return applying(trace, Set.of(PolicyKind.RESOURCE, PolicyKind.TRUST), Effect.ALLOW) ? Verdict.ALLOW
                : Verdict.NO_ALLOW;
    }

    private static String resourceSideWhy(Trace trace, Verdict verdict) {
        if (verdict == Verdict.DENY) {
            return "a statement on this side denies the request";
        }
        if (verdict == Verdict.ALLOW) {
            return "its resource-based policy grants the caller";
        }
        StepResult step = trace.step(Step.RESOURCE_POLICY);
        return step.verdict() == Verdict.NO_ALLOW ? step.explanation()
                : "no statement of its resource-based policy allows the caller";
    }

    private static Verdict callerSide(Trace trace) {
        Set<PolicyKind> caller = Set.of(PolicyKind.SERVICE_CONTROL, PolicyKind.IDENTITY,
                PolicyKind.PERMISSIONS_BOUNDARY, PolicyKind.SESSION);
        if (applying(trace, caller, Effect.DENY)) {
            return Verdict.DENY;
        }
        return callerGap(trace) == null ? Verdict.ALLOW : Verdict.NO_ALLOW;
    }

    private static String callerSideWhy(Trace trace, Verdict verdict) {
        if (verdict == Verdict.DENY) {
            return "a statement on this side denies the request";
        }
        String gap = callerGap(trace);
        return gap == null ? "its policies allow the request" : gap;
    }

    /** What the caller's side lacks, or {@code null} when it allows. */
    private static String callerGap(Trace trace) {
        StepResult scp = trace.step(Step.SERVICE_CONTROL_POLICIES);
        if (scp.verdict() == Verdict.NO_ALLOW) {
            return scp.explanation();
        }
        boolean root = "Account".equals(trace.request().principalKind());
        if (!root && !applying(trace, Set.of(PolicyKind.IDENTITY), Effect.ALLOW)) {
            StepResult identity = trace.step(Step.IDENTITY_POLICIES);
            return identity.verdict() == Verdict.NO_ALLOW ? identity.explanation()
                    : "no identity-based policy allows the request";
        }
        if (present(trace, PolicyKind.PERMISSIONS_BOUNDARY)
                && !applying(trace, Set.of(PolicyKind.PERMISSIONS_BOUNDARY), Effect.ALLOW)) {
            return "the permissions boundary does not allow the request";
        }
        if (present(trace, PolicyKind.SESSION) && !applying(trace, Set.of(PolicyKind.SESSION), Effect.ALLOW)) {
            return "the session policy does not allow the request";
        }
        return null;
    }

    private static boolean present(Trace trace, PolicyKind kind) {
        return trace.policies().stream().anyMatch(p -> p.policy().kind() == kind);
    }

    private static boolean applying(Trace trace, Set<PolicyKind> kinds, Effect effect) {
        for (PolicyResult p : trace.policies()) {
            if (kinds.contains(p.policy().kind())) {
                for (StatementResult s : p.statements()) {
                    if (s.applies() && s.effect() == effect) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static void policy(PolicyResult p, StringBuilder out) {
        boolean deny = false;
        boolean allow = false;
        boolean aboutThisAction = false;
        for (StatementResult s : p.statements()) {
            deny |= s.applies() && s.effect() == Effect.DENY;
            allow |= s.applies() && s.effect() == Effect.ALLOW;
            aboutThisAction |= !s.stoppedAtAction();
        }
        String css = deny ? "deny" : allow ? "ok" : aboutThisAction ? "miss" : "skip";
        String badge = deny ? "\u2715 denies" : allow ? "\u2713 allows" : aboutThisAction
                ? "\u2298 no statement applies" : "\u2013 about other actions";
        out.append("<details class=\"iam-policy\"").append(aboutThisAction ? " open" : "").append("><summary>")
                .append("<span class=\"iam-kind\">");
        Html.esc(out, p.policy().kind().description()).append("</span> <strong>");
        Html.esc(out, p.policy().name()).append("</strong>");
        if (p.policy().level() != null) {
            out.append(" <span class=\"iam-kind\">at ");
            Html.esc(out, p.policy().level()).append("</span>");
        }
        out.append(" <span class=\"iam-badge ").append(css).append("\">").append(badge).append("</span></summary>");
        PolicyJsonView.render(p, out);
        out.append("</details>");
    }
}
