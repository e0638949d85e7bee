package org.iamlab.lessons.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.iamlab.lessons.model.Exercise;
import org.iamlab.lessons.model.Expectation;
import org.iamlab.lessons.model.Slot;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ExerciseReaderTests {

    static final String POLICY = """
            exercises:
              - id: bob-reads-logs
                kind: policy
                topic: least-privilege
                title: Bob reads logs
                prompt: Write bob's policy.
                hints: [One action.]
                world: |
                  account('111122223333') {
                      user 'bob'
                  }
                policy: {inline: ReadLogs, of: "user('bob')"}
                solution: |
                  edit(user('bob')) { inline('ReadLogs') { allow 's3:GetObject' on 'arn:aws:s3:::logs/*' } }
                checks:
                  - allow: {principal: "user('bob')", action: s3:GetObject, resource: 'arn:aws:s3:::logs/a'}
                    why: bob reads a log
                hidden:
                  - deny: {principal: "user('bob')", action: s3:PutObject, resource: 'arn:aws:s3:::logs/a'}
            """;

    private static ExerciseFormatException mistake(String yaml) {
        return assertThrows(ExerciseFormatException.class, () -> ExerciseReader.read(yaml, "t.yaml"));
    }

    @Test
    void aPolicyExerciseIsReadWithItsSlotChecksAndHiddenChecksApart() {
        Exercise.WritePolicy e = assertInstanceOf(Exercise.WritePolicy.class,
                ExerciseReader.read(POLICY, "t.yaml").get(0));
        assertEquals("bob-reads-logs", e.id());
        assertEquals(Slot.Type.INLINE, e.slot().type());
        assertEquals("ReadLogs", e.slot().name());
        assertEquals("user('bob')", e.slot().of().text());
        assertEquals(1, e.checks().size());
        assertFalse(e.checks().get(0).hidden());
        assertEquals("bob reads a log", e.checks().get(0).describe());
        assertEquals(Expectation.DENIED, e.hidden().get(0).expect());
        assertTrue(e.hidden().get(0).hidden());
        assertEquals(1, e.header().points());
    }

    @Test
    void aBlockScalarSnippetStartsOnTheLineAfterItsIndicator() {
        Exercise e = ExerciseReader.read(POLICY, "t.yaml").get(0);
        assertEquals(9, e.header().world().at().line(), "the world's first line is line 9 of the file");
        assertEquals(10, e.header().world().fileLine(2));
    }

    @Nested
    class MistakesAreLocated {

        @Test
        void aMisspeltFieldIsNamedAtItsLineWithTheClosestField() {
            ExerciseFormatException e = mistake(POLICY.replace("    prompt: Write", "    prompts: Write"));
            assertEquals(6, e.at().line());
            assertTrue(e.problem().contains("did you mean `prompt`?"), e.problem());
        }

        @Test
        void anUnknownActionIsNamedWithTheClosestRealOne() {
            ExerciseFormatException e = mistake(POLICY.replace("action: s3:GetObject", "action: s3:GetObjet"));
            assertEquals(16, e.at().line());
            assertTrue(e.getMessage().contains("`s3:GetObject`"), e.getMessage());
        }

        @Test
        void anUnknownTopicListsTheClosest() {
            ExerciseFormatException e = mistake(POLICY.replace("topic: least-privilege", "topic: least-privilage"));
            assertEquals(4, e.at().line());
            assertTrue(e.problem().contains("`least-privilege`"), e.problem());
        }

        @Test
        void anUnknownKindIsRefused() {
            ExerciseFormatException e = mistake(POLICY.replace("kind: policy", "kind: polcy"));
            assertEquals(3, e.at().line());
            assertTrue(e.problem().contains("did you mean `policy`?"), e.problem());
        }

        @Test
        void aKeyWrittenTwiceIsRefusedAtItsLine() {
            ExerciseFormatException e = mistake(POLICY.replace("    hints: [One action.]\n",
                    "    hints: [One action.]\n    hints: [Two.]\n"));
            assertEquals(8, e.at().line());
            assertTrue(e.problem().contains("hints"), e.problem());
        }

        @Test
        void aPolicyExerciseWithoutAnAllowCheckIsRefused() {
            ExerciseFormatException e = mistake(POLICY.replace("  - allow: {", "  - deny: {"));
            assertTrue(e.problem().contains("at least one `allow:`"), e.problem());
        }

        @Test
        void aCheckWithTwoExpectationsIsRefused() {
            ExerciseFormatException e = mistake(POLICY.replace("        why: bob reads a log",
                    "        deny: {principal: x, action: s3:GetObject, resource: y}"));
            assertEquals(16, e.at().line());
        }

        @Test
        void invalidYamlIsReportedWhereTheParserStopped() {
            ExerciseFormatException e = mistake("exercises:\n  - id: [unclosed\n");
            assertTrue(e.at().line() >= 2, e.getMessage());
            assertTrue(e.problem().startsWith("not valid YAML"), e.problem());
        }

        @Test
        void anIdDefinedInTwoFilesIsRefused() {
            ExerciseFormatException e = assertThrows(ExerciseFormatException.class,
                    () -> Catalog.of(Map.of("a.yaml", POLICY, "b.yaml", POLICY)));
            assertTrue(e.problem().contains("also defined in"), e.problem());
        }
    }

    @Test
    void theCourseCatalogueReadsEveryBankFile() {
        List<String> files = Catalog.course().bank().stream().map(e -> Catalog.course().fileOf(e.id())).distinct()
                .toList();
        assertEquals(Catalog.resources(Catalog.BANK).keySet().stream().toList(), files.stream().sorted().toList());
    }
}
