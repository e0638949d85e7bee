package org.iamlab.lessons.model;

import java.util.List;
import java.util.Objects;

/**
 * What every exercise has: its id (unique in the course), title, topic, seed-concept tags, points, the prompt
 * (Markdown), hints in the order they are given, an explanation shown once answered (may be null), the world
 * it starts from (DSL), and where it was written.
 */
public record Header(String id, String title, Topic topic, List<String> concepts, int points, String prompt,
                     List<String> hints, String explanation, Snippet world, Location at) {

    public Header {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(topic, "topic");
        concepts = List.copyOf(concepts);
        Objects.requireNonNull(prompt, "prompt");
        hints = List.copyOf(hints);
        Objects.requireNonNull(world, "world");
        Objects.requireNonNull(at, "at");
    }
}
