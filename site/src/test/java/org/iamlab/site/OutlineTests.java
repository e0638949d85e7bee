package org.iamlab.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The lessons' order and titles, with and without the course outline. */
class OutlineTests {

    private static final Path NOTEBOOKS = TestSites.COURSE.resolve("notebooks");

    @Test
    void theOutlineGivesTitlesAndObjectivesAndANotebookItDoesNotListTakesItsFirstHeading() throws IOException {
        List<Lesson> lessons = Outline.read(NOTEBOOKS, TestSites.COURSE.resolve("lessons/outline.yaml"));
        assertEquals(List.of("01-basics", "02-cross-account"), lessons.stream().map(Lesson::id).toList());
        assertEquals("The basics of a decision", lessons.get(0).title());
        assertEquals(2, lessons.get(0).objectives().size());
        assertEquals("Across accounts", lessons.get(1).title());
    }

    @Test
    void withoutAnOutlineTheTitlesComeFromTheNotebooks(@TempDir Path dir) throws IOException {
        List<Lesson> lessons = Outline.read(NOTEBOOKS, dir.resolve("missing.yaml"));
        assertEquals(List.of("Basics of a decision", "Across accounts"),
                lessons.stream().map(Lesson::title).toList());
    }

    @Test
    void anOutlineLessonWithoutANotebookIsAnErrorAtItsLineWithTheNotebookMeant(@TempDir Path dir)
            throws IOException {
        Path outline = Files.writeString(dir.resolve("outline.yaml"), """
                lessons:
                  - id: 01-basics
                    title: Basics
                  - id: 02-cross-acount
                    title: Across
                """);
        IOException e = assertThrows(IOException.class, () -> Outline.read(NOTEBOOKS, outline));
        assertEquals(outline + ": line 4, column 5: lesson `02-cross-acount` has no notebook in " + NOTEBOOKS
                + " (expected 02-cross-acount.ipynb); did you mean `02-cross-account`?", e.getMessage());
    }

    @Test
    void aMistakeInTheOutlineIsReportedAtItsLine(@TempDir Path dir) throws IOException {
        Path outline = Files.writeString(dir.resolve("outline.yaml"), """
                lessons:
                  - id: 01-basics
                    title: Basics
                    prerequisites: [02-cross-account]
                """);
        IOException e = assertThrows(IOException.class, () -> Outline.read(NOTEBOOKS, outline));
        assertTrue(e.getMessage().startsWith(outline + ": line 4, column 21: prerequisite `02-cross-account`"),
                e.getMessage());
    }
}
