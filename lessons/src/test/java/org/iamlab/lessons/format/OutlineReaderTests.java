package org.iamlab.lessons.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.iamlab.lessons.model.Outline;
import org.junit.jupiter.api.Test;

class OutlineReaderTests {

    private static final String TWO = """
            lessons:
              - id: 01-first
                title: First
                objectives: [Read a trace]
                prerequisites: []
              - id: 02-second
                title: Second
                prerequisites: [01-first]
            """;

    @Test
    void lessonsKeepTheirOrderTitlesObjectivesAndPrerequisites() {
        Outline outline = OutlineReader.read(TWO, "outline.yaml");
        assertEquals(List.of("01-first", "02-second"), outline.lessons().stream().map(Outline.Lesson::id).toList());
        assertEquals(List.of("Read a trace"), outline.lessons().get(0).objectives());
        assertEquals(List.of("01-first"), outline.lesson("02-second").orElseThrow().prerequisites());
        assertEquals(6, outline.lessons().get(1).at().line());
    }

    @Test
    void aPrerequisiteListedLaterIsAnErrorAtItsLine() {
        String later = """
                lessons:
                  - id: 01-first
                    title: First
                    prerequisites: [02-second]
                  - id: 02-second
                    title: Second
                """;
        var e = assertThrows(ExerciseFormatException.class, () -> OutlineReader.read(later, "outline.yaml"));
        assertEquals(4, e.at().line());
        assertEquals("prerequisite `02-second` of `01-first` is not a lesson listed before it; a prerequisite names"
                + " an earlier lesson's id", e.problem());
    }

    @Test
    void aMisspelledPrerequisiteSuggestsTheLessonMeant() {
        var e = assertThrows(ExerciseFormatException.class, () -> OutlineReader.read(TWO.replace(
                "[01-first]", "[01-frist]"), "outline.yaml"));
        assertEquals("outline.yaml: line 8, column 21: prerequisite `01-frist` of `02-second` is not a lesson"
                + " listed before it; did you mean `01-first`?", e.getMessage());
    }

    @Test
    void aLessonListedTwiceIsAnErrorNamingTheFirstLine() {
        var e = assertThrows(ExerciseFormatException.class, () -> OutlineReader.read(TWO.replace("02-second",
                "01-first"), "outline.yaml"));
        assertEquals(6, e.at().line());
        assertEquals("lesson `01-first` is already listed at line 2", e.problem());
    }

    @Test
    void anIdThatIsNoNotebookNameAndAnUnknownFieldAreLocatedErrors() {
        var badId = assertThrows(ExerciseFormatException.class, () -> OutlineReader.read(TWO.replace(
                "id: 01-first", "id: first"), "outline.yaml"));
        assertEquals(2, badId.at().line());
        var field = assertThrows(ExerciseFormatException.class, () -> OutlineReader.read(TWO.replace(
                "objectives:", "objective:"), "outline.yaml"));
        assertEquals("`objective` is not a field of a lesson of the outline; did you mean `objectives`?",
                field.problem());
        var title = assertThrows(ExerciseFormatException.class, () -> OutlineReader.read(TWO.replace(
                "    title: Second\n", ""), "outline.yaml"));
        assertEquals("a lesson of the outline needs `title:`", title.problem());
    }
}
