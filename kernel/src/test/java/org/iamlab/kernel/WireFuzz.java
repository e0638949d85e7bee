package org.iamlab.kernel;

import com.google.gson.Gson;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Random messages for the kernel's sockets: well-signed envelopes of request types with random content, valid
 * requests with one thing broken (a byte flipped, a frame dropped, doubled or cut), and frames of random bytes.
 * Never a {@code shutdown_request} (a well-signed one must end the kernel) nor an {@code interrupt_request} (a
 * well-signed one must stop the running cell, which may be the test's own).
 */
final class WireFuzz {

    private static final Gson GSON = new Gson();
    private static final byte[] DELIMITER = "<IDS|MSG>".getBytes(StandardCharsets.US_ASCII);
    private static final List<String> TYPES = List.of("execute_request", "kernel_info_request", "complete_request",
            "inspect_request", "is_complete_request", "history_request", "comm_info_request", "comm_open",
            "comm_msg", "comm_close", "input_reply", "status", "no_such_request");

    private WireFuzz() {
    }

    /** One random message for {@code kernel}, from the delimiter on (or without one). */
    static List<byte[]> message(KernelProcess kernel, Random random) {
        return switch (random.nextInt(3)) {
            case 0 -> kernel.frames(TYPES.get(random.nextInt(TYPES.size())), content(random, 0), kernel.key());
            case 1 -> mutated(kernel, random);
            default -> randomFrames(random);
        };
    }

    private static Map<String, Object> content(Random random, int depth) {
        Map<String, Object> out = new LinkedHashMap<>();
        List<String> keys = List.of("code", "silent", "store_history", "user_expressions", "allow_stdin",
                "cursor_pos", "detail_level", "hist_access_type", "n", "target_name", "comm_id", "data", "value",
                "restart", "x");
        for (int i = random.nextInt(6); i > 0; i--) {
            out.put(keys.get(random.nextInt(keys.size())), value(random, depth));
        }
        return out;
    }

    private static Object value(Random random, int depth) {
        return switch (random.nextInt(depth > 2 ? 4 : 6)) {
            case 0 -> random.nextInt(2000) - 1000;
            case 1 -> random.nextBoolean();
            case 2 -> text(random);
            case 3 -> null;
            case 4 -> content(random, depth + 1);
            default -> java.util.Arrays.asList(value(random, depth + 1), value(random, depth + 1));
        };
    }

    private static String text(Random random) {
        StringBuilder s = new StringBuilder();
        for (int i = random.nextInt(30); i > 0; i--) {
            s.append((char) (' ' + random.nextInt(95)));
        }
        return s.toString();
    }

    private static List<byte[]> mutated(KernelProcess kernel, Random random) {
        List<byte[]> frames = new ArrayList<>(kernel.frames(random.nextBoolean() ? "kernel_info_request"
                : "execute_request", Map.of("code", "1 + 1", "silent", true), kernel.key()));
        int at = random.nextInt(frames.size());
        switch (random.nextInt(5)) {
            case 0 -> {
                byte[] b = frames.get(at).clone();
                if (b.length > 0) {
                    b[random.nextInt(b.length)] ^= (byte) (1 + random.nextInt(255));
                }
                frames.set(at, b);
            }
            case 1 -> frames.remove(at);
            case 2 -> frames.add(at, frames.get(at));
            case 3 -> frames.set(at, new byte[0]);
            default -> frames.subList(random.nextInt(frames.size()), frames.size()).clear();
        }
        if (frames.isEmpty()) {
            frames.add(new byte[0]);
        }
        return frames;
    }

    private static List<byte[]> randomFrames(Random random) {
        List<byte[]> frames = new ArrayList<>();
        for (int i = 1 + random.nextInt(8); i > 0; i--) {
            if (random.nextInt(4) == 0) {
                frames.add(DELIMITER);
            } else {
                byte[] b = new byte[random.nextInt(64)];
                random.nextBytes(b);
                frames.add(b);
            }
        }
        return frames;
    }
}
