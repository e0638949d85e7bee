package org.iamlab.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.iamlab.lessons.format.Catalog;
import org.iamlab.lessons.format.ExerciseFormatException;
import org.iamlab.lessons.grade.GradeRun;
import org.iamlab.lessons.grade.Limits;
import org.iamlab.lessons.grade.Submission;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code iamlab grade SUBMISSION... --out DIR}: grades a class. The grading logic is the lessons module's
 * ({@link GradeRun}); this command adds what only the assembled program knows: its class path and java, and the
 * child's main class ({@link GradeChild}), which needs the kernel.
 */
@Command(name = "grade", mixinStandardHelpOptions = true,
        description = {"Grade submitted notebooks: each submission runs in a JVM of its own with limits, and the"
                + " public and hidden checks are applied outside it.",
                "Writes DIR/grades.csv, DIR/feedback/STUDENT.html and DIR/summary.html.",
                "Exit status: 0 when every exercise of every submission could be graded, 1 when some could not"
                        + " (see the status column), 2 for bad arguments."})
final class GradeCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "SUBMISSION",
            description = "A notebook (the student is its name) or a folder of notebooks (the student is the folder's name).")
    private List<Path> submissions;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Where the grades go.")
    private Path out;

    @Option(names = "--checks", paramLabel = "DIR",
            description = "The exercise files (.yaml, any depth) with the hidden checks (default: the course's).")
    private Path checks;

    @Option(names = "--jobs", paramLabel = "N", description = "Submissions graded at once (default: the cores).")
    private int jobs = Runtime.getRuntime().availableProcessors();

    @Option(names = "--timeout", paramLabel = "SECONDS",
            description = "Time limit of one submission (default: ${DEFAULT-VALUE}).", defaultValue = "600")
    private int timeout;

    @Option(names = "--cell-timeout", paramLabel = "SECONDS",
            description = "Time limit of one cell (default: ${DEFAULT-VALUE}).", defaultValue = "30")
    private int cellTimeout;

    @Option(names = "--memory", paramLabel = "MIB",
            description = "Heap of a submission's JVM, in MiB (default: ${DEFAULT-VALUE}).", defaultValue = "512")
    private int memory;

    @Option(names = "--shard", paramLabel = "I/N", description = "Grade only the I-th of N parts of the class.")
    private String shard = "1/1";

    @Option(names = "--force", description = "Grade again the submissions an earlier run into DIR graded.")
    private boolean force;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException, InterruptedException {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!shard.matches("[1-9][0-9]*/[1-9][0-9]*")
                || Integer.parseInt(shard.split("/")[0]) > Integer.parseInt(shard.split("/")[1])) {
            err.println("iamlab grade: `--shard " + shard + "`: write I/N with 1 <= I <= N, e.g. 2/4");
            return IamLab.USAGE;
        }
        if (jobs < 1 || timeout < 1 || cellTimeout < 1 || memory < 64) {
            err.println("iamlab grade: --jobs, --timeout and --cell-timeout take a positive number, --memory 64 or more");
            return IamLab.USAGE;
        }
        Map<String, String> files;
        try {
            files = checks == null ? Catalog.resources() : Catalog.files(checks);
            Catalog.of(files);
        } catch (ExerciseFormatException | java.io.UncheckedIOException e) {
            err.println("iamlab grade: " + (checks == null ? "" : checks + ": ") + e.getMessage());
            return IamLab.USAGE;
        }
        List<Submission> all = new ArrayList<>();
        for (Path p : submissions) {
            try {
                all.add(Submission.of(p));
            } catch (IOException e) {
                err.println("iamlab grade: " + e.getMessage());
                return IamLab.USAGE;
            }
        }
        Files.createDirectories(out);
        Limits limits = new Limits(memory, Duration.ofSeconds(cellTimeout), Duration.ofSeconds(timeout), 1 << 20);
        String java = ProcessHandle.current().info().command().orElse("java");
        GradeRun run = new GradeRun(files, out, jobs, Integer.parseInt(shard.split("/")[0]),
                Integer.parseInt(shard.split("/")[1]), force, limits, java, System.getProperty("java.class.path"),
                GradeChild.class.getName());
        List<GradeRun.Outcome> outcomes = run.run(all, line -> {
            synchronized (stdout) {
                stdout.println(line);
                stdout.flush();
            }
        });
        stdout.println("grades: " + out.resolve("grades.csv") + ", feedback: " + out.resolve("feedback")
                + ", summary: " + out.resolve("summary.html"));
        stdout.flush();
        return outcomes.stream().anyMatch(o -> o.ungraded() > 0) ? IamLab.SOME_INPUT_FAILED : IamLab.OK;
    }
}
