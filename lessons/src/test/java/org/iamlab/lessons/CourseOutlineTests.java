package org.iamlab.lessons;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.iamlab.lessons.format.OutlineReader;
import org.iamlab.lessons.model.Outline;
import org.junit.jupiter.api.Test;

/** The course's outline ({@code lessons/outline.yaml}) and its notebooks ({@code notebooks/}) agree. */
class CourseOutlineTests {

    /** Maven runs the tests in the module's folder: the outline is here, the notebooks beside it. */
    private static final Path OUTLINE = Path.of("outline.yaml");
    private static final Path NOTEBOOKS = Path.of("..", "notebooks");

    @Test
    void everyNotebookIsInTheOutlineAndEveryLessonOfTheOutlineHasANotebook() throws IOException {
        Outline outline = OutlineReader.read(OUTLINE);
        TreeSet<String> notebooks = new TreeSet<>();
        try (Stream<Path> files = Files.list(NOTEBOOKS)) {
            files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".ipynb"))
                    .forEach(n -> notebooks.add(n.substring(0, n.length() - ".ipynb".length())));
        }
        TreeSet<String> listed = new TreeSet<>(outline.lessons().stream().map(Outline.Lesson::id).toList());
        TreeSet<String> unlisted = new TreeSet<>(notebooks);
        unlisted.removeAll(listed);
        TreeSet<String> missing = new TreeSet<>(listed);
        missing.removeAll(notebooks);
        assertEquals(List.of(), List.copyOf(unlisted), "notebooks the outline does not list");
        assertEquals(List.of(), List.copyOf(missing), "lessons of the outline without a notebook in notebooks/");
    }

    @Test
    void lessonsFollowTheirNotebooksNumbersAndPrerequisitesComeEarlier() throws IOException {
        List<Outline.Lesson> lessons = OutlineReader.read(OUTLINE).lessons();
        for (int i = 0; i < lessons.size(); i++) {
            Outline.Lesson lesson = lessons.get(i);
            assertTrue(lesson.id().startsWith(String.format("%02d-", i + 1)), lesson.id() + " is lesson " + (i + 1));
            List<String> earlier = lessons.subList(0, i).stream().map(Outline.Lesson::id).toList();
            assertTrue(earlier.containsAll(lesson.prerequisites()), lesson.id() + "'s prerequisites "
                    + lesson.prerequisites() + " come before it");
            assertTrue(!lesson.objectives().isEmpty(), lesson.id() + " has objectives");
        }
    }
}
