package org.iamlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code iamlab grade} on a class of bad submissions, graded in one run: each runs in a JVM of its own, gets its
 * status for its lesson only, and the run goes on. Lesson 01 is where each misbehaves; lesson 02 answers a
 * decision question right, so "only that lesson" shows as 02 passing.
 */
class GradeCommandTests {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String LESSON1 = "01-who-can-do-what.ipynb";
    private static final String LESSON2 = "02-users-and-credentials.ipynb";
    /** A right answer to lesson 01's decision question and lesson 01's policy exercise. */
    private static final String ANSWER = "%%iam\nanswer 'shop-bob-reads-a-secret', 'ExplicitlyDenied'";
    private static final String POLICY = """
            %%iam
            account('111122223333', alias: 'shop') {
                bucket 'shop-logs'
                user('bob') { inline('Uploads') { allow 's3:PutObject' on 'arn:aws:s3:::shop-logs/uploads/*' } }
            }
            check 'shop-bob-uploads'""";

    @TempDir
    static Path dir;
    private static CliRun run;
    private static Map<String, String> status;

    @BeforeAll
    static void gradeTheClass() throws IOException {
        Path in = Files.createDirectories(dir.resolve("in"));
        student(in, "good", notebook(ANSWER, POLICY));
        student(in, "wrong", notebook("%%iam\nanswer 'shop-bob-reads-a-secret', 'Allowed'", POLICY.replace(
                "allow 's3:PutObject' on 'arn:aws:s3:::shop-logs/uploads/*'", "allow 's3:*' on '*'")));
        student(in, "loop", notebook(ANSWER, "while (true) { }"));
        student(in, "exits", notebook("System.exit(3);", ANSWER, "%%iam\nRuntime.runtime.halt(4)", POLICY));
        student(in, "greedy", notebook(ANSWER, "long[][] hog = new long[1000][];\n"
                + "for (int i = 0; i < hog.length; i++) hog[i] = new long[10_000_000];"));
        student(in, "chatty", notebook(ANSWER, "for (long i = 0; ; i++) System.out.println(\"spam \" + i);"));
        student(in, "wanderer", notebook("%%iam\nnew File('left-behind.txt').text = 'x'\n"
                + "def here = new File('.').canonicalPath\n"
                + "answer 'shop-bob-reads-a-secret', here.contains('.work') && System.getProperty('user.home') == here"
                + " && System.getProperty('java.io.tmpdir') == here ? 'ExplicitlyDenied' : 'Allowed'"));
        student(in, "peeker", notebook("""
                %%iam
                def loaders = [Thread.currentThread().contextClassLoader, ClassLoader.systemClassLoader,
                               org.iamlab.lessons.format.Catalog.classLoader]
                def files = ['org/iamlab/lessons/exercises/01-who-can-do-what.yaml', 'org/iamlab/lessons/exercises/',
                             'org/iamlab/lessons/bank/']
                def seen = loaders.any { l -> files.any { l.getResource(it) != null } }
                def uploads = org.iamlab.lessons.format.Catalog.course().get('shop-bob-uploads')
                seen = seen || !uploads.hidden().isEmpty() || uploads.solution().code().contains('PutObject')
                answer 'shop-bob-reads-a-secret', seen ? 'Allowed' : 'ExplicitlyDenied'"""));
        Path broken = Files.createDirectories(in.resolve("broken"));
        Files.writeString(broken.resolve(LESSON1), "{\"cells\": [ this is not JSON");
        lesson2(broken);
        Path python = Files.createDirectories(in.resolve("python"));
        ObjectNode py = JSON.readValue(notebook(ANSWER), ObjectNode.class);
        py.with("metadata").with("kernelspec").put("name", "python3");
        Files.writeString(python.resolve(LESSON1), JSON.writeValueAsString(py));
        lesson2(python);
        tampered(in);
        List<String> args = new ArrayList<>();
        try (var s = Files.list(in)) {
            s.sorted().forEach(p -> args.add(p.toString()));
        }
        args.addAll(List.of("--out", dir.resolve("out").toString(), "--jobs", "2", "--cell-timeout", "10",
                "--memory", "256", "--timeout", "240"));
        args.add(0, "grade");
        run = CliRun.of(args.toArray(String[]::new));
        status = new LinkedHashMap<>();
        for (String line : Files.readAllLines(dir.resolve("out/grades.csv"))) {
            String[] f = line.split(",");
            status.put(f[0] + "/" + f[1], f[4] + " " + f[2] + "/" + f[3]);
        }
    }

    @Test
    void aRightSubmissionPassesEveryExerciseItAttempted() {
        assertEquals("passed 1/1", status.get("good/shop-bob-reads-a-secret"), run.err());
        assertEquals("passed 2/2", status.get("good/shop-bob-uploads"));
        assertEquals("passed 1/1", status.get("good/users-key-without-policy"));
    }

    @Test
    void anEndlessLoopIsStoppedByTheCellLimitAndOnlyItsLessonTimesOut() {
        assertEquals("timeout 0/1", status.get("loop/shop-bob-reads-a-secret"));
        assertEquals("passed 1/1", status.get("loop/users-key-without-policy"));
    }

    @Test
    void systemExitAndHaltAreRefusedAndTheLessonIsStillGraded() throws IOException {
        assertEquals("passed 1/1", status.get("exits/shop-bob-reads-a-secret"));
        assertEquals("passed 2/2", status.get("exits/shop-bob-uploads"));
        String feedback = Files.readString(dir.resolve("out/feedback/exits.html"));
        assertTrue(feedback.contains("cell 1 tried to end the JVM; refused"), feedback);
    }

    @Test
    void anOutOfMemoryErrorIsReportedForItsLessonOnly() {
        assertEquals("out-of-memory 0/1", status.get("greedy/shop-bob-reads-a-secret"));
        assertEquals("passed 1/1", status.get("greedy/users-key-without-policy"));
    }

    @Test
    void hugeOutputIsCutAtTheLimitAndOnlyItsLessonIsReported() {
        assertEquals("output-limit 0/1", status.get("chatty/shop-bob-reads-a-secret"));
        assertEquals("passed 1/1", status.get("chatty/users-key-without-policy"));
    }

    @Test
    void aStudentsFilesGoToTheScratchFolderWhichIsTheirHomeAndTempAndIsRemoved() {
        assertEquals("passed 1/1", status.get("wanderer/shop-bob-reads-a-secret"));
        assertFalse(Files.exists(Path.of("left-behind.txt")));
        assertFalse(Files.exists(dir.resolve("out/.work/scratch/wanderer")));
    }

    @Test
    void aStudentsCellCannotReadTheHiddenChecks() {
        // The probe is real: in this JVM (the grader's) the exercise files are on the class path.
        assertNotNull(getClass().getClassLoader().getResource("org/iamlab/lessons/exercises/01-who-can-do-what.yaml"));
        assertEquals("passed 1/1", status.get("peeker/shop-bob-reads-a-secret"));
    }

    @Test
    void aFileThatIsNotJsonIsReportedForItsLessonOnly() {
        assertEquals("not-json 0/1", status.get("broken/shop-bob-reads-a-secret"));
        assertEquals("not-json 0/2", status.get("broken/shop-bob-uploads"));
        assertEquals("passed 1/1", status.get("broken/users-key-without-policy"));
    }

    @Test
    void aNotebookForAnotherKernelIsReportedForItsLessonOnly() {
        assertEquals("wrong-kernel 0/1", status.get("python/shop-bob-reads-a-secret"));
        assertEquals("passed 1/1", status.get("python/users-key-without-policy"));
    }

    @Test
    void anEditedCheckCellAndADeletedOneAreFlaggedAndTheRestIsGraded() throws IOException {
        assertEquals("edited-cell 0/2", status.get("tampered/shop-bob-uploads"));
        assertEquals("missing-cell 0/2", status.get("tampered/shop-alice-audits"));
        assertEquals("passed 1/1", status.get("tampered/shop-bob-reads-a-secret"));
        String feedback = Files.readString(dir.resolve("out/feedback/tampered.html"));
        assertTrue(feedback.contains("is a check cell and was edited"), feedback);
    }

    @Test
    void theRunGoesOnAndItsExitStatusSaysSomeSubmissionsCouldNotBeGraded() {
        assertEquals(1, run.status(), run.err());
        assertTrue(run.out().contains("good: 4/4 points"), run.out());
        assertTrue(run.out().contains("loop: 1/2 points, 1 exercises could not be graded"), run.out());
    }

    @Test
    void theFeedbackShowsEachFailedCheckWithItsDecisionAndTheHintButNeverTheSolution() throws IOException {
        assertEquals("failed 0/1", status.get("wrong/shop-bob-reads-a-secret"));
        assertEquals("failed 0/2", status.get("wrong/shop-bob-uploads"));
        String feedback = Files.readString(dir.resolve("out/feedback/wrong.html"));
        assertTrue(feedback.contains("your answer `Allowed` is IAM&#39;s decision")
                || feedback.contains("your answer `Allowed` is IAM's decision"), feedback);
        assertTrue(feedback.contains("<strong>ExplicitlyDenied</strong>"), feedback);
        assertTrue(feedback.contains("Look at every policy bob gets through his group"), feedback);
        assertTrue(feedback.contains("it also allows"), feedback);
        assertFalse(feedback.contains("edit(user('bob'))"), feedback);
        assertTrue(Files.readString(dir.resolve("out/feedback/loop.html")).contains("ran longer than 10.0 s"));
        String summary = Files.readString(dir.resolve("out/summary.html"));
        assertTrue(summary.contains("<svg"), summary);
        assertTrue(summary.contains("<li>Allowed (1)</li>"), summary);
    }

    private static void tampered(Path in) throws IOException {
        Path released = dir.resolve("released");
        CliRun student = CliRun.of("student", Path.of("../notebooks", LESSON1).toString(), "--out", released.toString());
        assertEquals(0, student.status(), student.err());
        ObjectNode nb = JSON.readValue(released.resolve(LESSON1).toFile(), ObjectNode.class);
        ArrayNode cells = (ArrayNode) nb.get("cells");
        ArrayNode kept = JSON.createArrayNode();
        for (var c : cells) {
            String exercise = c.path("metadata").path("iamlab").path("exercise").asText("");
            if (exercise.equals("shop-alice-audits")) {
                continue;
            }
            if (exercise.equals("shop-bob-uploads")) {
                ((ObjectNode) c).put("source", "%%iam\nprintln 'all checks passed'");
            }
            kept.add(c);
        }
        kept.add(JSON.readValue(notebook(ANSWER), ObjectNode.class).get("cells").get(0));
        nb.set("cells", kept);
        Path t = Files.createDirectories(in.resolve("tampered"));
        Files.writeString(t.resolve(LESSON1), JSON.writeValueAsString(nb));
    }

    private static void student(Path in, String name, String lesson1) throws IOException {
        Path s = Files.createDirectories(in.resolve(name));
        Files.writeString(s.resolve(LESSON1), lesson1);
        lesson2(s);
    }

    private static void lesson2(Path s) throws IOException {
        Files.writeString(s.resolve(LESSON2), notebook("%%iam\nanswer 'users-key-without-policy', 'ImplicitlyDenied'"));
    }

    /** A notebook for the IAM Lab kernel with these code cells. */
    static String notebook(String... cells) throws IOException {
        ObjectNode nb = JSON.createObjectNode();
        ArrayNode list = nb.putArray("cells");
        for (String c : cells) {
            ObjectNode cell = list.addObject();
            cell.put("cell_type", "code");
            cell.putObject("metadata");
            cell.put("source", c);
            cell.putArray("outputs");
            cell.putNull("execution_count");
        }
        ObjectNode meta = nb.putObject("metadata");
        meta.putObject("kernelspec").put("name", "iamlab").put("language", "java").put("display_name", "IAM Lab");
        nb.put("nbformat", 4).put("nbformat_minor", 5);
        return JSON.writeValueAsString(nb);
    }
}
