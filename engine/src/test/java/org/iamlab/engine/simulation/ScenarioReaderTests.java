package org.iamlab.engine.simulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.iamlab.engine.parse.PolicyParseException;
import org.iamlab.engine.policy.PolicyKind;
import org.junit.jupiter.api.Test;

class ScenarioReaderTests {

    private static final String REQUEST = "\"request\": {\"principal\": \"arn:aws:iam::111122223333:user/alice\","
            + " \"action\": \"s3:GetObject\", \"resource\": \"arn:aws:s3:::b/k\"}";
    private static final String POLICY = "{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\","
            + " \"Action\": \"s3:GetObject\", \"Resource\": \"*\"}]}";

    private final ScenarioReader reader = new ScenarioReader();

    @Test
    void aMalformedLineIsReportedAtItsLineAndColumn() {
        String line = "{\"id\": \"x\", " + REQUEST + ", \"identityPolicies\": [";
        PolicyParseException e = assertThrows(PolicyParseException.class, () -> reader.read(line, 7));
        assertEquals(7, e.line());
        assertTrue(e.getMessage().startsWith("line 7, column "), e.getMessage());
        assertTrue(e.getMessage().contains("malformed JSON"), e.getMessage());
    }

    @Test
    void anErrorAfterOtherThanAsciiTextInAPolicyIsAtItsCharacterColumn() {
        // Policies are read from the line's bytes; the column still counts characters, as it did from text.
        String bad = POLICY.replace("\"Effect\": \"Allow\"", "\"Sid\": \"Lecture-été-ü\", \"Effect\": \"Alow\"");
        String line = "{\"id\": \"x\", " + REQUEST + ", \"identityPolicies\": [{\"name\": \"P\", \"policy\": " + bad
                + "}]}";
        PolicyParseException e = assertThrows(PolicyParseException.class, () -> reader.read(line, 3));
        assertEquals(line.indexOf("\"Alow\"") + 1, e.column(), "column of the bad value, 1-based, in characters");
        assertEquals("identityPolicies[0].policy.Statement[0].Effect", e.path());
    }

    @Test
    void anErrorInsideAnEmbeddedPolicyPointsIntoTheFileWithTheFullPath() {
        String bad = POLICY.replace("\"Allow\"", "\"Alow\"");
        String line = "{\"id\": \"x\", " + REQUEST + ", \"identityPolicies\": [{\"name\": \"P\", \"policy\": " + bad
                + "}]}";
        PolicyParseException e = assertThrows(PolicyParseException.class, () -> reader.read(line, 3));
        assertEquals(3, e.line());
        assertEquals(line.indexOf("\"Alow\"") + 1, e.column(), "column of the bad value, 1-based");
        assertEquals("identityPolicies[0].policy.Statement[0].Effect", e.path());
        assertEquals("did you mean `Allow`?", e.hint());
    }

    @Test
    void anUnknownFieldIsReportedWhereItsNameStands() {
        String line = "{" + REQUEST + ", \"identityPolicy\": []}";
        PolicyParseException e = assertThrows(PolicyParseException.class, () -> reader.read(line, 1));
        assertEquals(line.indexOf("\"identityPolicy\"") + 1, e.column());
        assertEquals("did you mean `identityPolicies`?", e.hint());
    }

    @Test
    void aScenarioFieldWrittenTwiceIsAnError() {
        String line = "{" + REQUEST + ", " + REQUEST + "}";
        PolicyParseException e = assertThrows(PolicyParseException.class, () -> reader.read(line, 1));
        assertEquals("`request` is written twice in the scenario", e.problem());
    }

    @Test
    void aPolicyKeyWrittenTwiceIsAnErrorInsideThePolicy() {
        String twice = POLICY.replace("\"Resource\": \"*\"", "\"Resource\": \"*\", \"Resource\": \"*\"");
        String line = "{" + REQUEST + ", \"identityPolicies\": [{\"name\": \"P\", \"policy\": " + twice + "}]}";
        PolicyParseException e = assertThrows(PolicyParseException.class, () -> reader.read(line, 1));
        assertEquals("`Resource` is written twice in one object", e.problem());
        assertTrue(e.path().startsWith("identityPolicies[0].policy"), e.path());
    }

    @Test
    void theIdOfABrokenScenarioIsStillFoundWhenItComesFirst() {
        assertEquals("abc", ScenarioReader.idOf("{\"id\": \"abc\", \"request\": {"));
        assertEquals(42L, ScenarioReader.idOf("{\"id\": 42, \"request\": {"));
        assertNull(ScenarioReader.idOf("not json"));
    }

    @Test
    void aResourcePolicyOnARoleAssumptionIsReadAsTheRolesTrustPolicy() {
        String line = "{\"request\": {\"principal\": \"lambda.amazonaws.com\", \"action\": \"sts:AssumeRole\","
                + " \"resource\": \"arn:aws:iam::111122223333:role/fn\"}, \"resourcePolicy\": {\"Version\":"
                + " \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\", \"Principal\": {\"Service\":"
                + " \"lambda.amazonaws.com\"}, \"Action\": \"sts:AssumeRole\"}]}}";
        Scenario s = reader.read(line, 1);
        assertEquals(PolicyKind.TRUST, s.request().resourcePolicy().ref().kind());
    }

    @Test
    void theSamePolicyTextIsCompiledOnce() {
        String line = "{" + REQUEST + ", \"identityPolicies\": [{\"name\": \"A\", \"policy\": " + POLICY
                + "}, {\"name\": \"B\", \"policy\": " + POLICY + "}]}";
        Scenario s = reader.read(line, 1);
        assertSame(s.request().identityPolicies().get(0).policy(), s.request().identityPolicies().get(1).policy());
        assertEquals("B", s.request().identityPolicies().get(1).ref().name());
    }

    @Test
    void aSessionTagOnARoleIsReadAgainstTheRolesTrustPolicy() {
        String line = "{\"request\": {\"principal\": \"arn:aws:iam::111122223333:user/alice\", \"action\":"
                + " \"sts:TagSession\", \"resource\": \"arn:aws:iam::111122223333:role/ci\"}, \"resourcePolicy\":"
                + " {\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\", \"Principal\": {\"AWS\":"
                + " \"arn:aws:iam::111122223333:user/alice\"}, \"Action\": \"sts:TagSession\"}]}}";
        assertEquals(PolicyKind.TRUST, reader.read(line, 1).request().resourcePolicy().ref().kind());
    }

    @Test
    void theManagementAccountAndAnAwsManagedKeyAreRead() {
        String line = "{\"request\": {\"principal\": \"arn:aws:iam::111122223333:user/alice\", \"action\":"
                + " \"kms:Decrypt\", \"resource\": \"arn:aws:kms:us-east-1:111122223333:key/k-1\", \"keyManager\":"
                + " \"AWS\"}, \"managementAccount\": \"999988887777\", \"expectTrace\": \"words\"}";
        Scenario s = reader.read(line, 1);
        assertEquals("999988887777", s.request().managementAccount());
        assertTrue(s.request().awsManagedKey());
        assertFalse(reader.read("{" + REQUEST + "}", 1).request().awsManagedKey());
    }

    @Test
    void aKeyManagerOtherThanAwsOrCustomerIsAnErrorWithAHint() {
        String line = "{\"request\": {\"principal\": \"arn:aws:iam::111122223333:user/alice\", \"action\":"
                + " \"kms:Decrypt\", \"resource\": \"arn:aws:kms:us-east-1:111122223333:key/k-1\", \"keyManager\":"
                + " \"CUSTOMR\"}}";
        PolicyParseException e = assertThrows(PolicyParseException.class, () -> reader.read(line, 1));
        assertEquals("`CUSTOMR` is not a key manager", e.problem());
        assertEquals("did you mean `CUSTOMER`?", e.hint());
        assertEquals("request.keyManager", e.path());
    }

    @Test
    void aKeyManagerOnAResourceThatIsNoKmsKeyIsAnError() {
        String line = "{\"request\": {\"principal\": \"arn:aws:iam::111122223333:user/alice\", \"action\":"
                + " \"s3:GetObject\", \"keyManager\": \"AWS\", \"resource\": \"arn:aws:s3:::b/k\"}}";
        PolicyParseException e = assertThrows(PolicyParseException.class, () -> reader.read(line, 1));
        assertEquals("keyManager describes a KMS key, and `arn:aws:s3:::b/k` is not one", e.problem());
        assertEquals(line.indexOf("\"AWS\"") + 1, e.column());
    }

    @Test
    void aManagementAccountThatIsNotTwelveDigitsIsAnError() {
        PolicyParseException e = assertThrows(PolicyParseException.class,
                () -> reader.read("{" + REQUEST + ", \"managementAccount\": \"1111-2222-3333\"}", 1));
        assertEquals("`1111-2222-3333` is not an account ID", e.problem());
        assertEquals("managementAccount", e.path());
    }

    @Test
    void aMissingOrganizationMeansNoControlPolicyLevels() {
        Scenario s = reader.read("{" + REQUEST + "}", 1);
        assertNull(s.request().serviceControlPolicies());
        assertNull(s.request().resourceControlPolicies());
    }
}
