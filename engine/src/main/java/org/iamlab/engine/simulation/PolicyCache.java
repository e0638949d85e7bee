package org.iamlab.engine.simulation;

import com.fasterxml.jackson.core.JsonLocation;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.iamlab.engine.eval.CompiledPolicy;
import org.iamlab.engine.parse.PolicyParseException;
import org.iamlab.engine.parse.PolicyParser;
import org.iamlab.engine.policy.PolicyKind;

/**
 * Compiled policies by their exact text (UTF-8 bytes) and kind, so that a corpus repeating a policy (a managed
 * policy attached to many principals) parses and compiles it once. Least recently used entries are dropped
 * beyond the capacity. Not thread-safe: one reader, one cache.
 *
 * <p>Policies can be large (an AWS managed policy reaches 150 KB) and each scenario repeats several, so the
 * lookup hashes a sample of the bytes and confirms a hit by comparing them all, which is far cheaper than a
 * full hash.
 *
 * <p>A policy enters the cache on its second sighting. Where every scenario brings its own policies, keeping
 * each one would keep thousands of compiled policies alive that are never asked for again, for the garbage
 * collector to carry from one collection to the next. The last {@value #RECENT} policies compiled wait in a
 * small table instead, so a policy seen again soon (in the same scenario, or a managed policy of the next
 * ones) is still compiled once.
 */
public final class PolicyCache {

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final int SAMPLES = 64;
    private static final int WHOLE = 4096;
    /** How many policies seen once wait for a second sighting (a power of two). */
    private static final int RECENT = 256;

    private static final class Key {
        final PolicyKind kind;
        final byte[] text;
        final long hash;

        Key(PolicyKind kind, byte[] text, long hash) {
            this.kind = kind;
            this.text = text;
            this.hash = hash;
        }

        @Override
        public int hashCode() {
            return Long.hashCode(hash);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.hash == hash && k.kind == kind && Arrays.equals(k.text, text);
        }
    }

    /** A probe for a range of a larger buffer, equal to the stored {@link Key} with the same bytes. */
    private static final class Probe {
        final PolicyKind kind;
        final byte[] buffer;
        final int from;
        final int to;
        final long hash;

        Probe(PolicyKind kind, byte[] buffer, int from, int to) {
            this.kind = kind;
            this.buffer = buffer;
            this.from = from;
            this.to = to;
            this.hash = sampledHash(kind, buffer, from, to);
        }

        boolean matches(Key key) {
            return key.hash == hash && key.kind == kind
                    && Arrays.equals(key.text, 0, key.text.length, buffer, from, to);
        }
    }

    private final Map<Key, CompiledPolicy> entries;
    /** The most recent key for each sampled hash, to find a probe's entry without copying its bytes. */
    private final Map<Long, Key> keysByHash = new java.util.HashMap<>();
    /** Policies seen once, by the low bits of their hash: the newest takes the slot. */
    private final boolean keeps;
    private final Key[] recentKeys = new Key[RECENT];
    private final CompiledPolicy[] recentPolicies = new CompiledPolicy[RECENT];

    /** A cache of up to 4,096 policies. */
    public PolicyCache() {
        this(4096);
    }

    /** A cache of up to {@code capacity} policies; with 0, every policy is parsed and compiled each time. */
    public PolicyCache(int capacity) {
        this.keeps = capacity > 0;
        this.entries = new LinkedHashMap<>(capacity, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, CompiledPolicy> eldest) {
                boolean full = size() > capacity;
                if (full) {
                    keysByHash.remove(eldest.getKey().hash, eldest.getKey());
                }
                return full;
            }
        };
    }

    /**
     * The compiled policy whose JSON is bytes {@code from} to {@code to} of {@code utf8}; a parse error is
     * reported at its place in the enclosing input ({@code start}, the location of the policy's opening brace,
     * and {@code path}, its JSON path there).
     */
    public CompiledPolicy compile(byte[] utf8, int from, int to, PolicyKind kind, JsonLocation start, String path) {
        Probe probe = new Probe(kind, utf8, from, to);
        Key known = keysByHash.get(probe.hash);
        if (known != null && probe.matches(known)) {
            CompiledPolicy cached = entries.get(known);
            if (cached != null) {
                return cached;
            }
        }
        int slot = (int) (probe.hash ^ (probe.hash >>> 32)) & (RECENT - 1);
        Key recent = recentKeys[slot];
        if (recent != null && probe.matches(recent)) {
            CompiledPolicy compiled = recentPolicies[slot];
            recentKeys[slot] = null;
            recentPolicies[slot] = null;
            entries.put(recent, compiled);
            keysByHash.put(recent.hash, recent);
            return compiled;
        }
        CompiledPolicy compiled;
        try {
            PolicyParser.Parsed parsed = PolicyParser.read(utf8, from, to - from, kind);
            compiled = CompiledPolicy.compile(parsed.document(), kind, parsed.warnings());
        } catch (PolicyParseException e) {
            throw e.within(start.getLineNr(), start.getColumnNr(), path);
        }
        if (keeps) {
            recentKeys[slot] = new Key(kind, Arrays.copyOfRange(utf8, from, to), probe.hash);
            recentPolicies[slot] = compiled;
        }
        return compiled;
    }

    /**
     * A hash of the kind, the length and the bytes: all of them up to {@value #WHOLE} bytes (small policies of
     * one shape differ in a few characters anywhere), else {@value #SAMPLES} evenly spread ones.
     */
    private static long sampledHash(PolicyKind kind, byte[] buffer, int from, int to) {
        int length = to - from;
        long h = kind.ordinal() * 31L + length;
        if (length <= WHOLE) {
            // Eight bytes a step: a policy of each scenario is hashed, so this is no small part of reading one.
            int i = from;
            for (; i + Long.BYTES <= to; i += Long.BYTES) {
                long word = (long) LONGS.get(buffer, i);
                h = (h ^ word) * 0x9E3779B97F4A7C15L;
                h ^= h >>> 29;
            }
            for (; i < to; i++) {
                h = h * 1_000_003L + buffer[i];
            }
            return h;
        }
        int step = length / SAMPLES;
        for (int i = from; i < to; i += step) {
            h = h * 1_000_003L + buffer[i];
        }
        return h;
    }
}
