package org.iamlab.lessons.format;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.iamlab.lessons.model.Location;

/** A YAML value with the location it was written at: a scalar, a mapping or a sequence. */
sealed interface Node {

    Location at();

    /** What the value is, for messages: {@code a list}, {@code a mapping}, {@code text}. */
    String describe();

    /** A scalar as written ({@code null} for an empty value); {@code contentAt} is where its text starts. */
    record Scalar(String text, Location contentAt, Location at) implements Node {
        @Override
        public String describe() {
            return text == null ? "nothing" : "`" + text + "`";
        }
    }

    /** A mapping in the order written, with where each key was. */
    record Mapping(Map<String, Node> entries, Map<String, Location> keys, Location at) implements Node {
        public Mapping {
            entries = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(entries));
            keys = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(keys));
        }

        @Override
        public String describe() {
            return "a mapping";
        }
    }

    record Sequence(List<Node> items, Location at) implements Node {
        public Sequence {
            items = List.copyOf(items);
        }

        @Override
        public String describe() {
            return "a list";
        }
    }
}
