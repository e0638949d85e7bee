package org.iamlab.engine.render;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.iamlab.engine.policy.Condition;
import org.iamlab.engine.policy.Effect;
import org.iamlab.engine.policy.PolicyDocument;
import org.iamlab.engine.policy.PrincipalElement;
import org.iamlab.engine.policy.PrincipalType;
import org.iamlab.engine.policy.Statement;
import org.iamlab.engine.policy.StringList;
import org.iamlab.engine.trace.ConditionResult;
import org.iamlab.engine.trace.ElementResult;
import org.iamlab.engine.trace.PolicyResult;
import org.iamlab.engine.trace.StatementResult;

/**
 * One policy as its JSON, one element per line, each Action, Resource, Principal and Condition line marked
 * {@code match} / {@code no match} (or {@code holds} / {@code fails}) for this request, with the request's value
 * against the policy's under each condition. The marks come from the trace: a value line is marked only when
 * the trace says for sure (the pattern that matched; every pattern of an element that matched nothing).
 * Arrays longer than {@value #LONG_ARRAY} values show their first values and the one that matched.
 */
final class PolicyJsonView {

    static final int LONG_ARRAY = 12;
    private static final int SHOWN_OF_LONG_ARRAY = 6;

    /** How a line is marked: its CSS class and its words (with a symbol). */
    private enum Mark {
        NONE(null, null),
        MATCH("yes", "\u2713 match"),
        NO_MATCH("no", "\u2717 no match"),
        HOLDS("yes", "\u2713 holds"),
        FAILS("no", "\u2717 fails"),
        LISTED("no", "\u2717 listed"),
        NOT_EVALUATED("na", "\u2013 not evaluated");

        final String css;
        final String words;

        Mark(String css, String words) {
            this.css = css;
            this.words = words;
        }
    }

    private final StringBuilder out;

    private PolicyJsonView(StringBuilder out) {
        this.out = out;
    }

    static void render(PolicyResult policy, StringBuilder out) {
        new PolicyJsonView(out).document(policy);
    }

    private void document(PolicyResult p) {
        PolicyDocument doc = p.document();
        out.append("<div class=\"iam-json\" role=\"group\" aria-label=\"policy JSON\">");
        line(0, "{", null, null);
        if (doc.version() != null) {
            line(1, "\"Version\": " + Html.jsonString(doc.version()) + ",", null, null);
        }
        if (doc.id() != null) {
            line(1, "\"Id\": " + Html.jsonString(doc.id()) + ",", null, null);
        }
        List<Statement> statements = doc.statements();
        boolean array = !doc.statementWrittenAsObject();
        if (array) {
            line(1, "\"Statement\": [", null, null);
        }
        for (int i = 0; i < statements.size(); i++) {
            StatementResult r = i < p.statements().size() ? p.statements().get(i) : null;
            statement(statements.get(i), r, array ? 2 : 1, array ? "" : "\"Statement\": ",
                    i + 1 < statements.size() ? "," : "");
        }
        if (array) {
            line(1, "]", null, null);
        }
        line(0, "}", null, null);
        out.append("</div>");
    }

    private void statement(Statement s, StatementResult r, int depth, String prefix, String comma) {
        String css;
        String words;
        if (r == null) {
            css = null;
            words = null;
        } else if (r.applies()) {
            css = r.effect() == Effect.DENY ? "den" : "yes";
            words = (r.effect() == Effect.DENY ? "\u2715 " : "\u2713 ") + r.ref().label() + " applies: "
                    + (r.effect() == Effect.DENY ? "denies" : "allows");
        } else if (r.stoppedAtAction()) {
            css = "na";
            words = "\u2013 " + r.ref().label() + " is about other actions";
        } else {
            css = "no";
            words = "\u2717 " + r.ref().label() + " does not apply";
        }
        line(depth, prefix + "{", css, words);
        int d = depth + 1;
        int count = (s.sid() != null ? 1 : 0) + 1 + (s.principal() != null ? 1 : 0) + 1
                + (s.resource() != null ? 1 : 0) + (s.conditions().isEmpty() ? 0 : 1);
        int[] written = {0};
        Supplier<String> next = () -> ++written[0] < count ? "," : "";
        if (s.sid() != null) {
            line(d, "\"Sid\": " + Html.jsonString(s.sid()) + next.get(), null, null);
        }
        line(d, "\"Effect\": " + Html.jsonString(s.effect().json()) + next.get(), null, null);
        boolean stopped = r != null && r.stoppedAtAction();
        if (s.principal() != null) {
            principal(s.principal(), r == null ? null : r.principal(), stopped, d, next.get());
        }
        strings(s.action().jsonName(), s.action().patterns(), r == null ? null : r.action(), false, d, next.get());
        if (s.resource() != null) {
            strings(s.resource().jsonName(), s.resource().patterns(), r == null ? null : r.resource(), stopped, d,
                    next.get());
        }
        if (!s.conditions().isEmpty()) {
            conditions(s.conditions(), r, stopped, d, next.get());
        }
        if (r != null && !stopped && s.principal() == null && r.principal() != null) {
            note(d, "na", "no Principal: in a resource-based policy such a statement applies to nobody");
        }
        line(depth, "}" + comma, null, null);
    }

    /** Action, NotAction, Resource, NotResource, or one principal type's values. */
    private void strings(String name, StringList values, ElementResult e, boolean notEvaluated, int depth,
                         String comma) {
        Mark header = elementMark(e, notEvaluated);
        boolean negated = name.startsWith("Not");
        String matched = e == null ? null : e.matchedPattern();
        if (values.writtenAsString()) {
            String value = values.values().get(0);
            marked(depth, Html.jsonString(name) + ": " + Html.jsonString(value) + comma, header,
                    matched != null && negated ? "listed: " + matched : null);
            return;
        }
        marked(depth, Html.jsonString(name) + ": [", header, null);
        List<String> all = values.values();
        int shown = 0;
        for (int i = 0; i < all.size(); i++) {
            String v = all.get(i);
            boolean isMatch = v.equals(matched);
            boolean show = all.size() <= LONG_ARRAY || i < SHOWN_OF_LONG_ARRAY || isMatch;
            if (!show) {
                continue;
            }
            shown++;
            Mark mark = Mark.NONE;
            if (e != null && !notEvaluated) {
                if (isMatch) {
                    mark = negated ? Mark.LISTED : Mark.MATCH;
                } else if (matched == null && !negated) {
                    mark = Mark.NO_MATCH;
                }
            }
            marked(depth + 1, Html.jsonString(v) + (i + 1 < all.size() ? "," : ""), mark, null);
        }
        if (shown < all.size()) {
            int more = all.size() - shown;
            marked(depth + 1, "\u2026 " + more + " more value" + (more == 1 ? "" : "s") + " not shown", Mark.NONE,
                    null);
        }
        line(depth, "]" + comma, null, null);
    }

    private void principal(PrincipalElement p, ElementResult e, boolean notEvaluated, int depth, String comma) {
        Mark header = elementMark(e, notEvaluated);
        String name = Html.jsonString(p.jsonName());
        if (p.everyone()) {
            marked(depth, name + ": \"*\"" + comma, header, null);
            return;
        }
        marked(depth, name + ": {", header, null);
        int i = 0;
        for (Map.Entry<PrincipalType, StringList> type : p.principals().entrySet()) {
            String typeComma = ++i < p.principals().size() ? "," : "";
            // Only Principal's values are marked one by one (NotPrincipal's header says what it means); when the
            // element matched, only the type holding the matching value is marked.
            boolean marked = !p.not() && e != null && (!e.holds()
                    || type.getValue().values().contains(e.matchedPattern()));
            strings(type.getKey().json(), type.getValue(), marked ? e : null, notEvaluated, depth + 1, typeComma);
        }
        line(depth, "}" + comma, null, null);
    }

    private void conditions(List<Condition> conditions, StatementResult r, boolean notEvaluated, int depth,
                            String comma) {
        List<ConditionResult> results = r == null || notEvaluated ? List.of() : r.conditions();
        boolean known = results.size() == conditions.size();
        Mark header = Mark.NONE;
        String words = null;
        if (notEvaluated) {
            header = Mark.NOT_EVALUATED;
        } else if (known) {
            long failing = results.stream().filter(c -> !c.holds()).count();
            header = failing == 0 ? Mark.HOLDS : Mark.FAILS;
            words = failing == 0 ? "\u2713 every condition holds" : "\u2717 " + failing + " of " + results.size()
                    + (results.size() == 1 ? " fails" : " fail");
        }
        line(depth, "\"Condition\": {", header.css, words != null ? words : header.words);
        Map<String, List<Integer>> byOperator = new LinkedHashMap<>();
        for (int i = 0; i < conditions.size(); i++) {
            byOperator.computeIfAbsent(conditions.get(i).operatorText(), k -> new ArrayList<>()).add(i);
        }
        int op = 0;
        for (Map.Entry<String, List<Integer>> entry : byOperator.entrySet()) {
            line(depth + 1, Html.jsonString(entry.getKey()) + ": {", null, null);
            List<Integer> indexes = entry.getValue();
            for (int k = 0; k < indexes.size(); k++) {
                int index = indexes.get(k);
                Condition c = conditions.get(index);
                ConditionResult result = known ? results.get(index) : null;
                Mark mark = notEvaluated ? Mark.NOT_EVALUATED : result == null ? Mark.NONE
                        : result.holds() ? Mark.HOLDS : Mark.FAILS;
                String keyComma = k + 1 < indexes.size() ? "," : "";
                StringList values = c.values();
                if (values.writtenAsString()) {
                    marked(depth + 2, Html.jsonString(c.key()) + ": " + Html.jsonString(values.values().get(0))
                            + keyComma, mark, null);
                } else {
                    marked(depth + 2, Html.jsonString(c.key()) + ": [", mark, null);
                    for (int v = 0; v < values.values().size(); v++) {
                        line(depth + 3, Html.jsonString(values.values().get(v))
                                + (v + 1 < values.values().size() ? "," : ""), null, null);
                    }
                    line(depth + 2, "]" + keyComma, null, null);
                }
                if (result != null) {
                    note(depth + 2, result.holds() ? "yes" : "no", TraceWords.condition(result));
                }
            }
            line(depth + 1, "}" + (++op < byOperator.size() ? "," : ""), null, null);
        }
        line(depth, "}" + comma, null, null);
    }

    private static Mark elementMark(ElementResult e, boolean notEvaluated) {
        if (notEvaluated) {
            return Mark.NOT_EVALUATED;
        }
        if (e == null) {
            return Mark.NONE;
        }
        return e.holds() ? Mark.MATCH : Mark.NO_MATCH;
    }

    private void marked(int depth, String code, Mark mark, String extra) {
        line(depth, code, mark == null ? null : mark.css, mark == null || mark.words == null ? null
                : extra == null ? mark.words : mark.words + " (" + extra + ")");
    }

    private void line(int depth, String code, String css, String words) {
        out.append("<div class=\"ln d").append(depth);
        if (css != null) {
            out.append(' ').append(css);
        }
        out.append("\"><code>");
        Html.esc(out, code).append("</code>");
        if (words != null) {
            out.append("<span class=\"mk\">");
            Html.esc(out, words).append("</span>");
        }
        out.append("</div>");
    }

    private void note(int depth, String css, String text) {
        out.append("<div class=\"note d").append(depth).append(' ').append(css).append("\">");
        Html.esc(out, text).append("</div>");
    }
}
