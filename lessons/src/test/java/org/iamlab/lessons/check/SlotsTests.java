package org.iamlab.lessons.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Stream;
import org.iamlab.lessons.format.Catalog;
import org.iamlab.lessons.model.Exercise;
import org.iamlab.lessons.model.Slot;
import org.iamlab.lessons.render.FeedbackView;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * A policy exercise of every kind of slot (inline, managed, trust, resource-based, boundary, SCP): what the
 * learner wrote in their world is read, written into the exercise's world and checked there.
 */
class SlotsTests {

    private final Checker checker = new Checker();

    private static Stream<Exercise.WritePolicy> exercises() throws IOException {
        try (InputStream in = SlotsTests.class.getResourceAsStream("/slots/every-slot.yaml")) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return Catalog.of(Map.of("every-slot.yaml", text)).all().stream().map(e -> (Exercise.WritePolicy) e);
        }
    }

    @TestFactory
    Stream<DynamicTest> theSolutionWrittenInTheLearnersWorldPasses() throws IOException {
        return exercises().map(e -> DynamicTest.dynamicTest(e.slot().type().key(), () -> {
            Feedback f = checker.checkSolution(e, true);
            assertEquals(Feedback.Status.PASSED, f.status(), () -> FeedbackView.text(f));
        }));
    }

    @TestFactory
    Stream<DynamicTest> anEmptySlotIsNotAttempted() throws IOException {
        return exercises().filter(e -> e.slot().type() != Slot.Type.TRUST)
                .map(e -> DynamicTest.dynamicTest(e.slot().type().key(), () -> assertEquals(
                        Feedback.Status.NOT_ATTEMPTED, checker.check(e, ExerciseWorld.build(e).world(), false)
                                .status())));
    }

    @TestFactory
    Stream<DynamicTest> allowingEverythingInTheSlotFailsLeastPrivilege() throws IOException {
        return exercises().map(e -> DynamicTest.dynamicTest(e.slot().type().key(), () -> {
            Feedback f = checker.checkAnswer(e, Map.of(e.slot(), ExercisesTests.everythingWhereTheSolutionIs(e)),
                    false);
            CheckResult probe = f.results().get(f.results().size() - 1);
            assertFalse(probe.passed(), () -> FeedbackView.text(f));
            assertTrue(probe.reason().startsWith("it also allows `"), probe.reason());
        }));
    }
}
