package org.iamlab.site;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.stream.Stream;

/**
 * Builds the course site: runs every lesson (or takes it from the cache), writes each as AsciiDoc, renders all
 * pages with one AsciidoctorJ instance (started in the background when the first lesson runs, and only if a page
 * changed), and writes the pages, the search index and the assets. Prints a line per lesson and where the site is.
 */
public final class SiteBuilder {

    /** The course's name, on every page. */
    static final String COURSE = "IAM Lab";
    private static final List<String> ASSETS = List.of("site.css", "site.js", "theme.js");

    /**
     * What to build.
     *
     * @param notebooks the lessons' folder
     * @param outline   the course outline ({@code lessons/outline.yaml}); it may not exist
     * @param out       where the site goes
     * @param edition   student or instructor
     * @param keepAdoc  whether to leave each page's AsciiDoc beside it
     * @param bank      the exam-practice questions (the course's: {@link BankQuestions#course()})
     * @param classPath the class path the lessons' JShell compiles against
     */
    public record Options(Path notebooks, Path outline, Path out, Edition edition, boolean keepAdoc,
                          QuestionBank bank, String classPath) {
        public Options {
            Objects.requireNonNull(notebooks, "notebooks");
            Objects.requireNonNull(out, "out");
            Objects.requireNonNull(edition, "edition");
            Objects.requireNonNull(bank, "bank");
            Objects.requireNonNull(classPath, "classPath");
        }
    }

    /** What a build did: the lessons, how many were run (not cached), the cells that failed. */
    public record Summary(List<Lesson> lessons, int ran, List<String> failures, Path index) {
    }

    private SiteBuilder() {
    }

    /** Where a site's lesson cache lives: beside the site, so that publishing the site does not publish it. */
    public static Path cacheDir(Path out) {
        Path absolute = out.toAbsolutePath().normalize();
        return absolute.resolveSibling(absolute.getFileName() + ".cache");
    }

    public static Summary build(Options o, PrintWriter progress) throws IOException {
        long start = System.nanoTime();
        Lazy renderer = new Lazy();
        List<Lesson> lessons = Outline.read(o.notebooks(), o.outline());
        if (lessons.isEmpty()) {
            throw new IOException("no lessons: " + o.notebooks() + " has no .ipynb file");
        }
        Map<String, Lesson> byId = new LinkedHashMap<>();
        lessons.forEach(l -> byId.put(l.id(), l));
        LessonCache cache = LessonCache.open(cacheDir(o.out()));
        LessonRunner runner = new LessonRunner(o.classPath(), cache);

        Map<String, Page> pages = new LinkedHashMap<>();
        SearchIndex search = new SearchIndex();
        List<String> failures = new ArrayList<>();
        int ran = 0;
        for (int i = 0; i < lessons.size(); i++) {
            Lesson lesson = lessons.get(i);
            long t = System.nanoTime();
            LessonRunner.Result result = runner.run(lesson, renderer::get);
            ran += result.cached() ? 0 : 1;
            progress.printf("[%d/%d] %s: %s%n", i + 1, lessons.size(), lesson.id(), result.cached()
                    ? "unchanged, outputs from the cache" : "ran " + codeCells(result.lesson()) + " cells in "
                    + seconds(t));
            for (String f : result.failures()) {
                progress.printf("      warning: %s %s%n", lesson.id(), f);
                failures.add(lesson.id() + ": " + f);
            }
            progress.flush();
            LessonAsciiDoc.Document doc = LessonAsciiDoc.write(result.lesson(), byId, o.edition());
            search.add(lesson.page(), lesson.title(), doc.sections());
            pages.put(lesson.page(), new Page(lesson.title(), doc.adoc(), i));
        }
        pages.put("index.html", new Page(COURSE, IndexPage.adoc(lessons, o.edition()), -1));
        pages.put(DecidesPage.FILE, new Page(DecidesPage.TITLE, DecidesPage.adoc(), -1));
        pages.put(PracticePage.FILE, new Page(PracticePage.TITLE, cache.practicePage(o.bank().key(),
                () -> PracticePage.adoc(o.bank())), -1));

        long t = System.nanoTime();
        Map<String, String> bodies = render(pages, cache, renderer, progress);
        List<PageShell.Link> links = lessons.stream().map(l -> new PageShell.Link(l.page(), l.title())).toList();
        PageShell shell = new PageShell(COURSE, links, List.of(new PageShell.Link(DecidesPage.FILE,
                DecidesPage.TITLE), new PageShell.Link(PracticePage.FILE, PracticePage.TITLE)));
        prepare(o.out());
        for (Map.Entry<String, Page> e : pages.entrySet()) {
            Page page = e.getValue();
            PageShell.Link previous = page.lesson() > 0 ? links.get(page.lesson() - 1) : null;
            PageShell.Link next = page.lesson() >= 0 && page.lesson() + 1 < links.size()
                    ? links.get(page.lesson() + 1) : null;
            if (e.getKey().equals("index.html") && !links.isEmpty()) {
                next = links.get(0);
            }
            Files.writeString(o.out().resolve(e.getKey()), shell.page(e.getKey(), page.title(),
                    bodies.get(e.getKey()), previous, next), StandardCharsets.UTF_8);
            if (o.keepAdoc()) {
                Files.writeString(o.out().resolve(e.getKey().replaceFirst("\\.html$", ".adoc")), page.adoc(),
                        StandardCharsets.UTF_8);
            }
        }
        Path assets = o.out().resolve("assets");
        Files.createDirectories(assets);
        for (String name : ASSETS) {
            try (InputStream in = SiteBuilder.class.getResourceAsStream("assets/" + name)) {
                Files.write(assets.resolve(name), Objects.requireNonNull(in, name).readAllBytes());
            }
        }
        Files.writeString(assets.resolve("search-index.js"), search.script(), StandardCharsets.UTF_8);
        Path index = o.out().resolve("index.html").toAbsolutePath().normalize();
        progress.printf("rendered in %s; the %s edition of the site, %d lessons, built in %s: %s%n", seconds(t),
                o.edition().name().toLowerCase(java.util.Locale.ROOT), lessons.size(), seconds(start),
                index.toUri());
        progress.flush();
        return new Summary(lessons, ran, failures, index);
    }

    private record Page(String title, String adoc, int lesson) {
    }

    /**
     * AsciidoctorJ, started when first needed: when the first lesson has to run (so that JRuby starts while it
     * runs), else when a page has to be rendered; a build in which nothing changed never starts it.
     */
    private static final class Lazy {
        private CompletableFuture<AsciiDocRenderer> started;

        synchronized CompletableFuture<AsciiDocRenderer> get() {
            if (started == null) {
                started = AsciiDocRenderer.start();
            }
            return started;
        }

        synchronized void closeIfStarted() {
            if (started != null) {
                started.thenAccept(AsciiDocRenderer::close);
            }
        }
    }

    /**
     * Each page's body: rendered by AsciidoctorJ when its AsciiDoc is new, else from the cache (so a build in which
     * no page changed never waits for JRuby).
     */
    private static Map<String, String> render(Map<String, Page> pages, LessonCache cache,
                                              Lazy renderer, PrintWriter progress)
            throws IOException {
        Map<String, String> bodies = new LinkedHashMap<>();
        List<String> changed = new ArrayList<>();
        for (Map.Entry<String, Page> e : pages.entrySet()) {
            cache.page(e.getValue().adoc()).ifPresentOrElse(body -> bodies.put(e.getKey(), body),
                    () -> changed.add(e.getKey()));
        }
        progress.printf("rendering %d of %d pages with AsciidoctorJ (the others did not change) ...%n",
                changed.size(), pages.size());
        progress.flush();
        if (!changed.isEmpty()) {
            try (AsciiDocRenderer asciidoctor = await(renderer.get())) {
                for (String file : changed) {
                    String adoc = pages.get(file).adoc();
                    String body = asciidoctor.render(adoc);
                    cache.putPage(adoc, body);
                    bodies.put(file, body);
                }
            }
        } else {
            renderer.closeIfStarted();
        }
        cache.keepPagesOf(pages.values().stream().map(Page::adoc).toList());
        return bodies;
    }

    private static int codeCells(ExecutedLesson lesson) {
        return (int) lesson.cells().stream().filter(c -> c.cell().isCode() && !c.cell().source().isBlank()).count();
    }

    /** Creates {@code out} and removes the pages of an earlier build (a lesson may have been renamed). */
    private static void prepare(Path out) throws IOException {
        Files.createDirectories(out);
        try (Stream<Path> files = Files.list(out)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".html") || p.toString().endsWith(".adoc"))
                    .toList()) {
                Files.delete(f);
            }
        }
    }

    private static AsciiDocRenderer await(CompletableFuture<AsciiDocRenderer> renderer) throws IOException {
        try {
            return renderer.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while AsciidoctorJ started", e);
        } catch (ExecutionException e) {
            throw new IOException("AsciidoctorJ did not start: " + e.getCause(), e.getCause());
        }
    }

    private static String seconds(long startNanos) {
        return String.format(java.util.Locale.ROOT, "%.1f s", (System.nanoTime() - startNanos) / 1e9);
    }
}
