package org.iamlab.engine.policy;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A condition operator as written in a policy: an optional set qualifier ({@code ForAllValues:},
 * {@code ForAnyValue:}), a base operator, and an optional {@code IfExists} suffix.
 */
public record QualifiedOperator(SetQualifier qualifier, ConditionOperator base, boolean ifExists) {

    /** How an operator treats a multivalued context key. */
    public enum SetQualifier {
        /** Plain operator: holds when any request value matches (negated: when none does). */
        NONE(""),
        /** Every request value must match; true when the key is missing or empty. */
        FOR_ALL_VALUES("ForAllValues:"),
        /** At least one request value must match; false when the key is missing or empty. */
        FOR_ANY_VALUE("ForAnyValue:");

        private final String prefix;

        SetQualifier(String prefix) {
            this.prefix = prefix;
        }

        /** The prefix as written in a policy. */
        public String prefix() {
            return prefix;
        }
    }

    private static final String IF_EXISTS = "ifexists";

    public QualifiedOperator {
        Objects.requireNonNull(qualifier, "qualifier");
        Objects.requireNonNull(base, "base");
        if (ifExists && base == ConditionOperator.NULL) {
            throw new IllegalArgumentException("Null has no IfExists form");
        }
    }

    /** Operators by the spelling a policy wrote, since a corpus writes the same few spellings over and over. */
    private static final Map<String, Optional<QualifiedOperator>> BY_SPELLING = new ConcurrentHashMap<>();
    /** Beyond this many spellings (only case variants could reach it) operators are parsed without keeping them. */
    private static final int SPELLINGS_KEPT = 1024;

    /** Parses an operator name such as {@code ForAnyValue:StringLikeIfExists}, ignoring case. */
    public static Optional<QualifiedOperator> parse(String written) {
        Optional<QualifiedOperator> known = BY_SPELLING.get(written);
        if (known != null) {
            return known;
        }
        Optional<QualifiedOperator> parsed = parseSpelling(written);
        if (parsed.isPresent() && BY_SPELLING.size() < SPELLINGS_KEPT) {
            BY_SPELLING.put(written, parsed);
        }
        return parsed;
    }

    private static Optional<QualifiedOperator> parseSpelling(String written) {
        String rest = written;
        SetQualifier qualifier = SetQualifier.NONE;
        String lower = written.toLowerCase(Locale.ROOT);
        for (SetQualifier q : new SetQualifier[] {SetQualifier.FOR_ALL_VALUES, SetQualifier.FOR_ANY_VALUE}) {
            if (lower.startsWith(q.prefix().toLowerCase(Locale.ROOT))) {
                qualifier = q;
                rest = written.substring(q.prefix().length());
            }
        }
        ConditionOperator base = ConditionOperator.byName(rest);
        if (base != null) {
            return Optional.of(new QualifiedOperator(qualifier, base, false));
        }
        if (rest.toLowerCase(Locale.ROOT).endsWith(IF_EXISTS)) {
            base = ConditionOperator.byName(rest.substring(0, rest.length() - IF_EXISTS.length()));
            if (base != null && base != ConditionOperator.NULL) {
                return Optional.of(new QualifiedOperator(qualifier, base, true));
            }
        }
        return Optional.empty();
    }

    /** The canonical spelling, e.g. {@code ForAnyValue:StringLikeIfExists}. */
    public String awsName() {
        return qualifier.prefix() + base.awsName() + (ifExists ? "IfExists" : "");
    }

    @Override
    public String toString() {
        return awsName();
    }
}
