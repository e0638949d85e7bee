package org.iamlab.site;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * One lesson of the course: its notebook, and what the outline says of it.
 *
 * @param id            the notebook's file name without {@code .ipynb}, e.g. {@code 01-who-can-do-what}; also the
 *                      name of its page ({@code ID.html})
 * @param title         the lesson's title
 * @param objectives    what a learner can do after it (may be empty)
 * @param prerequisites the ids of the lessons to take first (may be empty)
 * @param notebook      the notebook file
 */
public record Lesson(String id, String title, List<String> objectives, List<String> prerequisites, Path notebook) {

    public Lesson {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        objectives = List.copyOf(objectives);
        prerequisites = List.copyOf(prerequisites);
        Objects.requireNonNull(notebook, "notebook");
    }

    /** The lesson page's file name. */
    public String page() {
        return id + ".html";
    }
}
