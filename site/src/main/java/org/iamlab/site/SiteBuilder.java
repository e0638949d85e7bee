package org.iamlab.site;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * Builds the course site: runs the lessons (or takes them from the cache) on a thread per processor, each in a
 * kernel of its own, while the practice page's keys are computed and AsciidoctorJ starts on threads of their own;
 * writes each lesson as AsciiDoc as soon as it and the lessons before it are done (so the progress lines and the
 * search index keep the outline's order), renders each page as soon as its AsciiDoc is known, and writes the
 * pages, the search index and the assets. Prints a line per lesson and where the site is.
 */
public final class SiteBuilder {

    /** The course's name, on every page. */
    static final String COURSE = "IAM Lab";
    private static final List<String> ASSETS = List.of("site.css", "site.js", "theme.js", "icon.svg");

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

        /** A line that says how many cells failed, if any did. */
        public Optional<String> failureNotice() {
            return failures.isEmpty() ? Optional.empty()
                    : Optional.of(failures.size() + " cell(s) failed; their errors are on the pages");
        }
    }

    private SiteBuilder() {
    }

    /** Where a site's lesson cache lives: beside the site, so that publishing the site does not publish it. */
    public static Path cacheDir(Path out) {
        Path absolute = out.toAbsolutePath().normalize();
        return absolute.resolveSibling(absolute.getFileName() + ".cache");
    }

    /** Builds the site described by {@code o}, printing a line per lesson to {@code progress}. */
    public static Summary build(Options o, PrintWriter progress) throws IOException {
        try (LazyRenderer asciidoctor = new LazyRenderer()) {
            return build(o, progress, asciidoctor);
        }
    }

    /** Builds the site with {@code asciidoctor}, which the caller may share between builds and closes. */
    static Summary build(Options o, PrintWriter progress, LazyRenderer asciidoctor) throws IOException {
        long start = System.nanoTime();
        List<Lesson> lessons = Outline.read(o.notebooks(), o.outline());
        if (lessons.isEmpty()) {
            throw new IOException("no lessons: " + o.notebooks() + " has no .ipynb file");
        }
        Map<String, Lesson> byId = new LinkedHashMap<>();
        lessons.forEach(l -> byId.put(l.id(), l));
        LessonCache cache = LessonCache.open(cacheDir(o.out()));
        LessonRunner runner = new LessonRunner(o.classPath(), cache);
        ExecutorService lessonThreads = Executors.newFixedThreadPool(
                Math.max(1, Math.min(lessons.size(), Runtime.getRuntime().availableProcessors())),
                daemons("iamlab-lesson"));
        try (Renders renders = new Renders(cache, asciidoctor)) {
            // The practice page's keys (the evaluator's work, seconds) do not depend on the lessons.
            CompletableFuture<String> practice = CompletableFuture.supplyAsync(() -> {
                try {
                    return cache.practicePage(o.bank().key(), () -> PracticePage.adoc(o.bank()));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }, r -> daemons("iamlab-practice").newThread(r).start());
            CompletableFuture<Void> practiceRendered = practice.thenAccept(adoc -> renders.submit(
                    PracticePage.FILE, adoc));
            String indexAdoc = IndexPage.adoc(lessons, o.edition());
            renders.submit("index.html", indexAdoc);
            renders.submit(DecidesPage.FILE, DecidesPage.adoc());

            List<Future<Timed>> runs = new ArrayList<>();
            for (Lesson lesson : lessons) {
                runs.add(lessonThreads.submit(() -> {
                    long t = System.nanoTime();
                    LessonRunner.Result result = runner.run(lesson, asciidoctor::start);
                    return new Timed(result, System.nanoTime() - t);
                }));
            }
            Map<String, Page> pages = new LinkedHashMap<>();
            SearchIndex search = new SearchIndex();
            List<String> failures = new ArrayList<>();
            int ran = 0;
            for (int i = 0; i < lessons.size(); i++) {
                Lesson lesson = lessons.get(i);
                Timed timed = await(runs.get(i), "lesson `" + lesson.id() + "`");
                LessonRunner.Result result = timed.result();
                ran += result.cached() ? 0 : 1;
                progress.printf("[%d/%d] %s: %s%n", i + 1, lessons.size(), lesson.id(), result.cached()
                        ? "unchanged, outputs from the cache" : "ran " + codeCells(result.lesson()) + " cells in "
                        + String.format(Locale.ROOT, "%.1f s", timed.nanos() / 1e9));
                for (String f : result.failures()) {
                    progress.printf("      warning: %s %s%n", lesson.id(), f);
                    failures.add(lesson.id() + ": " + f);
                }
                progress.flush();
                LessonAsciiDoc.Document doc = LessonAsciiDoc.write(result.lesson(), byId, o.edition());
                search.add(lesson.page(), lesson.title(), doc.sections());
                pages.put(lesson.page(), new Page(lesson.title(), doc.adoc(), i));
                renders.submit(lesson.page(), doc.adoc());
            }
            pages.put("index.html", new Page(COURSE, indexAdoc, -1));
            pages.put(DecidesPage.FILE, new Page(DecidesPage.TITLE, DecidesPage.adoc(), -1));
            pages.put(PracticePage.FILE, new Page(PracticePage.TITLE, await(practice, "the practice page"), -1));
            await(practiceRendered, "the practice page");

            long t = System.nanoTime();
            progress.printf("rendering %d of %d pages with AsciidoctorJ (the others did not change) ...%n",
                    renders.rendered(), pages.size());
            progress.flush();
            Map<String, String> bodies = renders.bodies();
            cache.keepPagesOf(pages.values().stream().map(Page::adoc).toList());
            write(o, lessons, pages, bodies, search);
            Path index = o.out().resolve("index.html").toAbsolutePath().normalize();
            progress.printf("rendered %s after the last lesson; the %s edition of the site, %d lessons, built in "
                    + "%s: %s%n", seconds(t), o.edition().name().toLowerCase(Locale.ROOT), lessons.size(),
                    seconds(start), index.toUri());
            progress.flush();
            return new Summary(lessons, ran, failures, index);
        } finally {
            lessonThreads.shutdownNow();
        }
    }

    /** Writes the pages (in their shell, with previous and next), their AsciiDoc if kept, and the assets. */
    private static void write(Options o, List<Lesson> lessons, Map<String, Page> pages, Map<String, String> bodies,
                              SearchIndex search) throws IOException {
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
    }

    private record Page(String title, String adoc, int lesson) {
    }

    /** A lesson's result and how long it took. */
    private record Timed(LessonRunner.Result result, long nanos) {
    }

    /**
     * The pages' bodies: each from the cache when its AsciiDoc did not change, else rendered by the build's
     * AsciidoctorJ instance, on a thread of its own, as soon as the page is submitted. AsciidoctorJ is started when
     * first needed: when the first lesson has to run (so that JRuby starts while it runs), else when a page has to
     * be rendered; a build in which nothing changed never starts it.
     */
    private static final class Renders implements AutoCloseable {
        private final LessonCache cache;
        private final LazyRenderer asciidoctor;
        private final ExecutorService thread = Executors.newSingleThreadExecutor(daemons("iamlab-render"));
        private final Map<String, CompletableFuture<String>> bodies = new LinkedHashMap<>();
        private int rendered;

        Renders(LessonCache cache, LazyRenderer asciidoctor) {
            this.cache = cache;
            this.asciidoctor = asciidoctor;
        }

        /** The body of page {@code file} is {@code adoc} rendered: taken from the cache or rendered soon. */
        synchronized void submit(String file, String adoc) {
            Optional<String> cached = cache.page(adoc);
            if (cached.isPresent()) {
                bodies.put(file, CompletableFuture.completedFuture(cached.get()));
                return;
            }
            rendered++;
            CompletableFuture<AsciiDocRenderer> started = asciidoctor.start();
            bodies.put(file, CompletableFuture.supplyAsync(() -> {
                String body = started.join().render(adoc);
                try {
                    cache.putPage(adoc, body);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                return body;
            }, thread));
        }

        /** How many pages are rendered (not taken from the cache). */
        synchronized int rendered() {
            return rendered;
        }

        /** Every submitted page's body, once rendered. */
        Map<String, String> bodies() throws IOException {
            Map<String, CompletableFuture<String>> submitted;
            synchronized (this) {
                submitted = new LinkedHashMap<>(bodies);
            }
            Map<String, String> out = new LinkedHashMap<>();
            for (Map.Entry<String, CompletableFuture<String>> e : submitted.entrySet()) {
                out.put(e.getKey(), await(e.getValue(), "page `" + e.getKey() + "`"));
            }
            return out;
        }

        /** Lets the render thread end once the pages given to it are rendered. */
        @Override
        public void close() {
            thread.shutdown();
        }
    }

    /** Threads that do not keep the JVM running, named {@code name-1}, {@code name-2}, ... */
    private static ThreadFactory daemons(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
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

    /** The value of {@code future}; its failure as an {@link IOException} about {@code what}. */
    private static <T> T await(Future<T> future, String what) throws IOException {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for " + what, e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() instanceof UncheckedIOException u ? u.getCause()
                    : e.getCause() instanceof CompletionException c && c.getCause() != null ? c.getCause()
                    : e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            throw new IOException(what + ": " + cause, cause);
        }
    }

    private static String seconds(long startNanos) {
        return String.format(Locale.ROOT, "%.1f s", (System.nanoTime() - startNanos) / 1e9);
    }
}
