package org.iamlab.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class JavaShellTests {

    private static JavaShell shell;

    @BeforeAll
    static void start() {
        shell = JavaShell.start(TestClassPath.runtime());
    }

    @AfterAll
    static void stop() {
        shell.close();
    }

    @Test
    void theLastExpressionIsTheCellsLiveValue() {
        JavaShell.Outcome o = shell.eval("int a = 20;\nStringBuilder sb = new StringBuilder(\"x\");\nsb", 1);
        assertTrue(o.hasValue());
        assertTrue(o.value() instanceof StringBuilder, String.valueOf(o.value()));
        JavaShell.Outcome sum = shell.eval("a + 22", 2);
        assertEquals(42, sum.value());
    }

    @Test
    void declarationsAndStatementsHaveNoValue() {
        assertFalse(shell.eval("int b = 1;", 3).hasValue());
        assertFalse(shell.eval("System.out.print(\"\")", 4).hasValue());
    }

    @Test
    void compileErrorsNameTheCellLine() {
        CellError e = assertThrows(CellError.class, () -> shell.eval("int c = 1;\n\nint d = \"s\";", 5));
        assertEquals("CompilationError", e.name());
        assertTrue(e.value().endsWith("(line 3)"), e.value());
    }

    @Test
    void runtimeErrorsNameTheCellLineNotTheSnippet() {
        CellError e = assertThrows(CellError.class, () -> shell.eval("int e = 1;\nint f = e / 0;", 6));
        assertEquals("java.lang.ArithmeticException", e.name());
        assertTrue(e.traceback().contains("    at (line 2)"), e.traceback().toString());
    }

    @Test
    void compileErrorsSayTheFirstLineOfJavacsMessageAndKeepTheRestInTheTraceback() {
        CellError e = assertThrows(CellError.class, () -> shell.eval("nowhere.length()", 7));
        assertEquals("cannot find symbol (line 1)", e.value());
        assertTrue(String.join("\n", e.traceback()).contains("symbol:   variable nowhere"), e.traceback().toString());
    }

    @Test
    void isCompleteTellsCompleteIncompleteAndInvalidCells() {
        assertEquals("complete", shell.isComplete("int x = 1;\nx + 1"));
        assertEquals("complete", shell.isComplete(""));
        assertEquals("    ", shell.isComplete("for (int i = 0; i < 3; i++) {"));
        assertEquals("invalid", shell.isComplete("}"));
    }

    @Test
    void completionOffersMembersWithTheRangeToReplace() {
        JavaShell.Completions c = shell.complete("int k = 1;\nMath.ma", 18);
        assertTrue(c.matches().contains("max("), c.matches().toString());
        assertEquals(16, c.start());
        assertEquals(18, c.end());
    }

    @Test
    void documentationFindsSignaturesEvenWithoutTheParenthesis() {
        assertTrue(shell.documentation("Math.max", 8).stream().anyMatch(d -> d.contains("int Math.max(int a, int b)")));
    }

    @Test
    void identifiersAreWhatACellMayReferTo() {
        assertEquals(java.util.Set.of("alice", "arn", "x"), JavaShell.identifiers("alice.arn() + x"));
        assertEquals("alice", JavaShell.identifierAt("alice.arn()", 3));
    }
}
