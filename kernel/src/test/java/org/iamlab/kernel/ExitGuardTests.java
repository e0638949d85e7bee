package org.iamlab.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code System.exit}, {@code Runtime.exit} and {@code Runtime.halt} from a cell are refused and the kernel (here:
 * this test's JVM, which would end) keeps its state. Run on each JDK the build runs on; the kernel process tests
 * run them on the second JDK too.
 */
class ExitGuardTests {

    private static final String STAYS_UP = "the kernel stays up; use %reset for a fresh world or restart the kernel"
            + " from the menu";

    private static JavaShell shell;
    private static int cell = 1;

    @BeforeAll
    static void start() {
        shell = JavaShell.start(TestClassPath.runtime());
        shell.eval("int kept = 41;", cell++);
    }

    @AfterAll
    static void stop() {
        shell.close();
    }

    private static CellError refusedInJava(String code) {
        CellError e = assertThrows(CellError.class, () -> shell.eval(code, cell++), code);
        assertEquals(ExitRefused.class.getName(), e.name(), () -> code + ": " + e.traceback());
        assertTrue(e.value().endsWith(STAYS_UP), e.value());
        assertEquals(42, shell.eval("kept + 1", cell++).value(), "the cell's earlier state survives");
        return e;
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "System.exit(0);",
            "Runtime.getRuntime().exit(1);",
            "Runtime.getRuntime().halt(2);",
            "java.util.function.IntConsumer bye = System::exit;\nbye.accept(3);",
            "Runtime r = Runtime.getRuntime();\njava.util.function.IntConsumer bye = r::halt;\nbye.accept(4);",
            "if (kept > 0) { for (int i = 0; i < 3; i++) { if (i == 2) System.exit(i); } }"})
    void aJavaCellThatExitsIsRefusedAndTheKernelKeepsItsState(String code) {
        CellError e = refusedInJava(code);
        assertTrue(e.value().startsWith("`System.exit(") || e.value().startsWith("`Runtime."), e.value());
        assertTrue(e.traceback().stream().anyMatch(l -> l.contains("(line ")), () -> "located: " + e.traceback());
    }

    @Test
    void aMethodDefinedInAnEarlierCellIsRefusedToo() {
        shell.eval("void leave(int status) { System.exit(status); }", cell++);
        CellError e = refusedInJava("leave(7);");
        assertTrue(e.value().startsWith("`System.exit(7)` refused"), e.value());
    }

    @Test
    void reflectionAndMethodHandlesAreRefused() {
        CellError reflective = refusedInJava("System.class.getMethod(\"exit\", int.class).invoke(null, 0);");
        assertTrue(reflective.value().startsWith("`System.exit (by reflection)`"), reflective.value());
        refusedInJava("Runtime.class.getMethod(\"halt\", int.class).invoke(Runtime.getRuntime(), 0);");
        refusedInJava("java.lang.invoke.MethodHandles.lookup().findStatic(System.class, \"exit\","
                + " java.lang.invoke.MethodType.methodType(void.class, int.class)).invoke(0);");
        refusedInJava("java.lang.invoke.MethodHandles.lookup().unreflect(System.class.getMethod(\"exit\", int.class))"
                + ".invoke(0);");
    }

    @Test
    void reflectionOnOtherMethodsStillWorks() {
        assertEquals("ab", shell.eval("String.class.getMethod(\"concat\", String.class).invoke(\"a\", \"b\")", cell++)
                .value());
        assertEquals(3, shell.eval("java.lang.invoke.MethodHandles.lookup().findStatic(Math.class, \"max\","
                + " java.lang.invoke.MethodType.methodType(int.class, int.class, int.class)).invoke(3, 1)", cell++)
                .value());
    }

    @Test
    void aThreadACellStartsCannotExitEither() {
        assertEquals("refused", shell.eval("""
                String[] seen = {"ran"};
                Thread t = new Thread(() -> {
                    try { System.exit(0); } catch (RuntimeException e) { seen[0] = "refused"; }
                });
                t.start();
                t.join();
                seen[0]""", cell++).value());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "System.exit(0)",
            "System.exit 5",
            "Runtime.runtime.exit(1)",
            "Runtime.getRuntime().halt(2)",
            "def bye = System.&exit\nbye(3)",
            "System.\"${'ex' + 'it'}\"(4)",
            "System.invokeMethod('exit', 6)",
            "[1, 2].each { if (it == 2) System.exit(it) }",
            "class Leaver { static void go() { System.exit(8) } }\nLeaver.go()"})
    void anIamCellThatExitsIsRefusedAndTheWorldSurvives(String code) {
        List<Object> shown = new ArrayList<>();
        IamCells cells = new IamCells(shown::add);
        cells.run("account('111122223333') { alice = user('alice') }", 1);
        CellError e = assertThrows(CellError.class, () -> cells.run("\n" + code, 2), code);
        assertEquals("ExitRefused", e.name(), () -> code + ": " + e.traceback());
        assertTrue(e.value().endsWith(STAYS_UP), e.value());
        assertTrue(e.value().startsWith("line "), () -> "located: " + e.value());
        assertEquals("arn:aws:iam::111122223333:user/alice", cells.run("alice.arn()", 4));
    }
}
