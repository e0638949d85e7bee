package org.iamlab.lessons.format;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.iamlab.engine.parse.Hints;
import org.iamlab.lessons.model.Location;

/**
 * The keys of one YAML mapping, read by name: each read is typed, a missing required key or a key the mapping
 * may not have is a located error with a suggestion.
 */
final class Fields {

    private final Node.Mapping mapping;
    private final String what;

    /** The mapping {@code node} (an error if it is not one), which may hold only {@code allowed} keys. */
    Fields(Node node, String what, Set<String> allowed) {
        if (!(node instanceof Node.Mapping m)) {
            throw new ExerciseFormatException(node.at(), what + " must be a mapping (`key: value` lines), not "
                    + node.describe());
        }
        this.mapping = m;
        this.what = what;
        m.keys().forEach((key, at) -> {
            if (!allowed.contains(key)) {
                String hint = Hints.didYouMean(key, allowed);
                throw new ExerciseFormatException(at, "`" + key + "` is not a field of " + what
                        + (hint != null ? "; " + hint : "; its fields are " + String.join(", ", allowed.stream()
                        .sorted().toList())));
            }
        });
    }

    Location at() {
        return mapping.at();
    }

    boolean has(String key) {
        Node n = mapping.entries().get(key);
        return n != null && !(n instanceof Node.Scalar s && s.text() == null);
    }

    Node node(String key) {
        if (!has(key)) {
            throw new ExerciseFormatException(mapping.at(), what + " needs `" + key + ":`");
        }
        return mapping.entries().get(key);
    }

    /** The location of {@code key} itself (or of the mapping when absent). */
    Location keyAt(String key) {
        return mapping.keys().getOrDefault(key, mapping.at());
    }

    String text(String key) {
        return scalar(key).text();
    }

    String text(String key, String otherwise) {
        return has(key) ? text(key) : otherwise;
    }

    Node.Scalar scalar(String key) {
        Node n = node(key);
        if (n instanceof Node.Scalar s) {
            return s;
        }
        throw new ExerciseFormatException(n.at(), "`" + key + "` of " + what + " must be text, not " + n.describe());
    }

    int integer(String key, int otherwise) {
        if (!has(key)) {
            return otherwise;
        }
        Node.Scalar s = scalar(key);
        try {
            int v = Integer.parseInt(s.text().strip());
            if (v < 0) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw new ExerciseFormatException(s.at(), "`" + key + "` must be a whole number of 0 or more, not `"
                    + s.text() + "`");
        }
    }

    boolean bool(String key, boolean otherwise) {
        if (!has(key)) {
            return otherwise;
        }
        Node.Scalar s = scalar(key);
        return switch (s.text().strip()) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new ExerciseFormatException(s.at(), "`" + key + "` is true or false, not `" + s.text()
                    + "`");
        };
    }

    /** A list (a single value counts as a list of one). */
    List<Node> list(String key) {
        if (!has(key)) {
            return List.of();
        }
        Node n = node(key);
        return n instanceof Node.Sequence s ? s.items() : List.of(n);
    }

    /** A list of texts. */
    List<String> texts(String key) {
        List<String> out = new ArrayList<>();
        for (Node n : list(key)) {
            if (!(n instanceof Node.Scalar s) || s.text() == null) {
                throw new ExerciseFormatException(n.at(), "each item of `" + key + "` must be text, not "
                        + n.describe());
            }
            out.add(s.text());
        }
        return out;
    }
}
