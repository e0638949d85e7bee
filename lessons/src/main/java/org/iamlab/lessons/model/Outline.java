package org.iamlab.lessons.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The course's outline ({@code lessons/outline.yaml}): every lesson in the order it is taught, with its title,
 * learning objectives and the lessons to take first. The site and the grader read the course's order from it.
 */
public record Outline(List<Lesson> lessons) {

    public Outline {
        lessons = List.copyOf(lessons);
    }

    /**
     * One lesson of the outline.
     *
     * @param id            the notebook's file name in {@code notebooks/} without {@code .ipynb}
     * @param prerequisites the ids of lessons listed before this one
     * @param at            where the lesson's entry was written
     */
    public record Lesson(String id, String title, List<String> objectives, List<String> prerequisites, Location at) {
        public Lesson {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(title, "title");
            objectives = List.copyOf(objectives);
            prerequisites = List.copyOf(prerequisites);
            Objects.requireNonNull(at, "at");
        }
    }

    /** The lesson called {@code id}, if the outline lists it. */
    public Optional<Lesson> lesson(String id) {
        return lessons.stream().filter(l -> l.id().equals(id)).findFirst();
    }
}
