package org.iamlab.site;

import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** The test course (two lessons, an outline, an exam bank of two questions) and the sites built from it, once per test run. */
final class TestSites {

    static final Path COURSE = resource("course");
    static final Path OUT = Path.of("target/test-site").toAbsolutePath();
    private static Built instructor;

    private TestSites() {
    }

    /** A built site and what the build printed. */
    record Built(Path dir, SiteBuilder.Summary summary, String progress) {
    }

    /** The instructor edition of the test course, with the question bank and the AsciiDoc kept. */
    static synchronized Built instructor() throws IOException {
        if (instructor == null) {
            instructor = build(COURSE.resolve("notebooks"), OUT.resolve("instructor"), Edition.INSTRUCTOR, true);
        }
        return instructor;
    }

    static Built build(Path notebooks, Path out, Edition edition, boolean keepAdoc) throws IOException {
        StringWriter progress = new StringWriter();
        SiteBuilder.Summary summary = SiteBuilder.build(new SiteBuilder.Options(notebooks,
                COURSE.resolve("lessons/outline.yaml"), out, edition, keepAdoc,
                BankQuestionsTests.testBank(), classPath()), new PrintWriter(progress));
        return new Built(out, summary, progress.toString());
    }

    /** The site module's runtime class path as Maven built it (what the lessons' JShell compiles against). */
    static String classPath() {
        String classes = System.getProperty("iamlab.site.classes", "target/classes");
        String file = System.getProperty("iamlab.site.classpath.file", "target/runtime-classpath.txt");
        try {
            return Path.of(classes).toAbsolutePath() + File.pathSeparator + Files.readString(Path.of(file)).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("run the tests through Maven: " + file + " is written by the build", e);
        }
    }

    static void delete(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static Path resource(String name) {
        try {
            return Path.of(TestSites.class.getResource("/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
