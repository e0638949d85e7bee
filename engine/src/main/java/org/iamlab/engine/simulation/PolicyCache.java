package org.iamlab.engine.simulation;

import com.fasterxml.jackson.core.JsonLocation;
import java.util.LinkedHashMap;
import java.util.Map;
import org.iamlab.engine.eval.CompiledPolicy;
import org.iamlab.engine.parse.PolicyParseException;
import org.iamlab.engine.parse.PolicyParser;
import org.iamlab.engine.policy.PolicyKind;

/**
 * Compiled policies by their exact text and kind, so that a corpus repeating a policy (a managed policy
 * attached to many principals) parses and compiles it once. Least recently used entries are dropped beyond
 * {@code capacity}. Not thread-safe: one reader, one cache.
 */
public final class PolicyCache {

    private record Key(PolicyKind kind, String text) {
    }

    private final Map<Key, CompiledPolicy> entries;

    /** A cache of up to 4,096 policies. */
    public PolicyCache() {
        this(4096);
    }

    public PolicyCache(int capacity) {
        this.entries = new LinkedHashMap<>(capacity, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, CompiledPolicy> eldest) {
                return size() > capacity;
            }
        };
    }

    /**
     * The compiled policy for {@code text}; a parse error is reported at its place in the enclosing input
     * ({@code start}, the location of the policy's opening brace, and {@code path}, its JSON path there).
     */
    public CompiledPolicy compile(String text, PolicyKind kind, JsonLocation start, String path) {
        Key key = new Key(kind, text);
        CompiledPolicy cached = entries.get(key);
        if (cached != null) {
            return cached;
        }
        CompiledPolicy compiled;
        try {
            compiled = CompiledPolicy.compile(PolicyParser.parse(text, kind), kind);
        } catch (PolicyParseException e) {
            throw e.within(start.getLineNr(), start.getColumnNr(), path);
        }
        entries.put(key, compiled);
        return compiled;
    }
}
