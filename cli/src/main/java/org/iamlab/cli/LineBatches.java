package org.iamlab.cli;

import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Splits UTF-8 input into lines and hands them out in batches, as bytes: a large JSON Lines file is never
 * decoded into characters, and each batch owns its bytes so that it can be decided on another thread.
 */
final class LineBatches {

    /** Lines {@code firstLine ...} of the input; line {@code i} is {@code data[starts[i] .. ends[i])}. */
    record Batch(byte[] data, int[] starts, int[] ends, int count, int firstLine) {
    }

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private static final int TARGET_BYTES = 512 << 10;
    private static final int MAX_LINES = 256;

    private final InputStream in;
    private byte[] buffer = new byte[TARGET_BYTES];
    private int start;
    private int filled;
    private boolean eof;
    private int nextLine = 1;

    LineBatches(InputStream in) {
        this.in = in;
    }

    /** The next batch, or {@code null} at the end of the input. */
    Batch next() throws IOException {
        int[] starts = new int[MAX_LINES];
        int[] ends = new int[MAX_LINES];
        int count = 0;
        int batchStart = start;
        int firstLine = nextLine;
        while (count < MAX_LINES && start - batchStart < TARGET_BYTES) {
            int newline = indexOf((byte) '\n', start, filled);
            if (newline < 0) {
                if (eof) {
                    if (start < filled) {
                        starts[count] = start;
                        ends[count++] = filled;
                        start = filled;
                        nextLine++;
                    }
                    break;
                }
                int shift = fill(batchStart);
                batchStart -= shift;
                for (int i = 0; i < count; i++) {
                    starts[i] -= shift;
                    ends[i] -= shift;
                }
                continue;
            }
            int end = newline > start && buffer[newline - 1] == '\r' ? newline - 1 : newline;
            starts[count] = start;
            ends[count++] = end;
            start = newline + 1;
            nextLine++;
        }
        if (count == 0) {
            return null;
        }
        byte[] data = Arrays.copyOfRange(buffer, batchStart, start);
        for (int i = 0; i < count; i++) {
            starts[i] -= batchStart;
            ends[i] -= batchStart;
        }
        return new Batch(data, starts, ends, count, firstLine);
    }

    /**
     * Moves the bytes from {@code keep} on to the front (growing the buffer when they fill half of it) and reads
     * more; returns how far the bytes moved.
     */
    private int fill(int keep) throws IOException {
        int kept = filled - keep;
        if (kept > buffer.length / 2) {
            buffer = Arrays.copyOf(buffer, buffer.length * 2);
        }
        System.arraycopy(buffer, keep, buffer, 0, kept);
        start -= keep;
        filled = kept;
        int n = in.read(buffer, filled, buffer.length - filled);
        if (n < 0) {
            eof = true;
        } else {
            filled += n;
        }
        return keep;
    }

    /**
     * The position of the next {@code '\n'} in {@code buffer[from..to)}, or -1. Eight bytes at a time (a
     * newline byte shows as a zero byte after XOR, found with the usual carry trick): on a large file this scan
     * runs on the reading thread while the others decide, so it must not be the slowest part.
     */
    private int indexOf(byte b, int from, int to) {
        int i = from;
        long pattern = (b & 0xFFL) * 0x0101010101010101L;
        for (; i + Long.BYTES <= to; i += Long.BYTES) {
            long x = (long) LONGS.get(buffer, i) ^ pattern;
            long found = (x - 0x0101010101010101L) & ~x & 0x8080808080808080L;
            if (found != 0) {
                return i + Long.numberOfTrailingZeros(found) / 8;
            }
        }
        for (; i < to; i++) {
            if (buffer[i] == b) {
                return i;
            }
        }
        return -1;
    }
}
