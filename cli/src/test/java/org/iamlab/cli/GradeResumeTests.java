package org.iamlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Shards, the second run that skips who is graded, and {@code --force}; on submissions that need no JVM. */
class GradeResumeTests {

    @TempDir
    Path dir;

    @Test
    void aShardGradesItsPartASecondRunTheRestAndForceGradesEveryoneAgain() throws IOException {
        for (String s : List.of("ada", "bob")) {
            Path folder = Files.createDirectories(dir.resolve("in").resolve(s));
            Files.writeString(folder.resolve("01-who-can-do-what.ipynb"), "not a notebook");
        }
        String ada = dir.resolve("in/ada").toString();
        String bob = dir.resolve("in/bob").toString();
        String out = dir.resolve("out").toString();

        CliRun first = CliRun.of("grade", ada, bob, "--out", out, "--shard", "1/2");
        assertEquals(1, first.status(), first.err());
        assertTrue(first.out().contains("ada: 0/5 points, 3 exercises could not be graded"), first.out());
        assertFalse(first.out().contains("bob"), first.out());
        assertTrue(Files.readString(dir.resolve("out/grades.csv")).startsWith(
                "student,exercise,points,max_points,status\nada,shop-bob-reads-a-secret,0,1,not-json\n"));

        CliRun second = CliRun.of("grade", ada, bob, "--out", out);
        assertTrue(second.out().contains("ada: graded before (use --force to grade again)"), second.out());
        assertTrue(second.out().contains("bob: 0/5 points"), second.out());
        assertEquals(7, Files.readAllLines(dir.resolve("out/grades.csv")).size());

        CliRun third = CliRun.of("grade", ada, bob, "--out", out, "--force");
        assertFalse(third.out().contains("graded before"), third.out());
        assertTrue(third.out().contains("ada: 0/5 points"), third.out());
    }

    @Test
    void aShardThatIsNotIOfNIsAnError() {
        CliRun run = CliRun.of("grade", dir.toString(), "--out", dir.resolve("out").toString(), "--shard", "3/2");
        assertEquals(2, run.status());
        assertTrue(run.err().contains("`--shard 3/2`: write I/N with 1 <= I <= N"), run.err());
    }
}
