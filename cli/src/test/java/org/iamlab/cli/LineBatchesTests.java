package org.iamlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LineBatchesTests {

    /** Every line with its number, as the batches hand them out. */
    private static List<String> lines(InputStream in) throws IOException {
        List<String> lines = new ArrayList<>();
        LineBatches batches = new LineBatches(in);
        for (LineBatches.Batch b; (b = batches.next()) != null; ) {
            for (int i = 0; i < b.count(); i++) {
                lines.add((b.firstLine() + i) + ":" + new String(b.data(), b.starts()[i],
                        b.ends()[i] - b.starts()[i], StandardCharsets.UTF_8));
            }
        }
        return lines;
    }

    private static InputStream bytes(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void splitsAtNewlinesDroppingCarriageReturnsAndKeepingALastLineWithoutNewline() throws IOException {
        assertEquals(List.of("1:a", "2:", "3:bc", "4:é"), lines(bytes("a\n\r\nbc\r\né")));
    }

    @Test
    void numbersLinesAcrossBatchesAndReadsLinesLongerThanTheBuffer() throws IOException {
        StringBuilder input = new StringBuilder();
        List<String> expected = new ArrayList<>();
        for (int n = 1; n <= 3000; n++) {
            String line = n % 1000 == 0 ? "x".repeat(3 << 20) : "line" + n;
            input.append(line).append('\n');
            expected.add(n + ":" + line);
        }
        // A stream that hands out a few bytes at a time, as a pipe may.
        InputStream trickle = new java.io.FilterInputStream(bytes(input.toString())) {
            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                return super.read(b, off, Math.min(len, 7919));
            }
        };
        assertEquals(expected, lines(trickle));
    }
}
