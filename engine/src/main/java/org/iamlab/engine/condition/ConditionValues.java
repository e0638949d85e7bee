package org.iamlab.engine.condition;

import java.math.BigDecimal;
import java.util.Base64;
import java.util.Optional;
import java.util.OptionalLong;

/** Reading condition values as the operator families compare them. */
public final class ConditionValues {

    private ConditionValues() {
    }

    /**
     * A number as the Numeric operators read it (integers and decimals, ASCII digits only: {@link BigDecimal}
     * alone would also read other scripts' digits), or empty.
     */
    public static Optional<BigDecimal> number(String text) {
        String t = text.strip();
        if (t.isEmpty() || t.length() > 64 || !isAscii(t)) {
            return Optional.empty();
        }
        try {
            return Optional.of(new BigDecimal(t));
        } catch (NumberFormatException notANumber) {
            return Optional.empty();
        }
    }

    /** A date as the Date operators read it, in epoch milliseconds, or empty. */
    public static OptionalLong date(String text) {
        return DateValue.parse(text);
    }

    /** The bytes of a base64 value, as BinaryEquals compares them, or empty. */
    public static Optional<byte[]> binary(String text) {
        try {
            return Optional.of(Base64.getDecoder().decode(text.strip()));
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
    }

    /** Whether {@code text} is {@code true} or {@code false}, in any case. */
    public static boolean isBoolean(String text) {
        String t = text.strip();
        return t.equalsIgnoreCase("true") || t.equalsIgnoreCase("false");
    }

    private static boolean isAscii(String t) {
        for (int i = 0; i < t.length(); i++) {
            if (t.charAt(i) >= 128) {
                return false;
            }
        }
        return true;
    }
}
