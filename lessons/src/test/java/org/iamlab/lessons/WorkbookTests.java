package org.iamlab.lessons;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.iamlab.dsl.Lab;
import org.iamlab.dsl.ScriptFailure;
import org.iamlab.engine.world.World;
import org.iamlab.lessons.check.Feedback;
import org.junit.jupiter.api.Test;

/** check, answer and exercise in scripts, as a notebook or {@code iamlab run} uses them. */
class WorkbookTests {

    private final List<Object> shown = new ArrayList<>();
    private final Lab lab = Workbook.install(new Lab(new World(), shown::add));

    @Test
    void aCheckAfterAnAnswerChecksThatAnswerAgain() {
        lab.run("answer 'shop-bob-reads-a-secret', 'ExplicitlyDenied'", "cell");
        Feedback f = (Feedback) lab.run("check 'shop-bob-reads-a-secret'", "cell");
        assertEquals(Feedback.Status.PASSED, f.status());
        assertEquals(2, shown.size(), "each feedback is shown");
    }

    @Test
    void aPolicyWrittenInTheWorldIsCheckedInTheExercisesWorld() {
        lab.run("""
                account('111122223333') { user 'bob' }
                edit(user('bob')) { inline('Uploads') { allow 's3:PutObject' on 'arn:aws:s3:::shop-logs/uploads/*' } }
                """, "cell");
        Feedback f = (Feedback) lab.run("check 'shop-bob-uploads'", "cell");
        assertEquals(Feedback.Status.PASSED, f.status(), f.toString());
        assertEquals(2, f.points());
    }

    @Test
    void exerciseShowsTheTaskWithoutItsSolution() {
        Task t = assertInstanceOf(Task.class, lab.run("exercise 'shop-bob-uploads'", "cell"));
        assertTrue(t.toString().contains("change the world, then check 'shop-bob-uploads'"), t.toString());
        assertTrue(!t.toString().contains("s3:PutObject' on"), t.toString());
    }

    @Test
    void anUnknownExerciseIsAnErrorAtTheLineWithTheClosestId() {
        ScriptFailure f = assertThrows(ScriptFailure.class, () -> lab.run("\ncheck 'shop-bob-upload'", "cell"));
        assertEquals(2, f.line());
        assertTrue(f.problem().contains("did you mean `shop-bob-uploads`?"), f.problem());
    }

    @Test
    void anAnswerThatIsNotADecisionIsRefusedWithTheClosest() {
        ScriptFailure f = assertThrows(ScriptFailure.class,
                () -> lab.run("answer 'shop-bob-reads-a-secret', 'Allowd'", "cell"));
        assertTrue(f.problem().contains("did you mean `Allowed`?"), f.problem());
    }

    @Test
    void aLabWithoutExercisesSaysHowToGetThem() {
        ScriptFailure f = assertThrows(ScriptFailure.class, () -> Lab.create().run("check 'x'", "cell"));
        assertTrue(f.problem().startsWith("exercises are not available here"), f.problem());
    }
}
