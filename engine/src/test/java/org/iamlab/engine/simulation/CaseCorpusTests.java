package org.iamlab.engine.simulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.iamlab.engine.authz.Authorization;
import org.iamlab.engine.authz.Authorizer;
import org.iamlab.engine.parse.PolicyParseException;
import org.iamlab.engine.render.TextTraceView;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every case of the corpus, one test each, named after the rule it pins down and grouped by file. Each case
 * is decided twice, without and with a trace, and both must give the expected decision: the trace comes
 * from the same decision path, so they can never disagree. A case with {@code expectTrace} also names the words
 * its text trace must hold: the step that says which rule applied.
 */
class CaseCorpusTests {

    private static final Authorizer AUTHORIZER =
            new Authorizer(Clock.fixed(Instant.parse("2026-06-01T12:00:00Z"), ZoneOffset.UTC));

    @TestFactory
    Stream<DynamicNode> everyCaseDecidesAsDocumented() {
        return CaseCorpus.FILES.stream().map(file -> DynamicContainer.dynamicContainer(file,
                CaseCorpus.read(file).stream().map(c -> DynamicTest.dynamicTest(c.displayName(), () -> check(c)))));
    }

    private static void check(CaseCorpus.Case c) {
        ScenarioReader reader = new ScenarioReader();
        if (c.expectError() != null) {
            PolicyParseException e = assertThrows(PolicyParseException.class, () -> reader.read(c.json(), c.line()));
            assertTrue(e.getMessage().contains(c.expectError()), () -> "error was: " + e.getMessage());
            assertEquals(c.line(), e.line(), "the error names the case's line");
            return;
        }
        Scenario scenario = reader.read(c.json(), c.line());
        if (c.expectWarning() == null) {
            assertEquals(List.of(), scenario.warnings(), "warnings");
        } else {
            assertTrue(scenario.warnings().stream().anyMatch(w -> w.message().contains(c.expectWarning())
                    && w.line() == c.line()), () -> "warnings were: " + scenario.warnings());
        }
        assertEquals(c.expect(), AUTHORIZER.decide(scenario.request()).label(), "decision");
        Authorization explained = AUTHORIZER.authorize(scenario.request(), true);
        assertEquals(c.expect(), explained.decision().label(), "decision with trace");
        assertNotNull(explained.trace());
        assertEquals(explained.decision(), explained.trace().decision());
        if (c.expectTrace() != null) {
            String text = TextTraceView.render(explained.trace());
            assertTrue(text.contains(c.expectTrace()), () -> "the trace does not say `" + c.expectTrace() + "`:\n"
                    + text);
        }
    }

    @Test
    void theCorpusHoldsAtLeastThreeHundredOwnCasesWithUniqueIds() {
        Set<String> ids = new HashSet<>();
        int own = 0;
        for (String file : CaseCorpus.FILES) {
            List<CaseCorpus.Case> cases = CaseCorpus.read(file);
            for (CaseCorpus.Case c : cases) {
                assertTrue(ids.add(c.id()), "duplicate id " + c.id());
                assertTrue(!c.rule().isBlank(), "case " + c.id() + " names its rule");
                assertTrue(c.expect() != null || c.expectError() != null, "case " + c.id() + " expects something");
            }
            if (!file.equals("public")) {
                own += cases.size();
            }
        }
        assertTrue(own >= 300, "own cases: " + own);
    }
}
