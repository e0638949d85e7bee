package org.iamlab.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.iamlab.dsl.aws.CliOutput;
import org.iamlab.engine.trace.Decision;
import org.iamlab.engine.world.Answer;
import org.iamlab.engine.world.WorldClock;
import org.junit.jupiter.api.Test;

class IamCellsTests {

    private final List<Object> shown = new ArrayList<>();
    private final IamCells cells = new IamCells(shown::add);

    @Test
    void namesACellAssignsStayForLaterCellsUntilReset() {
        cells.run("account('111122223333') { alice = user('alice') }", 2);
        assertEquals("alice", ((org.iamlab.engine.world.User) cells.names().get("alice")).name());
        assertEquals("arn:aws:iam::111122223333:user/alice", cells.run("alice.arn()", 2));
        cells.reset();
        assertFalse(cells.names().containsKey("alice"));
        assertTrue(cells.world().accounts().isEmpty() || cells.world().findAccount("111122223333").isEmpty());
    }

    @Test
    void explainShowsItsAnswer() {
        Object value = cells.run("account('111122223333') { user('bob') }\n"
                + "explain user('bob'), 's3:GetObject', 'arn:aws:s3:::logs/a'", 2);
        assertEquals(1, shown.size());
        assertTrue(value == shown.get(0));
        assertEquals(Decision.IMPLICITLY_DENIED, ((Answer) value).decision());
    }

    @Test
    void errorsNameTheCellLineNotTheScriptLine() {
        CellError e = assertThrows(CellError.class, () -> cells.run("account('111122223333') {\n  user 'a'\n}\n"
                + "user('zed')", 2));
        assertTrue(e.value().startsWith("line 5: "), e.value());
        assertTrue(e.traceback().get(1).contains("user('zed')"), e.traceback().toString());
    }

    @Test
    void syntaxErrorsAreReportedWithTheirLine() {
        CellError e = assertThrows(CellError.class, () -> cells.run("x = 1\nuser('carol'", 2));
        assertEquals("SyntaxError", e.name());
        assertTrue(e.value().startsWith("line 3: "), e.value());
    }

    @Test
    void awsCommandsRunInTheSameWorldAndShowTheCliOutput() {
        cells.aws("aws iam create-user --user-name dana\naws iam get-user --user-name dana", 2);
        assertTrue(shown.get(shown.size() - 1) instanceof CliOutput o && o.text().contains("\"UserName\": \"dana\""));
        assertEquals("dana", cells.run("user('dana').name()", 2));
        CellError e = assertThrows(CellError.class, () -> cells.aws("aws iam get-user --user-name nobody", 7));
        assertTrue(e.value().startsWith("line 7: "), e.value());
    }

    @Test
    void theClockShowsMovesAndSets() {
        assertEquals(WorldClock.DEFAULT_START, cells.clock(""));
        assertEquals(WorldClock.DEFAULT_START.plusSeconds(7200), cells.clock("+2h"));
        assertEquals(Instant.parse("2026-03-01T12:00:00Z"), cells.clock("2026-03-01T12:00:00Z"));
        assertEquals("ClockError", assertThrows(CellError.class, () -> cells.clock("+2 fortnights")).name());
    }

    @Test
    void theVocabularyHoldsTheLanguagesCommands() {
        assertTrue(cells.vocabulary().containsAll(List.of("account", "explain", "whoCan", "assumeRole", "aws")));
    }
}
