package org.iamlab.engine.condition;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import org.iamlab.engine.arn.Arn;
import org.iamlab.engine.arn.ArnPattern;
import org.iamlab.engine.pattern.Template;
import org.iamlab.engine.pattern.Wildcard;
import org.iamlab.engine.policy.Condition;
import org.iamlab.engine.policy.ConditionOperator;
import org.iamlab.engine.policy.QualifiedOperator;
import org.iamlab.engine.policy.QualifiedOperator.SetQualifier;
import org.iamlab.engine.trace.ConditionResult;

/**
 * One operator-key pair compiled for repeated evaluation (IAM User Guide, "Condition operators" and
 * "Single-valued vs. multivalued context keys"):
 * <ul>
 *   <li>a plain operator holds when any request value matches any policy value; a negated operator
 *       (StringNotEquals, NotIpAddress, ...) holds when none does;</li>
 *   <li>a missing key makes a plain operator false, a negated one true, and any {@code ...IfExists} true;</li>
 *   <li>{@code ForAllValues:} holds when every request value satisfies the operator, and when the key is
 *       missing or empty; {@code ForAnyValue:} when at least one does, and never for a missing key;</li>
 *   <li>{@code Null} tests whether the key is present.</li>
 * </ul>
 */
public final class CompiledCondition {

    private final Condition source;
    private final QualifiedOperator operator;
    private final ConditionOperator base;
    private final String lowerCaseKey;
    private final Template[] templates;
    private final Wildcard[] likePatterns;
    private final ArnPattern[] arnPatterns;
    private final BigDecimal[] numbers;
    private final long[] dates;
    private final IpRange[] ranges;
    private final byte[][] binaries;

    private CompiledCondition(Condition source, boolean variablesEnabled) {
        this.source = source;
        this.operator = source.operator();
        this.base = operator.base();
        // Interned like the request's keys, so the context lookup matches by identity.
        this.lowerCaseKey = source.key().toLowerCase(Locale.ROOT).intern();
        List<String> values = source.values().values();
        int n = values.size();
        ConditionOperator.Family family = base.family();
        this.templates = new Template[n];
        // Only the operator's family's values are compiled, into an array of their own (null for the others).
        this.likePatterns = family == ConditionOperator.Family.STRING_LIKE ? new Wildcard[n] : null;
        this.arnPatterns = family == ConditionOperator.Family.ARN ? new ArnPattern[n] : null;
        this.numbers = family == ConditionOperator.Family.NUMERIC ? new BigDecimal[n] : null;
        this.dates = family == ConditionOperator.Family.DATE ? new long[n] : null;
        this.ranges = family == ConditionOperator.Family.IP ? new IpRange[n] : null;
        this.binaries = family == ConditionOperator.Family.BINARY ? new byte[n][] : null;
        for (int i = 0; i < n; i++) {
            String v = values.get(i);
            templates[i] = Template.parse(v, variablesEnabled);
            switch (family) {
                case STRING_LIKE -> likePatterns[i] = templates[i].hasVariables() ? null : Wildcard.compile(v, false);
                case ARN -> arnPatterns[i] = ArnPattern.compile(v, variablesEnabled);
                case NUMERIC -> numbers[i] = ConditionValues.number(v).orElse(null);
                case DATE -> dates[i] = ConditionValues.date(v).orElse(Long.MIN_VALUE);
                case IP -> ranges[i] = IpRange.parse(v).orElse(null);
                case BINARY -> binaries[i] = ConditionValues.binary(v).orElse(null);
                default -> {
                    // strings, booleans and Null compare the (resolved) text
                }
            }
        }
    }

    /** Compiles {@code condition}; values were validated by the parser. */
    public static CompiledCondition compile(Condition condition, boolean variablesEnabled) {
        return new CompiledCondition(condition, variablesEnabled);
    }

    /** The condition as written. */
    public Condition source() {
        return source;
    }

    /**
     * Whether the condition holds for {@code context}. When {@code trace} is not {@code null} the outcome is
     * also recorded there, with the values compared.
     */
    public boolean evaluate(ContextValues context, List<ConditionResult> trace) {
        List<String> requestValues = context.values(lowerCaseKey);
        boolean holds = decide(requestValues, context);
        if (trace != null) {
            trace.add(new ConditionResult(operator.awsName(), source.key(), requestValues,
                    resolvedPolicyValues(context), holds));
        }
        return holds;
    }

    private boolean decide(List<String> requestValues, ContextValues context) {
        boolean missing = requestValues == null || requestValues.isEmpty();
        if (base == ConditionOperator.NULL) {
            for (Template t : templates) {
                if (Boolean.parseBoolean(t.raw().strip()) == missing) {
                    return true;
                }
            }
            return false;
        }
        boolean negated = base.negated();
        SetQualifier qualifier = operator.qualifier();
        if (missing) {
            return switch (qualifier) {
                case NONE -> operator.ifExists() || negated;
                case FOR_ANY_VALUE -> operator.ifExists();
                case FOR_ALL_VALUES -> true;
            };
        }
        switch (qualifier) {
            case FOR_ALL_VALUES -> {
                for (String value : requestValues) {
                    if (matchesAny(value, context) == negated) {
                        return false;
                    }
                }
                return true;
            }
            case FOR_ANY_VALUE -> {
                for (String value : requestValues) {
                    if (matchesAny(value, context) != negated) {
                        return true;
                    }
                }
                return false;
            }
            default -> {
                for (String value : requestValues) {
                    if (matchesAny(value, context)) {
                        return !negated;
                    }
                }
                return negated;
            }
        }
    }

    /** Whether {@code value} matches at least one policy value under the positive form of the operator. */
    private boolean matchesAny(String value, ContextValues context) {
        if (ranges != null && ranges.length > 0) {
            byte[] address = IpRange.parseAddress(value.strip());
            for (IpRange range : ranges) {
                if (range != null && range.contains(address)) {
                    return true;
                }
            }
            return false;
        }
        for (int i = 0; i < templates.length; i++) {
            if (matchesOne(value, i, context)) {
                return true;
            }
        }
        return false;
    }

    private boolean matchesOne(String value, int i, ContextValues context) {
        return switch (base.family()) {
            case STRING -> value.equals(templates[i].resolveText(context));
            case STRING_IGNORE_CASE -> value.equalsIgnoreCase(templates[i].resolveText(context));
            case STRING_LIKE -> {
                Wildcard w = likePatterns[i] != null ? likePatterns[i] : templates[i].resolvePattern(context, false);
                yield w != null && w.matches(value);
            }
            case BOOL -> value.strip().equalsIgnoreCase(templates[i].resolveText(context));
            case NUMERIC -> compareNumber(value, numbers[i]);
            case DATE -> compareDate(value, dates[i]);
            case IP -> ranges[i] != null && ranges[i].contains(value);
            case ARN -> {
                yield arnPatterns[i].matchesFields(Arn.parse(value).orElse(null), context);
            }
            case BINARY -> {
                byte[] bytes = ConditionValues.binary(value).orElse(null);
                yield bytes != null && binaries[i] != null && java.util.Arrays.equals(bytes, binaries[i]);
            }
            case NULL -> throw new IllegalStateException("Null is decided on presence alone");
        };
    }

    private boolean compareNumber(String value, BigDecimal policyValue) {
        BigDecimal requestValue = ConditionValues.number(value).orElse(null);
        if (requestValue == null || policyValue == null) {
            return false;
        }
        return holdsFor(requestValue.compareTo(policyValue));
    }

    private boolean compareDate(String value, long policyValue) {
        OptionalLong requestValue = ConditionValues.date(value);
        if (requestValue.isEmpty() || policyValue == Long.MIN_VALUE) {
            return false;
        }
        return holdsFor(Long.compare(requestValue.getAsLong(), policyValue));
    }

    /** The positive comparison of the numeric and date operators, given request-versus-policy order. */
    private boolean holdsFor(int comparison) {
        return switch (base) {
            case NUMERIC_EQUALS, NUMERIC_NOT_EQUALS, DATE_EQUALS, DATE_NOT_EQUALS -> comparison == 0;
            case NUMERIC_LESS_THAN, DATE_LESS_THAN -> comparison < 0;
            case NUMERIC_LESS_THAN_EQUALS, DATE_LESS_THAN_EQUALS -> comparison <= 0;
            case NUMERIC_GREATER_THAN, DATE_GREATER_THAN -> comparison > 0;
            case NUMERIC_GREATER_THAN_EQUALS, DATE_GREATER_THAN_EQUALS -> comparison >= 0;
            default -> throw new IllegalStateException(base + " is not a comparison");
        };
    }

    private List<String> resolvedPolicyValues(ContextValues context) {
        List<String> resolved = new ArrayList<>(templates.length);
        for (Template t : templates) {
            resolved.add(t.resolveText(context));
        }
        return resolved;
    }
}
