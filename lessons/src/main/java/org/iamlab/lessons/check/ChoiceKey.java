package org.iamlab.lessons.check;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.iamlab.engine.world.Answer;
import org.iamlab.lessons.model.Check;
import org.iamlab.lessons.model.Exercise;
import org.iamlab.lessons.model.Option;

/**
 * The key of a multiple-choice question, computed by evaluation: each option's edit is run on a fresh copy of the
 * question's world and the checks are asked there; an option is right when every check passes, and a wrong
 * option's proof is the first check it fails, with the answer (decision and trace) that fails it.
 */
public record ChoiceKey(List<String> right, Map<String, Proof> proofs) {

    /** The request that proves an option wrong. */
    public record Proof(Check check, Answer answer) {
    }

    public ChoiceKey {
        right = List.copyOf(right);
        proofs = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(proofs));
    }

    static ChoiceKey compute(Scripts scripts, Exercise.Choice e) {
        List<String> right = new ArrayList<>();
        Map<String, Proof> proofs = new LinkedHashMap<>();
        for (Option o : e.options()) {
            ExerciseWorld w = ExerciseWorld.build(scripts, e, o.edit());
            Proof proof = null;
            for (Check c : e.checks()) {
                Answer a = w.explain(c.request());
                if (!c.expect().accepts(a.decision())) {
                    proof = new Proof(c, a);
                    break;
                }
            }
            if (proof == null) {
                right.add(o.letter());
            } else {
                proofs.put(o.letter(), proof);
            }
        }
        return new ChoiceKey(right, proofs);
    }

    /** Why option {@code letter} is wrong, or empty when it is right. */
    public Optional<Proof> proof(String letter) {
        return Optional.ofNullable(proofs.get(letter));
    }
}
