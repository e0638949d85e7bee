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

/** The lessons' order and titles, with and without the course outline; the question bank's export. */
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
    void anOutlineEntryWithoutANotebookIsAnErrorNamingIt(@TempDir Path dir) throws IOException {
        Path outline = Files.writeString(dir.resolve("outline.yaml"), "- id: 07-missing\n  title: Gone\n");
        IOException e = assertThrows(IOException.class, () -> Outline.read(NOTEBOOKS, outline));
        assertTrue(e.getMessage().contains("lesson `07-missing` has no notebook"), e.getMessage());
    }

    @Test
    void theQuestionBankExportIsReadAndAQuestionWithoutACorrectOptionIsRefused(@TempDir Path dir)
            throws IOException {
        List<QuestionBank.Question> questions = JsonQuestionBank.read(TestSites.COURSE.resolve("questions.json"))
                .questions();
        assertEquals(List.of("scp-vs-identity", "boundary"), questions.stream().map(QuestionBank.Question::id)
                .toList());
        Path bad = Files.writeString(dir.resolve("q.json"), "[{\"id\": \"q\", \"stem\": \"?\", \"options\": "
                + "[{\"text\": \"yes\", \"correct\": false}]}]");
        IOException e = assertThrows(IOException.class, () -> JsonQuestionBank.read(bad));
        assertTrue(e.getMessage().endsWith("question 1: question `q` has no correct option"), e.getMessage());
    }
}
