package org.iamlab.site;

import java.util.List;
import java.util.Objects;

/**
 * The exam-practice questions the site shows (the lessons module's bank, or its JSON export read by
 * {@link JsonQuestionBank}). Keys and explanations come from the bank; the page only checks the choice.
 */
public interface QuestionBank {

    /** The questions, in the order the page shows them. */
    List<Question> questions();

    /** A bank without questions: the practice page says so. */
    static QuestionBank empty() {
        return List::of;
    }

    /** A multiple-choice question: its topic, its stem, its options, and the explanation shown once answered. */
    record Question(String id, String topic, String stem, List<Option> options, String explanation) {
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

    /** One option, whether it is right, and why (shown when it is chosen). */
    record Option(String id, String text, boolean correct, String feedback) {
        public Option {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(feedback, "feedback");
        }
    }
}
