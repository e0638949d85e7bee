package org.iamlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.iamlab.lessons.check.Checker;
import org.iamlab.lessons.check.ChoiceKey;
import org.iamlab.lessons.format.Catalog;
import org.iamlab.lessons.model.Exercise;
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
        // The bank grows, so the question seed 1 asks first is looked up rather than assumed; seeds 1, 2, ... are
        // tried until one asks a multiple-choice question, which is then answered with one of its wrong options.
        for (int seed = 1; seed <= 50; seed++) {
            String id = firstQuestion("roles-and-sts", seed);
            if (!(Catalog.course().get(id) instanceof Exercise.Choice q)) {
                continue;
            }
            ChoiceKey key = new Checker().key(q);
            String wrong = key.proofs().keySet().iterator().next();
            CliRun run = CliRun.withInput(wrong + "\n", "drill", "--topic", "roles-and-sts", "--count", "1",
                    "--seed", String.valueOf(seed));
            assertTrue(run.out().contains(key.proof(wrong).orElseThrow().check().describe()), run.out());
            assertTrue(run.out().contains("the answer: " + String.join(", ", key.right())), run.out());
            assertTrue(run.out().endsWith("score: 0/1\n") || run.out().endsWith("score: 0/1\r\n"), run.out());
            return;
        }
        throw new AssertionError("no seed from 1 to 50 asks a multiple-choice roles-and-sts question first");
    }

    /** The id of the first question a drill of {@code topic} with {@code seed} asks. */
    private static String firstQuestion(String topic, int seed) {
        String out = CliRun.withInput("", "drill", "--topic", topic, "--count", "1", "--seed", String.valueOf(seed))
                .out();
        Matcher m = Pattern.compile("Question 1 of 1 \\([^,]+, ([a-z0-9-]+)\\)").matcher(out);
        assertTrue(m.find(), out);
        return m.group(1);
    }

    @Test
    void generatedQuestionsFillTheCountAndTheSameSeedAsksTheSameQuestions() {
        // more questions than the bank has for the topic, so that generated ones fill the rest
        int count = (int) Catalog.course().bank().stream().filter(e -> e.header().topic().slug()
                .equals("policy-evaluation")).count() + 3;
        String answers = "A\nB\nC\n".repeat(count);
        CliRun first = CliRun.withInput(answers, "drill", "--topic", "policy-evaluation", "--count",
                String.valueOf(count), "--seed", "42");
        CliRun again = CliRun.withInput(answers, "drill", "--topic", "policy-evaluation", "--count",
                String.valueOf(count), "--seed", "42");
        assertEquals(first.out(), again.out());
        assertTrue(first.out().contains("(generated, gen-"), first.out());
        assertTrue(first.lines().get(first.lines().size() - 1).matches("score: [0-9]+/" + count), first.out());
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
