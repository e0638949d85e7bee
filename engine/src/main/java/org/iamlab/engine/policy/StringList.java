package org.iamlab.engine.policy;

import java.util.List;

/**
 * The values of a policy element. IAM accepts a single string or an array; {@code writtenAsString}
 * remembers which, so that a policy re-serialises the way it was written.
 */
public record StringList(List<String> values, boolean writtenAsString) {

    public StringList {
        values = List.copyOf(values);
        if (writtenAsString && values.size() != 1) {
            throw new IllegalArgumentException("a value written as a string is exactly one value");
        }
    }

    /** One value written as a string. */
    public static StringList of(String value) {
        return new StringList(List.of(value), true);
    }

    /** Values written as an array. */
    public static StringList array(List<String> values) {
        return new StringList(values, false);
    }
}
