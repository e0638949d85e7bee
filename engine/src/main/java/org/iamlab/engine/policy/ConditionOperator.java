package org.iamlab.engine.policy;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The base condition operators of the IAM User Guide's "IAM JSON policy elements: Condition operators". */
public enum ConditionOperator {
    STRING_EQUALS("StringEquals", Family.STRING, false),
    STRING_NOT_EQUALS("StringNotEquals", Family.STRING, true),
    STRING_EQUALS_IGNORE_CASE("StringEqualsIgnoreCase", Family.STRING_IGNORE_CASE, false),
    STRING_NOT_EQUALS_IGNORE_CASE("StringNotEqualsIgnoreCase", Family.STRING_IGNORE_CASE, true),
    STRING_LIKE("StringLike", Family.STRING_LIKE, false),
    STRING_NOT_LIKE("StringNotLike", Family.STRING_LIKE, true),
    NUMERIC_EQUALS("NumericEquals", Family.NUMERIC, false),
    NUMERIC_NOT_EQUALS("NumericNotEquals", Family.NUMERIC, true),
    NUMERIC_LESS_THAN("NumericLessThan", Family.NUMERIC, false),
    NUMERIC_LESS_THAN_EQUALS("NumericLessThanEquals", Family.NUMERIC, false),
    NUMERIC_GREATER_THAN("NumericGreaterThan", Family.NUMERIC, false),
    NUMERIC_GREATER_THAN_EQUALS("NumericGreaterThanEquals", Family.NUMERIC, false),
    DATE_EQUALS("DateEquals", Family.DATE, false),
    DATE_NOT_EQUALS("DateNotEquals", Family.DATE, true),
    DATE_LESS_THAN("DateLessThan", Family.DATE, false),
    DATE_LESS_THAN_EQUALS("DateLessThanEquals", Family.DATE, false),
    DATE_GREATER_THAN("DateGreaterThan", Family.DATE, false),
    DATE_GREATER_THAN_EQUALS("DateGreaterThanEquals", Family.DATE, false),
    BOOL("Bool", Family.BOOL, false),
    BINARY_EQUALS("BinaryEquals", Family.BINARY, false),
    IP_ADDRESS("IpAddress", Family.IP, false),
    NOT_IP_ADDRESS("NotIpAddress", Family.IP, true),
    ARN_EQUALS("ArnEquals", Family.ARN, false),
    ARN_LIKE("ArnLike", Family.ARN, false),
    ARN_NOT_EQUALS("ArnNotEquals", Family.ARN, true),
    ARN_NOT_LIKE("ArnNotLike", Family.ARN, true),
    NULL("Null", Family.NULL, false);

    /** Operators that compare the same kind of value. */
    public enum Family { STRING, STRING_IGNORE_CASE, STRING_LIKE, NUMERIC, DATE, BOOL, BINARY, IP, ARN, NULL }

    private static final Map<String, ConditionOperator> BY_LOWER_NAME = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(o -> o.awsName.toLowerCase(Locale.ROOT), Function.identity()));

    private final String awsName;
    private final Family family;
    private final boolean negated;

    ConditionOperator(String awsName, Family family, boolean negated) {
        this.awsName = awsName;
        this.family = family;
        this.negated = negated;
    }

    /** The operator's name as the IAM User Guide spells it. */
    public String awsName() {
        return awsName;
    }

    /** The kind of value compared. */
    public Family family() {
        return family;
    }

    /**
     * True for the negated operators (StringNotEquals, NotIpAddress, ...): they hold when no policy value
     * matches, and when the key is missing.
     */
    public boolean negated() {
        return negated;
    }

    /** The operator named {@code name}, ignoring case, or {@code null}. */
    public static ConditionOperator byName(String name) {
        return BY_LOWER_NAME.get(name.toLowerCase(Locale.ROOT));
    }

    /** Every operator name a policy may use, qualified ones included, for "did you mean" hints. */
    public static List<String> allSpellings() {
        List<String> names = new java.util.ArrayList<>();
        for (ConditionOperator op : values()) {
            names.add(op.awsName);
            if (op != NULL) {
                names.add(op.awsName + "IfExists");
            }
        }
        List<String> base = List.copyOf(names);
        for (String n : base) {
            names.add("ForAllValues:" + n);
            names.add("ForAnyValue:" + n);
        }
        return names;
    }
}
