package org.iamlab.engine.world;

import static org.iamlab.engine.world.WorldTests.identity;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Managed policy versions, as the IAM User Guide's "Versioning IAM policies" describes them: a change adds a
 * version, the default one is in effect, at most five are kept, the default cannot be deleted, IDs are not
 * reused, and setting an older default rolls a change back.
 */
class PolicyVersionTests {

    static final String READ = "{\"Effect\": \"Allow\", \"Action\": \"s3:GetObject\", \"Resource\": \"*\"}";
    static final String WRITE = "{\"Effect\": \"Allow\", \"Action\": \"s3:PutObject\", \"Resource\": \"*\"}";

    final World world = new World();
    final Account prod = world.createAccount("111122223333", "prod");
    final User alice = prod.createUser("alice", "/");
    final Policy data = prod.createPolicy("Data", "/", identity(READ), null);

    PolicyVersionTests() {
        alice.attach(data);
    }

    boolean aliceMay(String action) {
        return world.decide(alice, action, "arn:aws:s3:::logs/a", null) == org.iamlab.engine.trace.Decision.ALLOWED;
    }

    @Test
    void aNewDefaultVersionIsWhatTakesEffect() {
        assertTrue(aliceMay("s3:GetObject"));
        prod.createPolicyVersion(data.arn(), identity(WRITE), true);
        assertEquals("v2", data.defaultVersionId());
        assertFalse(aliceMay("s3:GetObject"));
        assertTrue(aliceMay("s3:PutObject"));
    }

    @Test
    void theTraceNamesTheVersionInEffectOnceThereAreSeveral() {
        Group team = prod.createGroup("team", "/");
        team.add(alice);
        team.attach(data);
        assertTrue(world.explain(alice, "s3:GetObject", "arn:aws:s3:::logs/a", null).text()
                .contains("Data (group team)"), "one version: no version in the name");
        prod.createPolicyVersion(data.arn(), identity(WRITE), true);
        String trace = world.explain(alice, "s3:PutObject", "arn:aws:s3:::logs/a", null).text();
        assertTrue(trace.contains("identity-based policy Data (v2)"), trace);
        assertTrue(trace.contains("identity-based policy Data (v2, group team)"), trace);
    }

    @Test
    void aVersionNotSetAsDefaultIsKeptButNotInEffect() {
        Policy.Version v2 = prod.createPolicyVersion(data.arn(), identity(WRITE), false);
        assertEquals("v2", v2.id());
        assertEquals("v1", data.defaultVersionId());
        assertEquals(List.of("v1", "v2"), data.versionIds());
        assertFalse(aliceMay("s3:PutObject"));
    }

    @Test
    void settingAnOlderDefaultVersionRollsTheChangeBack() {
        prod.createPolicyVersion(data.arn(), identity(WRITE), true);
        prod.setDefaultPolicyVersion("Data", "v1");
        assertTrue(aliceMay("s3:GetObject"));
        assertFalse(aliceMay("s3:PutObject"));
    }

    @Test
    void atMostFiveVersionsAreKeptSoASixthNeedsOneDeletedFirst() {
        for (int i = 0; i < 4; i++) {
            prod.createPolicyVersion(data.arn(), identity(READ), false);
        }
        WorldException e = assertThrows(WorldException.class,
                () -> prod.createPolicyVersion(data.arn(), identity(WRITE), true));
        assertEquals("LimitExceeded", e.code());
        assertTrue(e.hint().contains("deleteVersion 'v2'") && e.hint().contains("--version-id v2"), e.hint());
        prod.deletePolicyVersion(data.arn(), "v2");
        assertEquals("v6", prod.createPolicyVersion(data.arn(), identity(WRITE), true).id());
    }

    @Test
    void versionIdsAreNotReusedAfterADeletion() {
        // the guide's example: delete v2 and v4 of five, add two: v1, v3, v5, v6, v7
        for (int i = 0; i < 4; i++) {
            prod.createPolicyVersion(data.arn(), identity(READ), false);
        }
        prod.deletePolicyVersion(data.arn(), "v2");
        prod.deletePolicyVersion(data.arn(), "v4");
        prod.createPolicyVersion(data.arn(), identity(READ), false);
        prod.createPolicyVersion(data.arn(), identity(READ), false);
        assertEquals(List.of("v1", "v3", "v5", "v6", "v7"), data.versionIds());
    }

    @Test
    void theDefaultVersionCannotBeDeleted() {
        prod.createPolicyVersion(data.arn(), identity(WRITE), true);
        WorldException e = assertThrows(WorldException.class, () -> prod.deletePolicyVersion(data.arn(), "v2"));
        assertEquals("DeleteConflict", e.code());
        assertEquals("Cannot delete the default version of a policy.", e.awsMessage());
    }

    @Test
    void anUnknownVersionNamesTheKeptOnes() {
        WorldException e = assertThrows(WorldException.class, () -> prod.setDefaultPolicyVersion("Data", "v9"));
        assertEquals("NoSuchEntity", e.code());
        assertTrue(e.hint().contains("[v1]"), e.hint());
    }

    @Test
    void awsManagedPoliciesCannotBeChangedByTheAccount() {
        WorldException e = assertThrows(WorldException.class,
                () -> prod.createPolicyVersion("ReadOnlyAccess", identity(READ), true));
        assertEquals("AccessDenied", e.code());
        assertTrue(e.hint().contains("customer managed copy"), e.hint());
    }

    @Test
    void anAwsManagedPolicyCarriesItsCatalogueVersion() {
        Policy readOnly = prod.policy("ReadOnlyAccess");
        String catalogue = org.iamlab.engine.catalog.ManagedPolicyCatalog.aws().find("ReadOnlyAccess").orElseThrow()
                .versionId();
        assertEquals(catalogue, readOnly.defaultVersionId());
    }

    @Test
    void theUpdateDateIsWhenTheNewestVersionWasMade() {
        world.clock().advance(Duration.ofDays(2));
        Policy.Version v2 = prod.createPolicyVersion(data.arn(), identity(WRITE), false);
        assertEquals(v2.createDate(), data.updateDate());
        assertTrue(data.createDate().isBefore(data.updateDate()));
    }

    @Test
    void restoringASnapshotBringsBackTheVersionsAndTheDefault() {
        WorldSnapshot before = world.snapshot();
        prod.createPolicyVersion(data.arn(), identity(WRITE), true);
        world.restore(before);
        assertEquals(List.of("v1"), data.versionIds());
        assertTrue(aliceMay("s3:GetObject"));
        assertEquals("v2", prod.createPolicyVersion(data.arn(), identity(WRITE), true).id());
    }

    @Test
    void theExportListsEveryVersionAndMarksTheDefault() throws Exception {
        prod.createPolicyVersion(data.arn(), identity(WRITE), false);
        JsonNode versions = new ObjectMapper().readTree(WorldExport.json(world)).findValue("PolicyVersionList");
        assertEquals(2, versions.size(), versions.toString());
        assertEquals("v1", versions.get(0).get("VersionId").asText());
        assertTrue(versions.get(0).get("IsDefaultVersion").asBoolean());
        assertEquals("v2", versions.get(1).get("VersionId").asText());
        assertFalse(versions.get(1).get("IsDefaultVersion").asBoolean());
        assertTrue(versions.get(1).get("Document").toString().contains("s3:PutObject"));
    }
}
