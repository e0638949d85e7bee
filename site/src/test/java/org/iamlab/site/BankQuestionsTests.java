package org.iamlab.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.iamlab.lessons.check.Checker;
import org.iamlab.lessons.format.Catalog;
import org.iamlab.lessons.model.Exercise;
import org.junit.jupiter.api.Test;

/** The practice page's questions come from the lessons module's bank, keyed by the evaluator. */
class BankQuestionsTests {

    static QuestionBank testBank() throws IOException {
        String yaml = Files.readString(TestSites.COURSE.resolve("bank.yaml"));
        return BankQuestions.of(List.copyOf(Catalog.of(Map.of("bank/test.yaml", yaml)).all()), Checker::new);
    }

    @Test
    void aChoiceQuestionsRightOptionIsTheOneWhoseWorldMeetsEveryCheckAndAWrongOneNamesTheRequestThatFailsIt()
            throws IOException {
        QuestionBank.Question q = testBank().questions().get(0);
        assertEquals("t-deny-wins", q.id());
        assertEquals("Policy anatomy and evaluation", q.topic());
        assertEquals(List.of(true, false), q.options().stream().map(QuestionBank.Option::correct).toList());
        assertEquals("The deny wins for the secrets; the allow covers the rest.", q.options().get(0).feedback());
        assertEquals("Nothing keeps carol from the secrets. With this change, carol cannot read a secret fails: "
                + "IAM decides Allowed (allowed by statement #1 in identity-based policy Read (inline)).",
                q.options().get(1).feedback());
        assertTrue(q.explanation().startsWith("An explicit deny beats any allow"), q.explanation());
    }

    @Test
    void aDecisionQuestionOffersTheThreeDecisionsAndItsKeyIsWhatIamDecides() throws IOException {
        QuestionBank.Question q = testBank().questions().get(1);
        assertEquals(List.of("Allowed", "ExplicitlyDenied", "ImplicitlyDenied"),
                q.options().stream().map(QuestionBank.Option::text).toList());
        assertEquals(List.of(false, false, true), q.options().stream().map(QuestionBank.Option::correct).toList());
        assertTrue(q.options().get(0).feedback().startsWith("IAM decides ImplicitlyDenied"),
                q.options().get(0).feedback());
    }

    @Test
    void theCourseBankGivesEveryChoiceAndDecisionQuestionOfTheLessonsModule() {
        List<String> expected = Catalog.course().bank().stream()
                .filter(e -> e instanceof Exercise.Choice || e instanceof Exercise.Decision).map(Exercise::id).toList();
        QuestionBank course = BankQuestions.course();
        assertFalse(expected.isEmpty());
        assertEquals(expected, course.questions().stream().map(QuestionBank.Question::id).toList());
        assertEquals(String.join(",", expected), course.key());
    }
}
