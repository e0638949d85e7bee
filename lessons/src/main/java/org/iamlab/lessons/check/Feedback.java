package org.iamlab.lessons.check;

import java.util.List;
import java.util.Objects;

/**
 * What a learner sees about one exercise: its id and title, whether it is not attempted yet, passed or failed,
 * each public check's result (hidden checks never appear here), the note (why it is not attempted, or the
 * answer that was given), the hint when something failed, and the explanation once answered.
 * {@code points} are earned when every check passed; {@code maxPoints} is what the exercise is worth.
 */
public record Feedback(String exercise, String title, Status status, List<CheckResult> results, String note,
                       String hint, String explanation, int points, int maxPoints) {

    /** Where the learner stands. */
    public enum Status {
        NOT_ATTEMPTED("not attempted yet"),
        PASSED("passed"),
        FAILED("not yet right");

        private final String words;

        Status(String words) {
            this.words = words;
        }

        public String words() {
            return words;
        }
    }

    public Feedback {
        Objects.requireNonNull(exercise, "exercise");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(status, "status");
        results = List.copyOf(results);
    }

    /** How many checks passed. */
    public int passed() {
        return (int) results.stream().filter(CheckResult::passed).count();
    }

    /** How many checks there are. */
    public int total() {
        return results.size();
    }

    /** The first failed check, if any. */
    public java.util.Optional<CheckResult> firstFailure() {
        return results.stream().filter(r -> !r.passed()).findFirst();
    }

    /** The text view (so that {@code iamlab run} and plain printing show the feedback, not the record). */
    @Override
    public String toString() {
        return org.iamlab.lessons.render.FeedbackView.text(this);
    }
}
