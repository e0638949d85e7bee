package org.iamlab.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.dflib.jjava.jupyter.kernel.ReplacementOptions;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The kernel in-process, without sockets: names shared by Java and %%iam cells, completion, inspection. */
class IamLabKernelTests {

    private static IamLabKernel kernel;
    private static int count;

    @BeforeAll
    static void start() {
        kernel = IamLabKernel.create();
        kernel.onStartup();
        kernel.startEngines(TestClassPath.runtime());
        assertTrue(kernel.awaitReady(120_000));
    }

    @AfterAll
    static void stop() {
        kernel.onShutdown(false);
    }

    private static Object run(String code) {
        JavaShell.Outcome o = kernel.execute(code, ++count);
        return o.hasValue() ? o.value() : null;
    }

    @Test
    void namesFlowFromIamCellsToJavaAndBack() {
        run("%%iam\nanswer = 42");
        assertEquals(43, run("answer + 1"));
        run("int fromJava = 7;");
        assertEquals(42, run("%%iam\nfromJava * 6"));
    }

    @Test
    void theLatestAssignmentWinsWhicheverLanguageMadeIt() {
        run("%%iam\ncounter = 1");
        assertEquals(1, run("counter"));
        run("%%iam\ncounter = 2");
        assertEquals(2, run("%%iam\ncounter"), "a Java copy that is out of date does not overwrite the Groovy name");
        assertEquals(2, run("counter"));
        run("counter = 5;");
        assertEquals(5, run("%%iam\ncounter"));
    }

    @Test
    void resetForgetsTheIamNamesButJavaVariablesStayVisibleToIamCells() {
        run("%%iam\nbeforeReset = 'old world'");
        run("String fromJavaToo = \"java\";");
        run("%%iam\nfromJavaToo + beforeReset");
        run("%reset");
        assertEquals(false, run("%%iam\nbinding.hasVariable('beforeReset')"));
        assertEquals("java!", run("%%iam\nfromJavaToo + '!'"));
    }

    @Test
    void worldObjectsKeepTheirTypeInJava() {
        run("%%iam\naccount('111122223333') { carol = user('carol') }");
        assertEquals("arn:aws:iam::111122223333:user/carol", run("carol.arn()"));
    }

    @Test
    void completionInIamCellsOffersTheLanguageAndTheCellsNames() {
        run("%%iam\nexplainer = 1");
        ReplacementOptions o = kernel.complete("%%iam\nexpl", 10);
        assertTrue(o.getReplacements().contains("explain") && o.getReplacements().contains("explainer"),
                o.getReplacements().toString());
        assertEquals(6, o.getSourceStart());
    }

    @Test
    void completionInsideABlockOffersThatBlocksCommands() {
        String cell = "%%iam\nrole('x') {\n    tr";
        ReplacementOptions o = kernel.complete(cell, cell.length());
        assertEquals(List.of("trust", "trustAccount", "trustOidc", "trustPrincipal", "trustSaml", "trustService"),
                o.getReplacements());
        String empty = "%%iam\nrole('x') { ";
        List<String> all = kernel.complete(empty, empty.length()).getReplacements();
        assertTrue(all.contains("maxSessionDuration") && !all.contains("explain") && !all.contains("allow"),
                all.toString());
    }

    @Test
    void completionInJavaCellsSeesIamNames() {
        run("%%iam\nzebraName = 'z'");
        assertTrue(kernel.complete("zebraN", 6).getReplacements().contains("zebraName"));
    }

    @Test
    void inspectionShowsSignaturesOfTheLanguageAndSummariesOfValues() {
        DisplayData explain = kernel.inspect("%%iam\nexplain alice", 9, false);
        assertNotNull(explain);
        assertTrue(String.valueOf(explain.getData(MIMEType.TEXT_PLAIN)).contains("Answer explain(Object, String, Object)"));
        run("%%iam\naccount('111122223333') { dave = user('dave') }");
        DisplayData dave = kernel.inspect("dave.arn()", 2, false);
        assertTrue(String.valueOf(dave.getData(MIMEType.TEXT_PLAIN)).startsWith("dave : org.iamlab.engine.world.User"));
        assertTrue(String.valueOf(dave.getData(MIMEType.TEXT_HTML)).contains("user/dave"));
    }
}
