package org.iamlab.lessons.grade;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs the notebooks of one submission in a JVM of their own (the child): the same java, the public class path,
 * {@code -Xmx} from the limits, the scratch folder as working directory, {@code user.home} and
 * {@code java.io.tmpdir}; its standard output is discarded and its standard error, capped, kept for the
 * diagnosis. The child writes one JSON line when a notebook starts and one with its {@link LessonRun} when it
 * ends. When the child dies or is killed in a notebook (the submission's time limit, output past the cap, the
 * JVM ended by student code), that notebook alone gets the status, and a new child runs the notebooks left.
 *
 * @param java      the java executable
 * @param classPath the public class path ({@link PublicView#classPath})
 * @param mainClass the child's main class (in the {@code cli} module, which sees the kernel)
 * @param exercises the folder of the public exercise files ({@link PublicView#writeExercises})
 * @param archive   the children's class data archive (AppCDS): the first child of a run writes it (under another
 *                  name, moved into place when that child ends well), later ones map it and start in about half
 *                  the time; it holds only the JDK's and the class path's classes, never a cell's
 */
public record SubmissionRun(String java, String classPath, String mainClass, Path exercises, Limits limits,
                            Path archive, AtomicBoolean archiving) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * What running a submission gave: each notebook's run, and the seconds its JVMs took to start (the JVM, then
     * JShell and Groovy warmed up) before the first notebook began.
     */
    public record Ran(Map<String, LessonRun> lessons, double startSeconds) {
    }

    /** Runs {@code lessons} (runnable notebooks, with the exercise ids to export) in {@code scratch}. */
    public Ran run(List<Inspection> lessons, Path scratch) throws IOException, InterruptedException {
        long startMillis = 0;
        Files.createDirectories(scratch);
        Map<String, LessonRun> done = new LinkedHashMap<>();
        List<Inspection> left = new ArrayList<>(lessons);
        long deadline = System.nanoTime() + limits.submission().toNanos();
        int launch = 0;
        while (!left.isEmpty()) {
            if (System.nanoTime() >= deadline) {
                for (Inspection i : left) {
                    done.put(i.name(), LessonRun.stopped(i.name(), Status.TIMEOUT,
                            "not run: the submission's time limit (" + limits.submission().toSeconds() + " s) was spent"));
                }
                break;
            }
            Path results = scratch.resolve("results-" + (++launch) + ".jsonl");
            Path err = scratch.resolve("stderr-" + launch + ".txt");
            Path dump = Files.exists(archive) || !archiving.compareAndSet(false, true) ? null
                    : archive.resolveSibling(archive.getFileName() + ".new");
            Process p = start(left, scratch, results, err, dump);
            Status killed = watch(p, err, deadline);
            if (dump != null) {
                if (killed == null && p.exitValue() == 0 && Files.exists(dump)) {
                    Files.move(dump, archive, StandardCopyOption.ATOMIC_MOVE);
                } else {
                    Files.deleteIfExists(dump);
                    archiving.set(false);
                }
            }
            List<JsonNode> lines = read(results);
            String started = null;
            if (!lines.isEmpty() && lines.get(0).has("jvmMillis")) {
                startMillis += lines.get(0).get("jvmMillis").asLong();
            }
            for (JsonNode line : lines) {
                if (line.has("start")) {
                    started = line.get("start").asText();
                } else {
                    LessonRun r = lessonRun(line);
                    done.put(r.notebook(), r);
                    started = null;
                }
            }
            left.removeIf(i -> done.containsKey(i.name()));
            if (left.isEmpty()) {
                break;
            }
            String stderr = tail(err);
            if (started == null) {
                // The child ended before starting the next notebook: nothing a student wrote ran; say why once.
                for (Inspection i : left) {
                    done.put(i.name(), LessonRun.stopped(i.name(), killed != null ? killed : Status.ERROR,
                            "the grading JVM could not run it (exit status " + exit(p) + "): " + stderr));
                }
                break;
            }
            Status status = killed != null ? killed : stderr.contains("OutOfMemoryError") ? Status.OUT_OF_MEMORY
                    : Status.CRASHED;
            String detail = switch (status) {
                case TIMEOUT -> "stopped: the submission's time limit (" + limits.submission().toSeconds() + " s)";
                case OUTPUT_LIMIT -> "stopped: it wrote more than " + limits.outputBytes() + " bytes outside its cells";
                case OUT_OF_MEMORY -> "its JVM ran out of memory (-Xmx" + limits.heapMiB() + "m)";
                default -> "it ended its JVM (exit status " + exit(p) + ", e.g. System.exit or halt)"
                        + (stderr.isBlank() ? "" : ": " + stderr);
            };
            done.put(started, LessonRun.stopped(started, status, detail));
            String gone = started;
            left.removeIf(i -> i.name().equals(gone));
        }
        return new Ran(done, startMillis / 1000.0);
    }

    private Process start(List<Inspection> lessons, Path scratch, Path results, Path err, Path dump)
            throws IOException {
        // C1 only and the serial collector: a child runs briefly on a busy machine (as bench/site measured).
        List<String> cmd = new ArrayList<>(List.of(java, "-Xmx" + limits.heapMiB() + "m", "-Xss8m",
                "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xlog:cds=off", "-Xlog:cds+dynamic=off",
                dump != null ? "-XX:ArchiveClassesAtExit=" + dump.toAbsolutePath()
                        : Files.exists(archive) ? "-XX:SharedArchiveFile=" + archive.toAbsolutePath() : "-Xshare:auto",
                "-D" + org.iamlab.lessons.format.Catalog.FOLDER_PROPERTY + "=" + exercises.toAbsolutePath(),
                "-Duser.home=" + scratch.toAbsolutePath(), "-Djava.io.tmpdir=" + scratch.toAbsolutePath(),
                "-cp", classPath, mainClass, results.toAbsolutePath().toString(),
                String.valueOf(limits.cell().toMillis()), String.valueOf(limits.outputBytes())));
        for (Inspection i : lessons) {
            cmd.add(i.notebook().toAbsolutePath() + "=" + String.join(",", i.exercises()));
        }
        return new ProcessBuilder(cmd).directory(scratch.toFile()).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(err.toFile()).start();
    }

    /** Waits for the child; kills it at the deadline or when its standard error passes the cap, saying which. */
    private Status watch(Process p, Path err, long deadline) throws InterruptedException, IOException {
        while (!p.waitFor(50, TimeUnit.MILLISECONDS)) {
            Status kill = System.nanoTime() >= deadline ? Status.TIMEOUT
                    : Files.size(err) > limits.outputBytes() ? Status.OUTPUT_LIMIT : null;
            if (kill != null) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                p.waitFor();
                return kill;
            }
        }
        return null;
    }

    private static String exit(Process p) {
        return String.valueOf(p.exitValue());
    }

    private static List<JsonNode> read(Path results) throws IOException {
        List<JsonNode> out = new ArrayList<>();
        if (!Files.exists(results)) {
            return out;
        }
        for (String line : Files.readAllLines(results, StandardCharsets.UTF_8)) {
            try {
                out.add(JSON.readTree(line));
            } catch (IOException torn) {
                // the last line of a child killed while writing it: the notebook counts as not finished
            }
        }
        return out;
    }

    private static LessonRun lessonRun(JsonNode line) {
        List<String> notes = new ArrayList<>();
        line.path("notes").forEach(n -> notes.add(n.asText()));
        JsonNode problem = line.get("problem");
        return new LessonRun(line.get("notebook").asText(), problem == null || problem.isNull() ? null
                : Status.of(problem.asText()), line.path("detail").isTextual() ? line.get("detail").asText() : null,
                notes, line.get("work"), line.path("seconds").asDouble());
    }

    private static String tail(Path err) throws IOException {
        if (!Files.exists(err)) {
            return "";
        }
        String text = Files.readString(err, StandardCharsets.UTF_8).strip();
        List<String> lines = text.lines().filter(l -> !l.isBlank()).toList();
        String last = String.join(" | ", lines.subList(Math.max(0, lines.size() - 3), lines.size()));
        return last.length() > 500 ? last.substring(0, 500) + "..." : last;
    }
}
