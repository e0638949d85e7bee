package org.iamlab.dsl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.iamlab.dsl.aws.CliOutput;
import org.iamlab.engine.world.Policy;
import org.junit.jupiter.api.Test;

/**
 * Changing a customer managed policy: {@code edit(policy('X')) { ... }} and the aws policy-version commands make
 * versions as IAM does (IAM User Guide, "Versioning IAM policies").
 */
class PolicyVersionEditTests {

    static final String WORLD = """
            account('111122223333') {
                policy('ReadLogs') { allow 's3:GetObject' on 'arn:aws:s3:::logs/*' }
                user('alice') { attach 'ReadLogs' }
            }
            """;

    final LabFixture f = new LabFixture();

    PolicyVersionEditTests() {
        f.run(WORLD);
    }

    Policy readLogs() {
        return f.lab.world().account("111122223333").policy("ReadLogs");
    }

    boolean aliceMay(String action, String resource) {
        return (Boolean) f.run("can(user('alice'), '" + action + "', '" + resource + "')");
    }

    @Test
    void editingAManagedPolicyMakesANewDefaultVersionThatTakesEffect() {
        f.run("edit(policy('ReadLogs')) { allow 's3:GetObject', 's3:ListBucket' on 'arn:aws:s3:::logs', 'arn:aws:s3:::logs/*' }");
        assertEquals(List.of("v1", "v2"), readLogs().versionIds());
        assertEquals("v2", readLogs().defaultVersionId());
        assertTrue(aliceMay("s3:ListBucket", "arn:aws:s3:::logs"));
    }

    @Test
    void defaultVersionRollsAnEditBack() {
        f.run("edit(policy('ReadLogs')) { allow 's3:*' on '*' }");
        assertTrue(aliceMay("s3:DeleteObject", "arn:aws:s3:::logs/a"));
        f.run("edit(policy('ReadLogs')) { defaultVersion 'v1' }");
        assertEquals(false, aliceMay("s3:DeleteObject", "arn:aws:s3:::logs/a"));
        assertTrue(aliceMay("s3:GetObject", "arn:aws:s3:::logs/a"));
    }

    @Test
    void anEditCannotBothWriteAVersionAndChooseTheDefault() {
        ScriptFailure e = assertThrows(ScriptFailure.class,
                () -> f.run("edit(policy('ReadLogs')) { defaultVersion 'v1'\n allow 's3:*' on '*' }"));
        assertTrue(e.problem().contains("do one of them per edit"), e.problem());
        assertEquals(List.of("v1"), readLogs().versionIds());
    }

    @Test
    void aSixthVersionIsRefusedWithTheVersionToDelete() {
        for (int i = 0; i < 4; i++) {
            f.run("edit(policy('ReadLogs')) { allow 's3:GetObject' on 'arn:aws:s3:::logs/" + i + "/*' }");
        }
        ScriptFailure e = assertThrows(ScriptFailure.class,
                () -> f.run("edit(policy('ReadLogs')) { allow 's3:*' on '*' }"));
        assertTrue(e.problem().contains("5 versions"), e.problem());
        assertTrue(e.problem().contains("--version-id v1"), e.problem());
        f.run("edit(policy('ReadLogs')) { deleteVersion 'v1'\n allow 's3:*' on '*' }");
        assertEquals(List.of("v2", "v3", "v4", "v5", "v6"), readLogs().versionIds());
    }

    @Test
    void anAwsManagedPolicyCannotBeEditedAndTheErrorSaysHowToCopyIt() {
        ScriptFailure e = assertThrows(ScriptFailure.class,
                () -> f.run("edit(policy('ReadOnlyAccess')) { allow 's3:*' on '*' }"));
        assertTrue(e.problem().contains("only AWS changes"), e.problem());
        assertTrue(e.problem().contains("policy('MyReadOnlyAccess', policy('ReadOnlyAccess'))"), e.problem());
    }

    @Test
    void theAwsPolicyVersionCommandsCreateListRollBackAndDelete() throws Exception {
        f.run("""
                aws '''
                aws iam create-policy-version --policy-arn arn:aws:iam::111122223333:policy/ReadLogs \\
                    --policy-document '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:*", "Resource": "*"}]}' \\
                    --set-as-default
                aws iam list-policy-versions --policy-arn arn:aws:iam::111122223333:policy/ReadLogs
                aws iam set-default-policy-version --policy-arn arn:aws:iam::111122223333:policy/ReadLogs --version-id v1
                aws iam delete-policy-version --policy-arn arn:aws:iam::111122223333:policy/ReadLogs --version-id v2
                aws iam get-policy-version --policy-arn arn:aws:iam::111122223333:policy/ReadLogs --version-id v1
                '''
                """);
        List<JsonNode> out = f.shown.stream().filter(CliOutput.class::isInstance)
                .map(o -> read(((CliOutput) o).text())).toList();
        assertEquals("v2", out.get(0).at("/PolicyVersion/VersionId").asText());
        assertTrue(out.get(0).at("/PolicyVersion/IsDefaultVersion").asBoolean());
        JsonNode versions = out.get(1).get("Versions");
        assertEquals("v2", versions.get(0).get("VersionId").asText(), "newest first");
        assertEquals("v1", versions.get(1).get("VersionId").asText());
        assertTrue(out.get(2).at("/PolicyVersion/IsDefaultVersion").asBoolean(), out.get(2).toString());
        assertTrue(out.get(2).at("/PolicyVersion/Document").toString().contains("arn:aws:s3:::logs/*"));
        assertEquals(List.of("v1"), readLogs().versionIds());
    }

    @Test
    void theDefaultVersionCannotBeDeletedByTheCli() {
        ScriptFailure e = assertThrows(ScriptFailure.class, () -> f.run("aws 'aws iam delete-policy-version"
                + " --policy-arn arn:aws:iam::111122223333:policy/ReadLogs --version-id v1'"));
        assertTrue(e.problem().contains("(DeleteConflict)"), e.problem());
        assertTrue(e.problem().contains("Cannot delete the default version of a policy."), e.problem());
    }

    @Test
    void detachingAndAttachingAgainKeepsTheDefaultVersionInEffect() {
        f.run("edit(policy('ReadLogs')) { allow 's3:ListBucket' on 'arn:aws:s3:::logs' }");
        f.run("edit(user('alice')) { detach 'ReadLogs' }");
        assertEquals(false, aliceMay("s3:ListBucket", "arn:aws:s3:::logs"));
        f.run("edit(user('alice')) { attach 'ReadLogs' }");
        assertTrue(aliceMay("s3:ListBucket", "arn:aws:s3:::logs"));
        assertEquals(false, aliceMay("s3:GetObject", "arn:aws:s3:::logs/a"));
    }

    @Test
    void detachingAPolicyThatIsNotAttachedSaysWhatIs() {
        ScriptFailure e = assertThrows(ScriptFailure.class,
                () -> f.run("edit(user('alice')) { detach 'ReadOnlyAccess' }"));
        assertTrue(e.problem().contains("policy `ReadOnlyAccess` is not attached to user `alice`"), e.problem());
    }

    private static JsonNode read(String text) {
        try {
            return new ObjectMapper().readTree(text);
        } catch (Exception e) {
            throw new AssertionError(text, e);
        }
    }
}
