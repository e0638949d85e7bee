package org.iamlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.iamlab.lessons.format.Catalog;
import org.iamlab.lessons.model.Exercise;
import org.junit.jupiter.api.Test;

/**
 * {@code iamlab site} on the course's own lessons and exam bank: every lesson runs without an error and the site,
 * with the bank's questions on its practice page, is written.
 */
class SiteCommandTests {

    @Test
    void theCourseSiteIsBuiltFromTheLessonsWithProgressPerLessonAndWhereTheSiteIs() throws IOException {
        Path out = Path.of("target/cli-site").toAbsolutePath();
        CliRun run = CliRun.of("site", "--notebooks", "../notebooks", "--out", out.toString());
        assertEquals(0, run.status(), run.out() + run.err());
        long notebooks;
        try (var files = Files.list(Path.of("../notebooks"))) {
            notebooks = files.filter(f -> f.toString().endsWith(".ipynb")).count();
        }
        assertTrue(run.out().contains("[1/" + notebooks + "] 01-who-can-do-what: "), run.out());
        assertTrue(run.out().contains("[" + notebooks + "/" + notebooks + "] "), "every lesson is built:\n" + run.out());
        assertTrue(run.out().contains(out.resolve("index.html").toUri().toString()), run.out());
        assertFalse(run.out().contains("warning"), "no cell of the lessons fails:\n" + run.out());
        String lesson = Files.readString(out.resolve("01-who-can-do-what.html"));
        assertTrue(lesson.contains("class=\"iamlab-trace\""), "the lesson's traces are on its page");
        String practice = Files.readString(out.resolve("practice.html"));
        for (Exercise e : Catalog.course().bank()) {
            if (e instanceof Exercise.Choice || e instanceof Exercise.Decision) {
                assertTrue(practice.contains("data-question=\"" + e.id() + "\""), "the practice page asks " + e.id());
            }
        }
    }

    @Test
    void anUnknownEditionIsAUsageError() {
        CliRun run = CliRun.of("site", "--edition", "teacher");
        assertEquals(IamLab.USAGE, run.status());
        assertTrue(run.err().contains("`teacher` is not an edition; use student or instructor"), run.err());
    }
}
