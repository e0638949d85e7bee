package org.iamlab.engine.advice;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.iamlab.engine.policy.ConditionOperator;
import org.iamlab.engine.policy.QualifiedOperator;
import org.iamlab.engine.trace.ConditionResult;

/**
 * Context values worth trying for one condition, derived from the values the policy compares with: each value
 * itself, a wildcard pattern filled in, an address inside a CIDR range, a number either side of a bound, both
 * booleans, and the key left out. They are only candidates: the {@link Advisor} keeps one when re-evaluation
 * shows that it gives the condition the outcome wanted.
 */
final class ContextCandidates {

    /** Keys AWS derives from the caller: changing them means asking as someone else, not sending other values. */
    private static final Set<String> FROM_PRINCIPAL = Set.of("aws:principalarn", "aws:principalaccount",
            "aws:principaltype", "aws:username", "aws:principalservicename", "aws:userid");

    /** Filler for a wildcard or for a key that only has to be present. */
    static final String EXAMPLE = "example";

    private ContextCandidates() {
    }

    /** True when a learner could send another value for {@code key} without changing who asks. */
    static boolean changeable(String key) {
        return !FROM_PRINCIPAL.contains(key.toLowerCase(Locale.ROOT));
    }

    /** Candidate changes for the condition's key, most natural first; none for a key derived from the caller. */
    static List<Change.SetContext> of(ConditionResult c) {
        QualifiedOperator op = QualifiedOperator.parse(c.operator()).orElse(null);
        if (op == null || !changeable(c.key())) {
            return List.of();
        }
        ConditionOperator base = op.base();
        Set<String> values = new LinkedHashSet<>();
        boolean tryAbsent = c.requestValues() != null;
        for (String v : c.policyValues()) {
            if (v == null) {
                continue;
            }
            switch (base.family()) {
                case IP -> values.add(addressIn(v));
                case STRING_LIKE, ARN -> values.add(v.replace("*", EXAMPLE).replace("?", "x"));
                case NUMERIC -> values.addAll(around(v));
                case NULL -> {
                    if (v.strip().equalsIgnoreCase("false")) {
                        values.add(EXAMPLE);
                    }
                }
                default -> values.add(v);
            }
        }
        if (base.family() == ConditionOperator.Family.BOOL) {
            values.add("true");
            values.add("false");
        }
        if (c.requestValues() != null && c.requestValues().size() == 1) {
            values.remove(c.requestValues().get(0));
        }
        List<Change.SetContext> out = new ArrayList<>();
        boolean absentFirst = base.negated() || base == ConditionOperator.NULL;
        if (tryAbsent && absentFirst) {
            out.add(new Change.SetContext(c.key(), null));
        }
        for (String v : values) {
            out.add(new Change.SetContext(c.key(), List.of(v)));
        }
        if (tryAbsent && !absentFirst) {
            out.add(new Change.SetContext(c.key(), null));
        }
        return out;
    }

    /** An address inside {@code cidr}: the first host of an IPv4 network, or the written address. */
    static String addressIn(String cidr) {
        int slash = cidr.indexOf('/');
        String address = slash < 0 ? cidr.strip() : cidr.substring(0, slash).strip();
        if (slash < 0 || address.indexOf(':') >= 0) {
            return address;
        }
        String[] octets = address.split("\\.");
        int prefix;
        try {
            prefix = Integer.parseInt(cidr.substring(slash + 1).strip());
            if (octets.length != 4 || prefix < 0 || prefix > 32) {
                return address;
            }
            long bits = 0;
            for (String o : octets) {
                bits = bits << 8 | Integer.parseInt(o);
            }
            long mask = prefix == 0 ? 0 : 0xFFFFFFFFL << (32 - prefix) & 0xFFFFFFFFL;
            long host = (bits & mask) + (prefix <= 30 ? 1 : 0);
            return (host >> 24 & 255) + "." + (host >> 16 & 255) + "." + (host >> 8 & 255) + "." + (host & 255);
        } catch (NumberFormatException e) {
            return address;
        }
    }

    private static List<String> around(String number) {
        try {
            BigDecimal n = new BigDecimal(number.strip());
            return List.of(n.toPlainString(), n.add(BigDecimal.ONE).toPlainString(),
                    n.subtract(BigDecimal.ONE).toPlainString());
        } catch (NumberFormatException e) {
            return List.of(number);
        }
    }
}
