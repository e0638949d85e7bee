package org.iamlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** {@code iamlab site} on the course's own lessons: every lesson runs without an error and the site is written. */
class SiteCommandTests {

    @Test
    void theCourseSiteIsBuiltFromTheLessonsWithProgressPerLessonAndWhereTheSiteIs() throws IOException {
        Path out = Path.of("target/cli-site").toAbsolutePath();
        CliRun run = CliRun.of("site", "--notebooks", "../notebooks", "--out", out.toString());
        assertEquals(0, run.status(), run.out() + run.err());
        assertTrue(run.out().contains("[1/1] 01-who-can-do-what: "), run.out());
        assertTrue(run.out().contains(out.resolve("index.html").toUri().toString()), run.out());
        assertFalse(run.out().contains("warning"), "no cell of the lessons fails:\n" + run.out());
        String lesson = Files.readString(out.resolve("01-who-can-do-what.html"));
        assertTrue(lesson.contains("class=\"iamlab-trace\""), "the lesson's traces are on its page");
    }

    @Test
    void anUnknownEditionIsAUsageError() {
        CliRun run = CliRun.of("site", "--edition", "teacher");
        assertEquals(IamLab.USAGE, run.status());
        assertTrue(run.err().contains("`teacher` is not an edition; use student or instructor"), run.err());
    }
}
