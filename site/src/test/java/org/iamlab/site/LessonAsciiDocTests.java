package org.iamlab.site;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.iamlab.kernel.CellOutput;
import org.junit.jupiter.api.Test;

/** What each edition shows of a check cell, whose result the solution earned, and of an answer in plain sight. */
class LessonAsciiDocTests {

    private static final CellOutput CHECK = new CellOutput.Display(Map.of(
            "text/plain", "shop-bob-uploads: passed (4/4 checks, 2/2 points)",
            "text/html", "<div class=\"iamlab-check\">\u2713 passed</div>",
            "application/vnd.iamlab.check+json",
            "{\"exercise\":\"shop-bob-uploads\",\"passed\":4,\"total\":4,\"points\":2,\"max_points\":2}"), false);

    private static String page(Edition edition) {
        return page(edition, "%%iam\ncheck 'shop-bob-uploads'\n");
    }

    private static String page(Edition edition, String source) {
        Notebook.Cell cell = new Notebook.Cell("code", "c1", source, List.of());
        Lesson lesson = new Lesson("01-x", "X", List.of(), List.of(), Path.of("01-x.ipynb"));
        ExecutedLesson executed = new ExecutedLesson(lesson, List.of(new ExecutedLesson.Cell(cell, List.of(CHECK),
                Optional.of(cell.source()))));
        return LessonAsciiDoc.write(executed, Map.of(), edition).adoc();
    }

    @Test
    void theInstructorEditionShowsTheChecksFeedback() {
        assertTrue(page(Edition.INSTRUCTOR).contains("<div class=\"iamlab-check\">\u2713 passed</div>"));
    }

    @Test
    void theStudentEditionSaysWhatTheCheckChecksWithoutTheResultTheSolutionEarned() {
        String adoc = page(Edition.STUDENT);
        assertFalse(adoc.contains("passed"), adoc);
        assertTrue(adoc.contains("Running this cell checks your answer to <code>shop-bob-uploads</code> against 4"
                + " requirements, for 2 points."), adoc);
    }

    @Test
    void anAnswerTheStudentEditionLeavesInSightShowsItsFeedbackThere() {
        String adoc = page(Edition.STUDENT, "%%iam\n// option D, on purpose\nanswer 'shop-bob-uploads', 'D'\n");
        assertTrue(adoc.contains("<div class=\"iamlab-check\">\u2713 passed</div>"), adoc);
        assertFalse(adoc.contains("Running this cell checks"), adoc);
    }
}
