package org.iamlab.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** {@code iamlab site --serve}: the site is built again, in the same process, each time a lesson is saved. */
class SiteWatcherTests {

    /** Generous: a rebuild takes seconds, but the machine may be busy; the test fails only if nothing happens. */
    private static final long PATIENCE_MILLIS = 180_000;

    @Test
    void savingALessonRebuildsItsPageAndABrokenSaveIsReportedWhileTheSiteKeepsItsLastBuild() throws Exception {
        Path notebooks = TestSites.OUT.resolve("watched-notebooks");
        Path out = TestSites.OUT.resolve("watched");
        TestSites.delete(notebooks);
        TestSites.delete(out);
        TestSites.delete(SiteBuilder.cacheDir(out));
        Files.createDirectories(notebooks);
        try (Stream<Path> files = Files.list(TestSites.COURSE.resolve("notebooks"))) {
            for (Path f : files.toList()) {
                Files.copy(f, notebooks.resolve(f.getFileName()));
            }
        }
        StringWriter printed = new StringWriter();
        PrintWriter progress = new PrintWriter(printed, true);
        SiteBuilder.Options options = new SiteBuilder.Options(notebooks,
                TestSites.COURSE.resolve("lessons/outline.yaml"), out, Edition.INSTRUCTOR, false,
                BankQuestionsTests.testBank(), TestSites.classPath());
        Path lesson = notebooks.resolve("02-cross-account.ipynb");
        Path page = out.resolve("02-cross-account.html");
        String original = Files.readString(lesson);
        try (SiteWatcher watcher = new SiteWatcher(options, progress)) {
            assertEquals(2, watcher.build().ran());
            Thread watching = new Thread(() -> {
                try {
                    watcher.watch();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "test-site-watcher");
            watching.start();

            Files.writeString(lesson, original.replace("Write the trust policy.", "Write the trust policy, now."));
            awaitTrue(() -> read(page).contains("Write the trust policy, now."), "the page is rebuilt", printed);
            String rebuild = printed.toString().substring(printed.toString().indexOf("changed: "));
            assertTrue(rebuild.startsWith("changed: 02-cross-account.ipynb; building the site again"), rebuild);
            assertTrue(rebuild.contains("01-basics: unchanged, outputs from the cache"), rebuild);
            assertTrue(rebuild.contains("02-cross-account: ran 2 cells"), rebuild);

            Files.writeString(lesson, "{ \"cells\": [");
            awaitTrue(() -> printed.toString().contains("the build failed"), "the broken save is reported", printed);
            String failure = printed.toString().substring(printed.toString().indexOf("the build failed"));
            assertTrue(failure.contains("02-cross-account.ipynb"), "the message names the lesson: " + failure);
            assertTrue(failure.contains("the site keeps its last build"), failure);
            assertTrue(read(page).contains("Write the trust policy, now."), "the last good page is still served");

            Files.writeString(lesson, original);
            awaitTrue(() -> read(page).contains("Write the trust policy.") && !read(page).contains(", now."),
                    "the fixed lesson is built again", printed);

            watcher.close();
            watching.join(PATIENCE_MILLIS);
            assertFalse(watching.isAlive(), "closing the watcher ends its watch");
        }
    }

    private static void awaitTrue(BooleanSupplier condition, String what, StringWriter printed)
            throws InterruptedException {
        long deadline = System.currentTimeMillis() + PATIENCE_MILLIS;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError(what + ": did not happen; the watcher printed:\n" + printed);
            }
            Thread.sleep(100);
        }
    }

    private static String read(Path file) {
        try {
            return Files.isRegularFile(file) ? Files.readString(file) : "";
        } catch (IOException e) {
            return "";
        }
    }
}
