package org.iamlab.site;

import java.util.List;
import java.util.Objects;

/**
 * The exam-practice questions the site shows, as the page needs them: keys, feedback and explanations are
 * computed from the lessons module's bank by {@link BankQuestions}; the page only checks the choice.
 */
public interface QuestionBank {

    /** The questions, in the order the page shows them. */
    List<Question> questions();

    /**
     * What the questions are computed from: two banks with the same key (in the same program) have the same
     * questions, so the practice page is made again only when the program or the bank changed.
     */
    String key();

    /**
     * A question: its topic, its stem (Markdown), whether several options are right, its options, and the
     * explanation (Markdown) shown once answered.
     */
    record Question(String id, String topic, String stem, boolean multi, List<Option> options, String explanation) {
        public Question {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(topic, "topic");
            Objects.requireNonNull(stem, "stem");
            options = List.copyOf(options);
            Objects.requireNonNull(explanation, "explanation");
            if (options.stream().noneMatch(Option::correct)) {
                throw new IllegalArgumentException("question `" + id + "` has no correct option");
            }
        }
    }

    /** One option (its letter and its text in Markdown), whether it is right, and why (shown when chosen). */
    record Option(String id, String text, boolean correct, String feedback) {
        public Option {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(feedback, "feedback");
        }
    }
}
