package org.iamlab.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.dflib.jjava.jupyter.kernel.history.HistoryEntry;
import org.dflib.jjava.jupyter.kernel.history.HistoryManager.ResultFlag;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HistoryTests {

    private final History history = new History();

    @BeforeEach
    void cells() {
        history.record(1, "int a = 1;", null);
        history.record(2, "a + 1", "2");
        history.record(3, "%%iam\nuser 'alice'", null);
        history.record(4, "a + 1", "2");
    }

    private static List<Integer> numbers(List<HistoryEntry> entries) {
        return entries.stream().map(HistoryEntry::getCellNumber).toList();
    }

    @Test
    void tailGivesTheLastCells() {
        assertEquals(List.of(3, 4), numbers(history.lookupTail(2, Set.of())));
    }

    @Test
    void rangeIsStartInclusiveStopExclusiveInThisSession() {
        assertEquals(List.of(2, 3), numbers(history.lookupRange(History.SESSION, 2, 4, Set.of())));
        assertEquals(List.of(2, 3, 4), numbers(history.lookupRange(0, 2, 0, Set.of())));
        assertEquals(List.of(), numbers(history.lookupRange(-1, 1, 3, Set.of())));
    }

    @Test
    void outputsAreIncludedOnRequestAndEmptyWhenACellShowedNothing() {
        List<HistoryEntry> e = history.lookupTail(4, EnumSet.of(ResultFlag.INCLUDE_OUTPUT));
        assertEquals("", e.get(0).getOutput());
        assertEquals("2", e.get(1).getOutput());
    }

    @Test
    void searchMatchesWholeInputsWithGlobs() {
        assertEquals(List.of(2, 4), numbers(history.search("a ?*", 10, Set.of())));
        assertEquals(List.of(3), numbers(history.search("%%iam*", 10, Set.of())));
        assertEquals(List.of(1), numbers(history.search("[i]nt*", 10, Set.of())));
        assertEquals(List.of(2, 3, 4), numbers(history.search("[^i]*", 10, Set.of())));
    }

    @Test
    void uniqueSearchKeepsTheLatestOfEachInputAndNLimitsFromTheEnd() {
        assertEquals(List.of(4), numbers(history.search("a + 1", 10, EnumSet.of(ResultFlag.UNIQUE))));
        assertEquals(List.of(3, 4), numbers(history.search("*", 2, Set.of())));
    }
}
