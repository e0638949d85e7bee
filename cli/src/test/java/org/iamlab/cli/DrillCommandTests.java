package org.iamlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class DrillCommandTests {

    @Test
    void listPrintsTheBankOneQuestionALineWithIdTopicAndTitle() {
        CliRun run = CliRun.of("drill", "--list");
        assertEquals(0, run.status(), run.err());
        assertTrue(run.lines().contains("sts-vendor-external-id\troles-and-sts\tA vendor assumes a role with an"
                + " external ID"), run.out());
        assertTrue(run.lines().stream().allMatch(l -> l.split("\t").length == 3), run.out());
    }

    @Test
    void aTopicKeepsTheQuestionsOfThatTopic() {
        List<String> lines = CliRun.of("drill", "--list", "--topic", "cross-account").lines();
        assertTrue(!lines.isEmpty() && lines.stream().allMatch(l -> l.split("\t")[1].equals("cross-account")),
                lines.toString());
    }

    @Test
    void theRightAnswerScoresAndTheLastLineIsTheScore() {
        CliRun run = CliRun.withInput("A\n", "drill", "--topic", "roles-and-sts", "--count", "1", "--seed", "1");
        assertEquals(0, run.status(), run.err());
        List<String> lines = run.lines();
        assertEquals("score: 1/1", lines.get(lines.size() - 1), run.out());
    }

    @Test
    void aWrongAnswerIsExplainedWithTheRequestThatProvesItWrong() {
        CliRun run = CliRun.withInput("C\n", "drill", "--topic", "roles-and-sts", "--count", "1", "--seed", "1");
        assertTrue(run.out().contains("another account cannot assume the role, even with the external ID"), run.out());
        assertTrue(run.out().contains("the answer: A"), run.out());
        assertTrue(run.out().endsWith("score: 0/1\n") || run.out().endsWith("score: 0/1\r\n"), run.out());
    }

    @Test
    void generatedQuestionsFillTheCountAndTheSameSeedAsksTheSameQuestions() {
        CliRun first = CliRun.withInput("A\nB\nC\nA\nB\nC\nA\nB\nC\nA\nB\nC\n", "drill", "--topic",
                "policy-evaluation", "--count", "4", "--seed", "42");
        CliRun again = CliRun.withInput("A\nB\nC\nA\nB\nC\nA\nB\nC\nA\nB\nC\n", "drill", "--topic",
                "policy-evaluation", "--count", "4", "--seed", "42");
        assertEquals(first.out(), again.out());
        assertTrue(first.out().contains("(generated, gen-"), first.out());
        assertTrue(first.lines().get(first.lines().size() - 1).matches("score: [0-4]/4"), first.out());
    }

    @Test
    void inputThatEndsEarlyEndsTheDrillWithTheScoreOfWhatWasAsked() {
        CliRun run = CliRun.withInput("", "drill", "--count", "3", "--seed", "5");
        assertEquals("score: 0/0", run.lines().get(run.lines().size() - 1));
    }

    @Test
    void anUnknownTopicIsAUsageErrorWithTheClosest() {
        CliRun run = CliRun.of("drill", "--topic", "cross-acount");
        assertEquals(2, run.status());
        assertTrue(run.err().contains("did you mean `cross-account`?"), run.err());
    }
}
