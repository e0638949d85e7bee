package org.iamlab.lessons.drill;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.iamlab.engine.trace.Decision;
import org.junit.jupiter.api.Test;

class QuestionGeneratorTests {

    private final QuestionGenerator generator = new QuestionGenerator();

    @Test
    void theSameSeedGivesTheSameQuestionsAndKeys() {
        List<GeneratedQuestion> one = generator.questions(2026, 20);
        List<GeneratedQuestion> two = new QuestionGenerator().questions(2026, 20);
        for (int i = 0; i < one.size(); i++) {
            assertEquals(one.get(i).id(), two.get(i).id());
            assertEquals(one.get(i).stem(), two.get(i).stem());
            assertEquals(one.get(i).key().decision(), two.get(i).key().decision());
            assertEquals(one.get(i).key().text(), two.get(i).key().text());
        }
    }

    @Test
    void anotherSeedGivesOtherQuestions() {
        assertNotEquals(generator.questions(1, 5).stream().map(GeneratedQuestion::stem).toList(),
                generator.questions(2, 5).stream().map(GeneratedQuestion::stem).toList());
    }

    @Test
    void aQuestionsKeyIsTheDecisionItsTraceExplains() {
        for (GeneratedQuestion q : generator.questions(7, 50)) {
            assertEquals(q.key().decision(), q.key().trace().decision());
            assertTrue(q.stem().endsWith("What does IAM decide?"), q.stem());
        }
    }

    @Test
    void aHundredQuestionsCoverAllThreeDecisions() {
        Set<Decision> seen = EnumSet.noneOf(Decision.class);
        generator.questions(11, 100).forEach(q -> seen.add(q.key().decision()));
        assertEquals(EnumSet.allOf(Decision.class), seen);
    }
}
