package org.iamlab.lessons.check;

import org.iamlab.lessons.format.ExerciseFormatException;
import org.iamlab.lessons.model.Exercise;

/**
 * The rules every key obeys, checked by computing it: a decision question's world answers its request; a choice
 * question has exactly one right option (at least one when {@code multi}), and every wrong option has a request
 * that proves it wrong; a policy or fix exercise's solution passes all its checks, hidden ones included.
 */
public final class Keys {

    private Keys() {
    }

    /** Computes {@code e}'s key with {@code checker}; a broken rule is an error at the exercise. */
    public static void verify(Exercise e, Checker checker) {
        if (e instanceof Exercise.Decision d) {
            checker.key(d);
        } else if (e instanceof Exercise.Choice c) {
            ChoiceKey key = checker.key(c);
            if (key.right().isEmpty()) {
                throw new ExerciseFormatException(e.header().at(), "no option of `" + e.id() + "` meets every check;"
                        + " " + proofs(key));
            }
            if (key.right().size() > 1 && !c.multi()) {
                throw new ExerciseFormatException(e.header().at(), "options " + String.join(", ", key.right())
                        + " of `" + e.id() + "` all meet every check; add a check that tells them apart, or mark the"
                        + " question `multi: true`");
            }
            for (var o : c.options()) {
                if (!key.right().contains(o.letter()) && key.proof(o.letter()).isEmpty()) {
                    throw new ExerciseFormatException(e.header().at(), "option " + o.letter() + " of `" + e.id()
                            + "` has no request that proves it wrong");
                }
            }
        } else {
            Feedback f = checker.checkSolution(e, true);
            if (f.status() != Feedback.Status.PASSED) {
                throw new ExerciseFormatException(e.header().at(), "the solution of `" + e.id() + "` does not pass: "
                        + f.firstFailure().map(r -> r.requirement() + ": " + r.reason()).orElse(f.note()));
            }
        }
    }

    private static String proofs(ChoiceKey key) {
        StringBuilder out = new StringBuilder();
        key.proofs().forEach((letter, p) -> out.append(out.length() == 0 ? "" : "; ").append(letter).append(" fails `")
                .append(p.check().describe()).append("` (").append(p.answer().decision().label()).append(')'));
        return out.toString();
    }
}
