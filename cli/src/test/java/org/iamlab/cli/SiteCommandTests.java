package org.iamlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
    void serveServesTheSiteAndBuildsALessonAgainWhenItIsSaved() throws Exception {
        Path lessons = Path.of("target/cli-serve-notebooks").toAbsolutePath();
        Path out = Path.of("target/cli-serve-site").toAbsolutePath();
        for (Path dir : new Path[] {lessons, out, out.resolveSibling(out.getFileName() + ".cache")}) {
            if (Files.exists(dir)) {
                try (var files = Files.walk(dir)) {
                    files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
                }
            }
        }
        Files.createDirectories(lessons);
        Path lesson = lessons.resolve("16-exam-practice.ipynb");
        Files.copy(Path.of("../notebooks/16-exam-practice.ipynb"), lesson);
        StringWriter printed = new StringWriter();
        Thread serving = new Thread(() -> IamLab.commandLine(new PrintWriter(printed, true),
                new PrintWriter(printed, true)).execute("site", "--notebooks", lessons.toString(), "--out",
                out.toString(), "--serve", "--port", "0"), "test-site-serve");
        serving.start();
        try {
            String url = await(() -> {
                Matcher m = Pattern.compile("serving the site at (http://localhost:\\d+/)").matcher(printed.toString());
                return m.find() ? m.group(1) : null;
            }, "the site is served", printed);
            HttpClient http = HttpClient.newHttpClient();
            URI page = URI.create(url + "16-exam-practice.html");
            String served = get(http, page);
            assertTrue(served.contains("Exam practice: IAM the way") && !served.contains("Saved: "), served);

            Files.writeString(lesson, Files.readString(lesson).replaceFirst("# ", "# Saved: "));
            await(() -> get(http, page).contains("Saved: ") ? "" : null, "the saved lesson is served again", printed);
            assertTrue(printed.toString().contains("changed: 16-exam-practice.ipynb; building the site again"),
                    printed.toString());
        } finally {
            serving.interrupt();
            serving.join(60_000);
        }
        assertFalse(serving.isAlive(), "interrupting the command stops the server");
    }

    /** The first non-null value of {@code probe}, tried every 100 ms for up to three minutes. */
    private static String await(Callable<String> probe, String what, StringWriter printed) throws Exception {
        long deadline = System.currentTimeMillis() + 180_000;
        for (String value = probe.call(); ; value = probe.call()) {
            if (value != null) {
                return value;
            }
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError(what + ": did not happen; the command printed:\n" + printed);
            }
            Thread.sleep(100);
        }
    }

    private static String get(HttpClient http, URI uri) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    @Test
    void aPortInUseIsSaidBeforeAnyLessonRuns() throws IOException {
        Path out = Path.of("target/cli-busy-port-site").toAbsolutePath();
        try (java.net.ServerSocket busy = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            CliRun run = CliRun.of("site", "--notebooks", "../notebooks", "--out", out.toString(), "--serve",
                    "--port", String.valueOf(busy.getLocalPort()));
            assertEquals(SiteCommand.FAILED, run.status(), run.out() + run.err());
            assertEquals("iamlab site: cannot serve on port " + busy.getLocalPort() + ": it is in use; choose "
                    + "another with --port N (0 for any free port)", run.err().strip());
            assertFalse(run.out().contains("[1/"), "no lesson ran:\n" + run.out());
        }
    }

    @Test
    void anUnknownEditionIsAUsageError() {
        CliRun run = CliRun.of("site", "--edition", "teacher");
        assertEquals(IamLab.USAGE, run.status());
        assertTrue(run.err().contains("`teacher` is not an edition; use student or instructor"), run.err());
    }
}
