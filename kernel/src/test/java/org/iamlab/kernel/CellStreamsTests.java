package org.iamlab.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class CellStreamsTests {

    @Test
    void aMessageNeverEndsInsideAUtf8Character() {
        byte[] text = "ok \u00e9\u20ac\uD83D\uDE00".getBytes(StandardCharsets.UTF_8);
        assertEquals(text.length, CellStreams.completeUtf8Prefix(text));
        for (int cut = 1; cut <= 3; cut++) {
            byte[] partial = Arrays.copyOf(text, text.length - cut);
            assertEquals(text.length - 4, CellStreams.completeUtf8Prefix(partial), "emoji cut by " + cut);
        }
        byte[] euroCut = Arrays.copyOf(text, 3 + 2 + 2);
        assertEquals(3 + 2, CellStreams.completeUtf8Prefix(euroCut));
    }
}
