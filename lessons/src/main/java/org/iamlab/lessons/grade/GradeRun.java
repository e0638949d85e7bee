package org.iamlab.lessons.grade;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.iamlab.lessons.format.Catalog;

/**
 * A grading run over a class: each submission of this shard that is not graded yet (or every one, when forced)
 * is inspected, run in its own JVM ({@link SubmissionRun}, {@code jobs} at a time) and graded here
 * ({@link Grader}); a line of progress per submission; then the class files are rebuilt ({@link Reports}).
 *
 * @param checks      the exercise files, hidden checks included (name to YAML text)
 * @param classPath   this process's class path, of which the children get the public view
 * @param mainClass   the child's main class
 * @param shard       which part of the class this run grades, 1-based, of {@code shards}
 */
public record GradeRun(Map<String, String> checks, Path out, int jobs, int shard, int shards, boolean force,
                       Limits limits, String java, String classPath, String mainClass) {

    /** How one submission went. */
    public record Outcome(String student, boolean skipped, int points, int maxPoints, long ungraded, double seconds,
                          double startSeconds, double notebookSeconds, double checkSeconds) {
    }

    /** Grades {@code submissions}; returns one outcome per submission of this shard, in student order. */
    public List<Outcome> run(List<Submission> submissions, Consumer<String> progress)
            throws IOException, InterruptedException {
        Catalog catalog = Catalog.of(checks);
        Path work = out.resolve(".work");
        Path exercises = work.resolve("exercises");
        PublicView.writeExercises(checks, exercises);
        String publicPath = PublicView.classPath(classPath, work.resolve("classpath"));
        SubmissionRun runner = new SubmissionRun(java, publicPath, mainClass, exercises, limits,
                work.resolve("classpath").resolve("child.jsa"), new java.util.concurrent.atomic.AtomicBoolean());
        Grader grader = new Grader(catalog);
        List<Submission> mine = new ArrayList<>(submissions);
        mine.sort(Comparator.comparing(Submission::student));
        List<Submission> shardOf = new ArrayList<>();
        for (int i = 0; i < mine.size(); i++) {
            if (i % shards == shard - 1) {
                shardOf.add(mine.get(i));
            }
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, jobs));
        try {
            List<Future<Outcome>> futures = new ArrayList<>();
            for (Submission s : shardOf) {
                futures.add(pool.submit(() -> {
                    Outcome o = one(s, catalog, runner, grader, work);
                    progress.accept(o.skipped() ? s.student() + ": graded before (use --force to grade again)"
                            : String.format(Locale.ROOT, "%s: %d/%d points%s (%.1f s: JVM start %.1f s, notebooks %.1f s, checks %.1f s)",
                            s.student(), o.points(), o.maxPoints(), o.ungraded() > 0 ? ", " + o.ungraded()
                                    + " exercises could not be graded" : "", o.seconds(), o.startSeconds(),
                            o.notebookSeconds(), o.checkSeconds()));
                    return o;
                }));
            }
            List<Outcome> outcomes = new ArrayList<>();
            for (Future<Outcome> f : futures) {
                outcomes.add(f.get());
            }
            Reports.writeClass(out);
            return outcomes;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private Outcome one(Submission s, Catalog catalog, SubmissionRun runner, Grader grader, Path work)
            throws IOException, InterruptedException {
        if (!force && Reports.graded(out, s.student())) {
            return new Outcome(s.student(), true, 0, 0, 0, 0, 0, 0, 0);
        }
        long start = System.nanoTime();
        List<Inspection> lessons = s.notebooks().stream().map(nb -> Inspection.of(nb, catalog)).toList();
        List<Inspection> runnable = lessons.stream().filter(i -> i.problem() == null).toList();
        Path scratch = Files.createDirectories(work.resolve("scratch")).resolve(s.student());
        SubmissionRun.Ran ran = runner.run(runnable, scratch);
        long checking = System.nanoTime();
        Grader.Graded graded = grader.grade(s.student(), lessons, ran.lessons());
        double checkSeconds = (System.nanoTime() - checking) / 1e9;
        Reports.writeStudent(out, s.student(), graded);
        deleteTree(scratch);
        return new Outcome(s.student(), false, graded.rows().stream().mapToInt(Row::points).sum(),
                graded.rows().stream().mapToInt(Row::maxPoints).sum(),
                graded.rows().stream().filter(r -> !r.status().graded()).count(),
                (System.nanoTime() - start) / 1e9, ran.startSeconds(),
                ran.lessons().values().stream().mapToDouble(LessonRun::seconds).sum(), checkSeconds);
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
