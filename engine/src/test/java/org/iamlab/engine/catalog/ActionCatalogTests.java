package org.iamlab.engine.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.iamlab.engine.policy.PolicyDocument;
import org.iamlab.engine.policy.Statement;
import org.junit.jupiter.api.Test;

class ActionCatalogTests {

    private final ActionCatalog catalog = ActionCatalog.aws();

    @Test
    void actionNamesCompareCaseInsensitivelyAsInPolicies() {
        assertTrue(catalog.isKnown("s3:GetObject"));
        assertTrue(catalog.isKnown("S3:getobject"));
        assertTrue(catalog.isKnown("sts:AssumeRoleWithWebIdentity"));
        assertFalse(catalog.isKnown("s3:GetObjet"));
        assertFalse(catalog.isKnown("GetObject"));
    }

    @Test
    void aTypoNamesTheClosestActionOfItsService() {
        ActionCatalog.Unknown unknown = catalog.check("s3:GetObjet").orElseThrow();
        assertEquals("`s3:GetObjet` is not an action of s3", unknown.problem());
        assertEquals("did you mean `s3:GetObject`?", unknown.hint());
        assertTrue(catalog.check("dynamodb:GetItem").isEmpty());
    }

    @Test
    void anUnknownServiceNamesTheClosestPrefixOrNone() {
        assertEquals("did you mean `s3`?", catalog.check("s4:GetObject").orElseThrow().hint());
        assertNull(catalog.check("zzzzzzzz:Do").orElseThrow().hint());
    }

    @Test
    void everyActionTheManagedPoliciesNameWithoutWildcardsIsKnown() {
        List<String> unknown = new ArrayList<>();
        int named = 0;
        for (ManagedPolicy p : ManagedPolicyCatalog.aws().all()) {
            PolicyDocument d = p.document();
            for (Statement s : d.statements()) {
                for (String action : s.action().patterns().values()) {
                    if (action.contains("*") || action.contains("?")) {
                        continue;
                    }
                    named++;
                    if (!catalog.isKnown(action)) {
                        unknown.add(p.name() + ": " + action);
                    }
                }
            }
        }
        // AWS managed policies sometimes name actions that a service has since renamed or withdrawn; the
        // catalogue must still know the overwhelming majority.
        assertTrue(unknown.size() * 100 < named, unknown.size() + " of " + named + " unknown, e.g. "
                + unknown.subList(0, Math.min(10, unknown.size())));
    }
}
