package org.iamlab.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.iamlab.lessons.student.ClearSolutions;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/** The site built from the test course: its pages, its editions, its links, and the lesson cache. */
class SiteBuildTests {

    @Test
    void theIndexListsTheLessonsInTheOutlinesOrderWithTheirObjectives() throws IOException {
        Document index = page(TestSites.instructor().dir(), "index.html");
        List<String> lessons = index.select("main .lesson h3 a").eachText();
        assertEquals(List.of("1. The basics of a decision", "2. Across accounts").toString(),
                index.select("main .lesson h3").eachText().toString(), lessons.toString());
        assertTrue(index.select("main .objectives li").eachText().contains("Read a decision trace"));
    }

    @Test
    void aLessonPageHasItsTraceItsPrintedTextItsJsonAndItsMarkdown() throws IOException {
        Document lesson = page(TestSites.instructor().dir(), "01-basics.html");
        assertEquals(1, lesson.select(".output-html section.iamlab-trace").size(), "the explain cell's trace");
        assertTrue(lesson.select(".literalblock.output.stdout pre").text().contains("printed by Java"));
        assertTrue(lesson.select(".output .highlight code[data-lang=json]").text().contains("\"UserName\""));
        assertTrue(lesson.select(".listingblock.cell code[data-lang=groovy] span").size() > 5,
                "the %%iam cell is highlighted on the server");
        assertEquals("ALICE", lesson.select(".literalblock.output pre").last().text());
        assertEquals("explicitly denied", lesson.select("main em").first().text());
        Element link = lesson.select("main p a").first();
        assertEquals("02-cross-account.html", link.attr("href"), "a link to another lesson's notebook: its page");
        assertEquals("the next lesson", link.text());
        assertEquals(List.of("decision", "why"), lesson.select("main table th").eachText());
        assertTrue(Files.isRegularFile(TestSites.instructor().dir().resolve("01-basics.adoc")), "--keep-adoc");
    }

    @Test
    void theInstructorEditionFoldsTheSolutionBelowItsStub() throws IOException {
        Document lesson = page(TestSites.instructor().dir(), "02-cross-account.html");
        Element solution = lesson.selectFirst("details.solution");
        assertTrue(solution != null && !solution.hasAttr("open"), lesson.select("main").html());
        assertTrue(solution.text().contains("trustAccount '111122223333'"));
        assertTrue(lesson.select(".listingblock.cell").first().text().contains(ClearSolutions.CODE_STUB));
        Element hidden = lesson.selectFirst(".listingblock.hidden-checks");
        assertTrue(hidden != null && hidden.text().contains("the hidden check ran"), "the instructor sees hidden checks");
    }

    @Test
    void theStudentEditionHasTheStubAndNeitherTheSolutionNorItsOutputAndRebuildsOnlyWhatChanged()
            throws IOException {
        Path notebooks = TestSites.OUT.resolve("student-notebooks");
        TestSites.delete(notebooks);
        TestSites.delete(TestSites.OUT.resolve("student"));
        TestSites.delete(SiteBuilder.cacheDir(TestSites.OUT.resolve("student")));
        Files.createDirectories(notebooks);
        try (Stream<Path> files = Files.list(TestSites.COURSE.resolve("notebooks"))) {
            for (Path f : files.toList()) {
                Files.copy(f, notebooks.resolve(f.getFileName()));
            }
        }
        TestSites.Built first = TestSites.build(notebooks, TestSites.OUT.resolve("student"), Edition.STUDENT, false);
        assertEquals(2, first.summary().ran(), first.progress());
        Document lesson = page(first.dir(), "02-cross-account.html");
        assertTrue(lesson.select("details.solution").isEmpty());
        assertFalse(lesson.select("main").text().contains("trustAccount"), "the solution is not on the page");
        assertTrue(lesson.select(".literalblock.output").isEmpty(), "nor the output of its cell");
        assertFalse(lesson.select("main").text().contains("hidden check"), "the hidden-check cell is removed, as"
                + " `iamlab student` removes it:\n" + lesson.select("main").text());
        assertTrue(lesson.select(".listingblock.cell").text().contains(ClearSolutions.CODE_STUB));
        assertFalse(Files.exists(first.dir().resolve("02-cross-account.adoc")), "no AsciiDoc without --keep-adoc");

        Path changed = notebooks.resolve("02-cross-account.ipynb");
        Files.writeString(changed, Files.readString(changed).replace("Write the trust policy.",
                "Write the trust policy now."));
        TestSites.Built second = TestSites.build(notebooks, first.dir(), Edition.STUDENT, false);
        assertEquals(1, second.summary().ran(), "only the changed lesson runs again:\n" + second.progress());
        assertTrue(second.progress().contains("01-basics: unchanged, outputs from the cache"), second.progress());
        assertTrue(page(second.dir(), "02-cross-account.html").text().contains("Write the trust policy now."));
        assertTrue(page(second.dir(), "01-basics.html").select("section.iamlab-trace").size() == 1,
                "a cached lesson's page still has its trace");
        assertTrue(second.progress().contains("rendering 1 of 5 pages with AsciidoctorJ"), second.progress());
    }

    @Test
    void lessonsRunAtOnceYetTheProgressFollowsTheOutlineAndEachPageHasOnlyItsOwnLessonsOutput() throws IOException {
        Path out = TestSites.OUT.resolve("at-once");
        TestSites.delete(out);
        TestSites.delete(SiteBuilder.cacheDir(out));
        TestSites.Built built = TestSites.build(TestSites.COURSE.resolve("notebooks"), out, Edition.INSTRUCTOR, false);
        String progress = built.progress();
        int first = progress.indexOf("[1/2] 01-basics: ran 3 cells");
        int second = progress.indexOf("[2/2] 02-cross-account: ran 2 cells");
        assertTrue(first >= 0 && second > first, progress);
        String basics = page(built.dir(), "01-basics.html").select(".output").text();
        String crossAccount = page(built.dir(), "02-cross-account.html").select(".output").text();
        assertTrue(basics.contains("printed by Java") && !basics.contains("the hidden check ran"), basics);
        assertTrue(crossAccount.contains("the hidden check ran") && !crossAccount.contains("printed by Java"),
                crossAccount);
    }

    @Test
    void everyLinkAndAssetOfEveryPageResolvesToAFileAndAnAnchorOfIt() throws IOException {
        Path site = TestSites.instructor().dir();
        List<String> broken = new ArrayList<>();
        List<Path> pages;
        try (Stream<Path> files = Files.list(site)) {
            pages = files.filter(p -> p.toString().endsWith(".html")).sorted().toList();
        }
        assertEquals(5, pages.size(), pages.toString());
        for (Path p : pages) {
            Document d = Jsoup.parse(p.toFile(), "UTF-8");
            for (Element e : d.select("a[href], link[href], script[src], img[src]")) {
                String ref = e.hasAttr("href") ? e.attr("href") : e.attr("src");
                if (ref.startsWith("http://") || ref.startsWith("https://") || ref.startsWith("mailto:")) {
                    broken.add(p.getFileName() + ": leaves the site: " + ref);
                    continue;
                }
                String file = ref.contains("#") ? ref.substring(0, ref.indexOf('#')) : ref;
                String anchor = ref.contains("#") ? ref.substring(ref.indexOf('#') + 1) : "";
                Path target = file.isEmpty() ? p : site.resolve(file);
                if (!Files.isRegularFile(target)) {
                    broken.add(p.getFileName() + ": " + ref);
                } else if (!anchor.isEmpty() && Jsoup.parse(target.toFile(), "UTF-8").getElementById(anchor) == null) {
                    broken.add(p.getFileName() + ": no #" + anchor + " in " + file);
                }
            }
        }
        assertEquals(List.of(), broken);
    }

    @Test
    void theSearchIndexHasEveryLessonsSectionsWithTheirAnchors() throws IOException {
        String index = Files.readString(TestSites.instructor().dir().resolve("assets/search-index.js"));
        assertTrue(index.startsWith("window.IAMLAB_SEARCH = ["), index);
        assertTrue(index.contains("\"u\":\"01-basics.html#alice-reads-a-log\""), index);
        assertTrue(index.contains("ExternalId"), index);
    }

    private static Document page(Path site, String name) throws IOException {
        return Jsoup.parse(site.resolve(name).toFile(), "UTF-8");
    }
}
