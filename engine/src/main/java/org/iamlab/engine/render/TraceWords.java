package org.iamlab.engine.render;

import java.util.List;
import java.util.stream.Collectors;
import org.iamlab.engine.advice.Change;
import org.iamlab.engine.arn.ArnPattern;
import org.iamlab.engine.policy.ConditionOperator;
import org.iamlab.engine.policy.QualifiedOperator;
import org.iamlab.engine.policy.QualifiedOperator.SetQualifier;
import org.iamlab.engine.policy.Statement;
import org.iamlab.engine.trace.ConditionResult;
import org.iamlab.engine.trace.Decision;
import org.iamlab.engine.trace.ElementResult;
import org.iamlab.engine.trace.PolicyRef;
import org.iamlab.engine.trace.StatementRef;
import org.iamlab.engine.trace.Trace;
import org.iamlab.engine.trace.Verdict;

/**
 * The phrases every view shares: the headline reason, how policies and statements are named, verdicts, each
 * condition as a sentence ({@code aws:SourceIp 198.51.100.23 is not in 203.0.113.0/24}), and suggested changes.
 */
public final class TraceWords {

    private TraceWords() {
    }

    /** The decision with its reason in words, e.g. {@code ExplicitlyDenied: statement NoDelete in ...}. */
    public static String headline(Trace trace) {
        return trace.decision().label() + ": " + reason(trace);
    }

    /** Why, in words. */
    public static String reason(Trace trace) {
        if (trace.decision() == Decision.EXPLICITLY_DENIED) {
            return statements(trace.reasons()) + (trace.reasons().size() == 1 ? " denies it" : " deny it");
        }
        if (trace.decision() == Decision.ALLOWED) {
            return "allowed by " + statements(trace.reasons());
        }
        return trace.step(trace.decidingStep()).explanation();
    }

    /** The decision in plain words: {@code allowed}, {@code explicitly denied}, {@code implicitly denied}. */
    public static String decision(Decision d) {
        return switch (d) {
            case ALLOWED -> "allowed";
            case EXPLICITLY_DENIED -> "explicitly denied";
            case IMPLICITLY_DENIED -> "implicitly denied";
        };
    }

    /** {@code statement S in identity-based policy P; ...} */
    public static String statements(List<StatementRef> refs) {
        return refs.stream().map(TraceWords::statement).collect(Collectors.joining("; "));
    }

    /** {@code statement S in identity-based policy P} */
    public static String statement(StatementRef ref) {
        return "statement " + ref.label() + " in " + policy(ref.policy());
    }

    /** {@code identity-based policy P}, with the organization level for control policies. */
    public static String policy(PolicyRef ref) {
        return ref.kind().description() + " " + ref.name() + (ref.level() == null ? "" : " at " + ref.level());
    }

    /** A step's verdict as the views print it: {@code DENY}, {@code ALLOW}, {@code pass}, {@code NO ALLOW}, ... */
    public static String verdict(Verdict v) {
        return switch (v) {
            case DENY -> "DENY";
            case ALLOW -> "ALLOW";
            case PASS -> "pass";
            case NO_ALLOW -> "NO ALLOW";
            case NOT_APPLICABLE -> "n/a";
            case NOT_REACHED -> "not reached";
        };
    }

    /**
     * How one element fared: {@code Action matches s3:Get*}, {@code Resource does not match},
     * {@code NotAction lists s3:DeleteBucket (so it does not hold)}.
     */
    public static String element(ElementResult e) {
        boolean negated = e.element().startsWith("Not");
        if (e.matchedPattern() != null) {
            return e.element() + " " + (negated ? "lists " : "matches ") + e.matchedPattern()
                    + (e.holds() ? "" : " (so it does not hold)");
        }
        return e.element() + (negated ? " does not list it" : " does not match") + (e.holds() && negated ? " (holds)"
                : "");
    }

    /**
     * One condition as a sentence about the request's value and the policy's:
     * {@code aws:SourceIp 198.51.100.23 is not in 203.0.113.0/24}, {@code aws:MultiFactorAuthPresent key missing,
     * so Bool is false}. The sentence says what is; whether the condition holds is {@link ConditionResult#holds()}.
     */
    public static String condition(ConditionResult c) {
        QualifiedOperator op = QualifiedOperator.parse(c.operator()).orElse(null);
        boolean missing = c.keyMissing() || c.requestValues().isEmpty();
        if (op == null) {
            return c.key() + " " + (missing ? "key missing" : values(c.requestValues())) + " vs "
                    + c.policyValues();
        }
        ConditionOperator base = op.base();
        if (base == ConditionOperator.NULL) {
            boolean wantsMissing = c.policyValues().stream().anyMatch(v -> v != null && v.strip().equals("true"));
            return c.key() + (missing ? " key missing" : " is present (" + values(c.requestValues()) + ")")
                    + ", and Null " + (wantsMissing ? "true" : "false") + " asks for it to be "
                    + (wantsMissing ? "missing" : "present");
        }
        if (missing) {
            return c.key() + " key missing, so " + op.awsName() + " is " + (c.holds() ? "true" : "false");
        }
        String[] verbs = verbs(base, c.policyValues().size() > 1);
        String policy = policyValues(c.policyValues(), base.family() == ConditionOperator.Family.IP);
        String suffix = base.family() == ConditionOperator.Family.STRING_IGNORE_CASE ? " (ignoring case)"
                : base.family() == ConditionOperator.Family.ARN ? fieldCount(c.policyValues()) : "";
        boolean negated = base.negated();
        if (c.requestValues().size() == 1 && op.qualifier() == SetQualifier.NONE) {
            boolean positive = negated != c.holds();
            if (base == ConditionOperator.BOOL) {
                return c.key() + " is " + c.requestValues().get(0) + (positive ? ", as the policy asks"
                        : ", not " + policy);
            }
            return c.key() + " " + c.requestValues().get(0) + " " + (positive ? verbs[0] : verbs[1]) + " " + policy
                    + suffix;
        }
        SetQualifier q = op.qualifier() == SetQualifier.NONE ? negated ? SetQualifier.FOR_ALL_VALUES
                : SetQualifier.FOR_ANY_VALUE : op.qualifier();
        // "at least one is not one of ..." reads better than "at least one is none of ...".
        verbs[1] = verbs[1].replace("is none of", "is not one of");
        String how;
        if (q == SetQualifier.FOR_ANY_VALUE) {
            how = c.holds() ? "at least one " + (negated ? verbs[1] : verbs[0])
                    : (negated ? "every one " : "none ") + verbs[0];
        } else {
            how = c.holds() ? (negated ? "none " : "every one ") + verbs[0]
                    : "at least one " + (negated ? verbs[0] : verbs[1]);
        }
        return c.key() + " " + values(c.requestValues()) + ": " + how + " " + policy + suffix;
    }

    /**
     * Why an ARN pattern of fewer than six fields matches nothing, or nothing to say: the ARN operators compare
     * the six colon-separated fields one by one (IAM User Guide, "Amazon Resource Name (ARN) condition operators").
     */
    private static String fieldCount(List<String> policyValues) {
        for (String v : policyValues) {
            if (v != null && !ArnPattern.isArnShaped(v)) {
                return " (ARN operators compare the six colon-separated fields one by one, and " + v + " has "
                        + v.split(":", -1).length + ")";
            }
        }
        return "";
    }

    /** The verbs {positive, negative} comparing a request value with the policy's value (or values). */
    private static String[] verbs(ConditionOperator base, boolean many) {
        return switch (base) {
            case STRING_LIKE, STRING_NOT_LIKE, ARN_LIKE, ARN_NOT_LIKE -> many
                    ? new String[] {"matches one of", "matches none of"} : new String[] {"matches", "does not match"};
            case IP_ADDRESS, NOT_IP_ADDRESS -> new String[] {"is in", "is not in"};
            case NUMERIC_LESS_THAN -> new String[] {"is less than", "is not less than"};
            case NUMERIC_LESS_THAN_EQUALS -> new String[] {"is at most", "is more than"};
            case NUMERIC_GREATER_THAN -> new String[] {"is more than", "is not more than"};
            case NUMERIC_GREATER_THAN_EQUALS -> new String[] {"is at least", "is less than"};
            case DATE_LESS_THAN -> new String[] {"is before", "is not before"};
            case DATE_LESS_THAN_EQUALS -> new String[] {"is at or before", "is after"};
            case DATE_GREATER_THAN -> new String[] {"is after", "is not after"};
            case DATE_GREATER_THAN_EQUALS -> new String[] {"is at or after", "is before"};
            default -> many ? new String[] {"is one of", "is none of"} : new String[] {"is", "is not"};
        };
    }

    private static String policyValues(List<String> values, boolean ranges) {
        List<String> shown = values.stream().map(v -> v == null ? "(an unresolved policy variable)" : v).toList();
        if (shown.size() == 1) {
            return shown.get(0);
        }
        return ranges ? String.join(" or ", shown) : String.join(", ", shown);
    }

    private static String values(List<String> values) {
        return values.size() == 1 ? values.get(0) : "[" + String.join(", ", values) + "]";
    }

    /**
     * A suggested change as an instruction: {@code remove statement #1 from identity-based policy NoDelete},
     * {@code add an Allow for s3:GetObject on arn:... to identity-based policy ReadLogs},
     * {@code send aws:SourceIp = 203.0.113.1}.
     */
    public static String change(Change change) {
        if (change instanceof Change.RemoveStatement r) {
            return "remove statement " + r.statement().label() + " from " + policy(r.statement().policy());
        }
        if (change instanceof Change.AddStatement a) {
            Statement s = a.statement();
            String what = "add an " + s.effect().json() + " for " + String.join(", ", s.action().patterns().values())
                    + (s.resource() == null ? "" : " on " + String.join(", ", s.resource().patterns().values()));
            if (s.principal() != null) {
                what += s.principal().everyone() ? " to everyone" : " naming " + s.principal().principals().values()
                        .stream().flatMap(v -> v.values().stream()).collect(Collectors.joining(", "));
            }
            return what + (a.newPolicy() ? " in a new " : " to ") + policy(a.policy());
        }
        Change.SetContext s = (Change.SetContext) change;
        return s.removesKey() ? "send the request without " + s.key()
                : "send " + s.key() + " = " + String.join(", ", s.values());
    }
}
