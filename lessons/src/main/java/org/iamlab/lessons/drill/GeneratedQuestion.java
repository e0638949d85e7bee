package org.iamlab.lessons.drill;

import java.util.Objects;
import org.iamlab.engine.world.Answer;

/**
 * A decision question made from a seed: its id ({@code gen-SEED}), the stem the learner reads (the policies as
 * JSON and the request), and the key with its trace, computed by the evaluator.
 */
public record GeneratedQuestion(String id, String stem, Answer key) {

    public GeneratedQuestion {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(stem, "stem");
        Objects.requireNonNull(key, "key");
    }
}
