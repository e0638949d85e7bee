package org.iamlab.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class MagicsTests {

    private final Magics magics = new Magics(new IamCells(value -> { }));

    @Nested
    class Transpiling {

        @Test
        void aCellMagicTakesTheWholeCellAndItsBodyStartsOnLineTwo() {
            Magics.Transpiled t = magics.transpile("%%iam verbose\nalice = user('alice')\nalice");
            assertEquals("org.iamlab.kernel.Notebook.magic(0)", t.java());
            assertEquals(List.of(new Magics.Call("iam", true, "verbose", "alice = user('alice')\nalice", 1)), t.calls());
        }

        @Test
        void aCellMagicMayHaveNoBody() {
            assertEquals("", magics.transpile("%%aws").calls().get(0).body());
        }

        @Test
        void lineMagicsBecomeCallsOnTheirOwnLinesSoJavaLinesKeepTheirNumbers() {
            Magics.Transpiled t = magics.transpile("int a = 1;\n  %clock +2h\na");
            assertEquals("int a = 1;\n  org.iamlab.kernel.Notebook.magic(0);\na", t.java());
            assertEquals(new Magics.Call("clock", false, "+2h", null, 2), t.calls().get(0));
        }

        @Test
        void javaWithoutMagicsIsUnchanged() {
            String java = "int percent = 10 % 3;\nString s = \"%d\";";
            assertEquals(java, magics.transpile(java).java());
            assertTrue(magics.transpile(java).calls().isEmpty());
        }
    }

    @Nested
    class Running {

        @Test
        void anUnknownMagicSuggestsTheClosestOne() {
            CellError e = assertThrows(CellError.class, () -> magics.run(new Magics.Call("lsmagc", false, "", null, 3)));
            assertEquals("UnknownMagic", e.name());
            assertTrue(e.value().startsWith("line 3: `%lsmagc` is not a magic"), e.value());
            assertTrue(e.value().contains("%lsmagic"), e.value());
        }

        @Test
        void aCellMagicWrittenAsALineMagicIsPointedOut() {
            CellError e = assertThrows(CellError.class, () -> magics.run(new Magics.Call("iam", false, "", null, 1)));
            assertTrue(e.value().contains("did you mean `%%iam`?"), e.value());
        }

        @Test
        void lsmagicListsEveryMagicInTextAndHtml() throws Exception {
            var data = (org.dflib.jjava.jupyter.kernel.display.DisplayData) magics.run(
                    new Magics.Call("lsmagic", false, "", null, 1));
            String text = String.valueOf(data.getData(MIMEType.TEXT_PLAIN));
            for (String m : List.of("%%iam", "%%aws", "%aws", "%reset", "%clock", "%lsmagic", "%help")) {
                assertTrue(text.contains(m), m);
            }
            assertTrue(String.valueOf(data.getData(MIMEType.TEXT_HTML)).contains("<table"));
        }

        @Test
        void helpIsAPageForTheHelpPanel() throws Exception {
            assertTrue(magics.run(new Magics.Call("help", false, "", null, 1)) instanceof Magics.Page);
            assertTrue(magics.run(new Magics.Call("help", false, "%%iam", null, 1)) instanceof Magics.Page);
        }
    }

    @Test
    void completesMagicNames() {
        assertEquals(List.of("%lsmagic"), magics.complete("%ls"));
        assertEquals(List.of("%%aws"), magics.complete("%%a"));
        assertEquals(List.of("%aws"), magics.complete("%a"));
        assertEquals(List.of("%%iam", "%%aws"), magics.complete("%%"));
    }
}
