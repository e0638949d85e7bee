package org.iamlab.lessons.grade;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * How running one notebook of a submission went: {@code problem} is null when it ran to the end (cells that
 * failed are the student's business), else why it stopped ({@link Status#TIMEOUT}, {@link Status#CRASHED}, ...)
 * with {@code detail}; {@code notes} are what the grader noticed on the way (a refused {@code System.exit});
 * {@code work} is the exported {@link WorkExport} (empty when it stopped); {@code seconds} the time it ran.
 */
public record LessonRun(String notebook, Status problem, String detail, List<String> notes, JsonNode work,
                        double seconds) {

    public LessonRun {
        notes = List.copyOf(notes);
    }

    static LessonRun stopped(String notebook, Status problem, String detail) {
        return new LessonRun(notebook, problem, detail, List.of(), null, 0);
    }
}
