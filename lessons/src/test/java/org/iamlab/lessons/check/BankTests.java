package org.iamlab.lessons.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.iamlab.lessons.format.Catalog;
import org.iamlab.lessons.format.ExerciseFormatException;
import org.iamlab.lessons.format.ExerciseReader;
import org.iamlab.lessons.model.Exercise;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Every question of the exam bank (every file in bank/), its key recomputed by the evaluator. */
class BankTests {

    private final Checker checker = new Checker();

    @TestFactory
    Stream<DynamicTest> everyBankQuestionHasAKeyTheEvaluatorComputes() {
        assertFalse(Catalog.course().bank().isEmpty(), "the bank has questions");
        return Catalog.course().bank().stream().map(e -> DynamicTest.dynamicTest(Catalog.course().fileOf(e.id())
                + " " + e.id(), () -> Keys.verify(e, checker)));
    }

    private static Exercise.Choice question(String firstEdit, String secondEdit, boolean multi) {
        String yaml = """
                exercises:
                  - id: q
                    kind: choice
                    topic: least-privilege
                    title: t
                    prompt: p
                    multi: %s
                    world: |
                      account('111122223333') { user 'dev' }
                    options:
                      - text: a
                        edit: |
                          %s
                      - text: b
                        edit: |
                          %s
                    checks:
                      - allow: {principal: "user('dev')", action: s3:GetObject, resource: 'arn:aws:s3:::data/a'}
                """.formatted(multi, firstEdit, secondEdit);
        return (Exercise.Choice) ExerciseReader.read(yaml, "q.yaml").get(0);
    }

    private static final String GRANT = "edit(user('dev')) { inline('Read') { allow 's3:GetObject' on '*' } }";
    private static final String NOTHING = "edit(user('dev')) { tag 'team', 'blue' }";

    @Test
    void aQuestionWithNoRightOptionFails() {
        ExerciseFormatException e = assertThrows(ExerciseFormatException.class,
                () -> Keys.verify(question(NOTHING, NOTHING, false), checker));
        assertTrue(e.problem().startsWith("no option of `q` meets every check"), e.problem());
        assertEquals(1, e.at().line() >= 1 ? 1 : 0);
    }

    @Test
    void aQuestionWithSeveralRightOptionsFailsUnlessMarkedMulti() {
        ExerciseFormatException e = assertThrows(ExerciseFormatException.class,
                () -> Keys.verify(question(GRANT, GRANT, false), checker));
        assertTrue(e.problem().startsWith("options A, B of `q` all meet every check"), e.problem());
        Keys.verify(question(GRANT, GRANT, true), checker);
    }

    @Test
    void aWrongOptionCarriesTheRequestThatProvesItWrong() {
        ChoiceKey key = checker.key(question(GRANT, NOTHING, false));
        assertEquals(java.util.List.of("A"), key.right());
        assertEquals("s3:GetObject", key.proof("B").orElseThrow().check().request().action());
        assertEquals(org.iamlab.engine.trace.Decision.IMPLICITLY_DENIED, key.proof("B").orElseThrow().answer().decision());
    }

    @Test
    void aMistakeInAnOptionsEditIsReportedAtTheFilesLine() {
        ExerciseFormatException e = assertThrows(ExerciseFormatException.class,
                () -> checker.key(question("edit(user('deb')) { tag 'a', 'b' }", NOTHING, false)));
        assertEquals(13, e.at().line());
        assertTrue(e.problem().contains("did you mean `dev`?"), e.problem());
    }
}
