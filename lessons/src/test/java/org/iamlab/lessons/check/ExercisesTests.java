package org.iamlab.lessons.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.stream.Stream;
import org.iamlab.engine.policy.PolicyKind;
import org.iamlab.engine.world.PolicyText;
import org.iamlab.lessons.format.Catalog;
import org.iamlab.lessons.model.Exercise;
import org.iamlab.lessons.model.Slot;
import org.iamlab.lessons.render.FeedbackView;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Every exercise of the course can be solved, its stub fails with feedback, and over-broad grants fail. */
class ExercisesTests {

    private final Checker checker = new Checker();

    private static Stream<Exercise> solvable() {
        return Catalog.course().all().stream().filter(e -> e instanceof Exercise.WritePolicy
                || e instanceof Exercise.Fix);
    }

    @TestFactory
    Stream<DynamicTest> everySolutionPassesAllItsChecksHiddenOnesIncluded() {
        return solvable().map(e -> DynamicTest.dynamicTest(e.id(), () -> {
            Feedback f = checker.checkSolution(e, true);
            assertEquals(Feedback.Status.PASSED, f.status(), () -> FeedbackView.text(f));
            assertEquals(e.header().points(), f.points());
        }));
    }

    @TestFactory
    Stream<DynamicTest> everyStubFailsWithFeedbackOrSaysItIsNotAttempted() {
        return solvable().map(e -> DynamicTest.dynamicTest(e.id(), () -> {
            Feedback f = checker.check(e, ExerciseWorld.build(e).world(), false);
            if (e instanceof Exercise.WritePolicy) {
                assertEquals(Feedback.Status.NOT_ATTEMPTED, f.status(), () -> FeedbackView.text(f));
                assertTrue(f.note().contains(((Exercise.WritePolicy) e).slot().describe()), f.note());
            } else {
                assertEquals(Feedback.Status.FAILED, f.status());
                CheckResult failure = f.firstFailure().orElseThrow();
                assertNotNull(failure.decision());
                assertNotNull(failure.trace());
                assertFalse(failure.reason().isBlank());
                assertEquals(e.header().hints().isEmpty() ? null : e.header().hints().get(0), f.hint());
            }
        }));
    }

    @TestFactory
    Stream<DynamicTest> allowingEverythingFailsLeastPrivilege() {
        return Catalog.course().all().stream().filter(e -> e instanceof Exercise.WritePolicy)
                .map(e -> DynamicTest.dynamicTest(e.id(), () -> {
                    Exercise.WritePolicy p = (Exercise.WritePolicy) e;
                    Feedback f = checker.checkAnswer(e, Map.of(p.slot(), everythingWhereTheSolutionIs(p)), false);
                    CheckResult probe = f.results().get(f.results().size() - 1);
                    assertTrue(probe.requirement().startsWith("least privilege"), probe.requirement());
                    assertFalse(probe.passed(), () -> FeedbackView.text(f));
                    assertTrue(probe.reason().startsWith("it also allows `"), probe.reason());
                }));
    }

    /** Allowing everything, attached where the solution attaches its policy (for managed policies and SCPs). */
    static SlotContent everythingWhereTheSolutionIs(Exercise.WritePolicy e) {
        SlotContent solved = Slots.read(ExerciseWorld.build(e, e.solution()), e.slot());
        return new SlotContent(java.util.Optional.of(everything(e.slot().type().policyKind())), solved.attachedTo());
    }

    /** {@code allow '*' on '*'}, in the grammar of the slot's kind of policy. */
    static PolicyText everything(PolicyKind kind) {
        String statement = kind.namesPrincipals()
                ? "{\"Effect\": \"Allow\", \"Principal\": {\"AWS\": \"*\"}, \"Action\": \"*\""
                + (kind == PolicyKind.TRUST ? "}" : ", \"Resource\": \"*\"}")
                : "{\"Effect\": \"Allow\", \"Action\": \"*\", \"Resource\": \"*\"}";
        return PolicyText.parse("{\"Version\": \"2012-10-17\", \"Statement\": [" + statement + "]}", kind);
    }

    @Test
    void feedbackNeverShowsAHiddenCheckOrTheSolution() {
        Exercise.WritePolicy e = (Exercise.WritePolicy) Catalog.course().get("shop-bob-uploads");
        Feedback f = checker.checkSolution(e, false);
        assertEquals(e.checks().size() + 1, f.total(), "the public checks and the probe");
        String shown = FeedbackView.text(f) + FeedbackView.html(f);
        assertFalse(shown.contains("shop-assets"), "a hidden check's resource");
        assertFalse(shown.contains("web.tar.gz"), "a hidden check's resource");
        assertFalse(shown.contains("allow 's3:PutObject'"), "the solution");
    }

    @Test
    void aGrantWiderThanPermittedFailsNamingTheFirstExtraThing() {
        Exercise.WritePolicy e = (Exercise.WritePolicy) Catalog.course().get("shop-bob-uploads");
        Map<Slot, SlotContent> answer = Map.of(e.slot(), SlotContent.of(PolicyText.parse("""
                {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:PutObject",
                 "Resource": "arn:aws:s3:::*/uploads/*"}]}""", PolicyKind.IDENTITY)));
        Feedback f = checker.checkAnswer(e, answer, false);
        assertEquals(Feedback.Status.FAILED, f.status());
        assertEquals("it also allows `s3:PutObject` on `arn:aws:s3:::iamlab-probe/uploads/build-42.zip` for"
                + " user('bob')", f.firstFailure().orElseThrow().reason());
    }

    @Test
    void whatThePrincipalCouldDoWithoutTheGrantIsNotTheLearnersDoing() {
        Exercise.WritePolicy e = (Exercise.WritePolicy) Catalog.course().get("shop-bob-uploads");
        Map<Slot, SlotContent> answer = Map.of(e.slot(), SlotContent.of(PolicyText.parse("""
                {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": ["s3:PutObject", "s3:GetObject"],
                 "Resource": "arn:aws:s3:::shop-logs/uploads/*"}]}""", PolicyKind.IDENTITY)));
        Feedback f = checker.checkAnswer(e, answer, false);
        assertEquals(Feedback.Status.PASSED, f.status(), () -> FeedbackView.text(f)
                + "\nbob reads shop-logs through his group already");
    }

    @Test
    void aDecisionIsRightOnlyWhenItIsTheEvaluatorsAndItsTraceComesWithTheAnswer() {
        Exercise e = Catalog.course().get("shop-bob-reads-a-secret");
        assertEquals(Feedback.Status.NOT_ATTEMPTED, checker.check(e, new org.iamlab.engine.world.World(), false)
                .status());
        Feedback right = checker.answer(e, "explicitly denied");
        assertEquals(Feedback.Status.PASSED, right.status());
        Feedback wrong = checker.answer(e, "Allowed");
        assertEquals(Feedback.Status.FAILED, wrong.status());
        assertEquals(org.iamlab.engine.trace.Decision.EXPLICITLY_DENIED, wrong.results().get(0).decision());
        assertNotNull(wrong.results().get(0).trace());
        assertEquals(Map.of("exercise", "shop-bob-reads-a-secret", "passed", 0, "total", 1, "points", 0,
                "max_points", 1), FeedbackView.json(wrong));
    }

    @Test
    void aFixWhoseWorldTheLearnerHasNotBuiltIsNotAttemptedAndSaysWhatIsMissing() {
        Feedback f = checker.check(Catalog.course().get("shop-alice-audits"), new org.iamlab.engine.world.World(), false);
        assertEquals(Feedback.Status.NOT_ATTEMPTED, f.status());
        assertTrue(f.note().startsWith("no role `auditor` in the world"), f.note());
        assertTrue(f.note().endsWith("(the exercise reads the trust policy of role('auditor'))"), f.note());
    }
}
