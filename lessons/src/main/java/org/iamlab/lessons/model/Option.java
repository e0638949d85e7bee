package org.iamlab.lessons.model;

import java.util.Objects;

/**
 * One answer of a multiple-choice question: its letter (A, B, ...), the text the learner reads, the world edit it
 * stands for (a DSL snippet run on the question's world), and the instructor's explanation (may be null).
 */
public record Option(String letter, String text, Snippet edit, String why) {

    public Option {
        Objects.requireNonNull(letter, "letter");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(edit, "edit");
    }
}
