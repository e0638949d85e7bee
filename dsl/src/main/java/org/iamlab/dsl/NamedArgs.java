package org.iamlab.dsl;

import java.util.List;
import java.util.Map;
import org.iamlab.engine.parse.Hints;

/**
 * The named arguments a command takes. Groovy passes any {@code key: value} a script writes, so a misspelled
 * key ({@code externalID:} for {@code externalId:}) would otherwise be dropped in silence and build a world
 * other than the one written.
 */
final class NamedArgs {

    private NamedArgs() {
    }

    /** {@code opts} when each of its keys is one of {@code keys}; otherwise an error naming the closest key. */
    static <T extends Map<String, ?>> T check(T opts, String command, String... keys) {
        if (opts == null) {
            return null;
        }
        List<String> known = List.of(keys);
        for (Object key : opts.keySet()) {
            String k = String.valueOf(key);
            if (known.contains(k)) {
                continue;
            }
            throw new DslException("`" + k + ":` is not a named argument of `" + command + "`"
                    + Hints.closest(k, known).map(c -> "; did you mean `" + c + ":`?")
                    .orElse(known.isEmpty() ? "; it takes none" : "; it takes " + list(known)));
        }
        return opts;
    }

    private static String list(List<String> keys) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < keys.size(); i++) {
            out.append(i == 0 ? "" : i == keys.size() - 1 ? " and " : ", ").append('`').append(keys.get(i))
                    .append(":`");
        }
        return out.toString();
    }
}
