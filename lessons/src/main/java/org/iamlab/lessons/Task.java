package org.iamlab.lessons;

import java.util.Objects;
import org.iamlab.lessons.model.Exercise;
import org.iamlab.lessons.render.ExerciseView;

/** An exercise as {@code exercise 'id'} shows it: what the learner reads, never its solution or checks. */
public record Task(Exercise exercise) {

    public Task {
        Objects.requireNonNull(exercise, "exercise");
    }

    @Override
    public String toString() {
        return ExerciseView.text(exercise);
    }
}
