package org.iamlab.engine.simulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import com.fasterxml.jackson.core.JsonLocation;
import java.nio.charset.StandardCharsets;
import org.iamlab.engine.eval.CompiledPolicy;
import org.iamlab.engine.policy.PolicyKind;
import org.junit.jupiter.api.Test;

class PolicyCacheTests {

    private static final String POLICY = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"S%d\","
            + "\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::bucket-%d/*\"}]}";

    private final PolicyCache cache = new PolicyCache();

    private CompiledPolicy compile(String text, PolicyKind kind) {
        byte[] line = ("  " + text + "  ").getBytes(StandardCharsets.UTF_8);
        return cache.compile(line, 2, line.length - 2, kind, JsonLocation.NA, "policy");
    }

    @Test
    void aRepeatedPolicyIsCompiledOnceEvenAfterManyOthers() {
        String text = String.format(POLICY, 1, 1);
        CompiledPolicy first = compile(text, PolicyKind.IDENTITY);
        assertSame(first, compile(text, PolicyKind.IDENTITY), "the second sighting finds the first");
        for (int n = 100; n < 2100; n++) {
            compile(String.format(POLICY, n, n), PolicyKind.IDENTITY);
        }
        assertSame(first, compile(text, PolicyKind.IDENTITY), "a policy seen twice stays in the cache");
    }

    @Test
    void aCacheOfNoCapacityCompilesEveryTime() {
        PolicyCache none = new PolicyCache(0);
        byte[] text = String.format(POLICY, 3, 3).getBytes(StandardCharsets.UTF_8);
        CompiledPolicy first = none.compile(text, 0, text.length, PolicyKind.IDENTITY, JsonLocation.NA, "policy");
        assertNotSame(first, none.compile(text, 0, text.length, PolicyKind.IDENTITY, JsonLocation.NA, "policy"));
    }

    @Test
    void policiesOfOneShapeThatDifferInOneCharacterAreNotConfused() {
        for (int round = 0; round < 3; round++) {
            for (int n = 10; n < 20; n++) {
                CompiledPolicy p = compile(String.format(POLICY, n, n), PolicyKind.IDENTITY);
                assertEquals("S" + n, p.document().statements().get(0).sid());
            }
        }
    }

    @Test
    void theSameTextAsAnotherKindIsAnotherPolicy() {
        String text = String.format(POLICY, 2, 2);
        compile(text, PolicyKind.IDENTITY);
        compile(text, PolicyKind.IDENTITY);
        assertEquals(PolicyKind.PERMISSIONS_BOUNDARY, compile(text, PolicyKind.PERMISSIONS_BOUNDARY).kind());
        assertEquals(PolicyKind.PERMISSIONS_BOUNDARY, compile(text, PolicyKind.PERMISSIONS_BOUNDARY).kind());
    }
}
