package org.iamlab.engine.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.iamlab.engine.policy.ConditionOperator;
import org.iamlab.engine.policy.PolicyDocument;
import org.iamlab.engine.policy.PolicyKind;
import org.iamlab.engine.policy.QualifiedOperator.SetQualifier;
import org.iamlab.engine.policy.Statement;
import org.junit.jupiter.api.Test;

class PolicyParserTests {

    // IAM User Guide, "IAM user groups" and "AWS JSON policy elements: Principal": a group cannot be identified
    // as a principal; S3 refuses such a bucket policy with "Invalid principal in policy".
    @Test
    void anIamGroupCannotBeAPrincipalInAResourceOrTrustPolicy() {
        String policy = """
                {
                  "Version": "2012-10-17",
                  "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*",
                    "Principal": {"AWS": "arn:aws:iam::111122223333:group/testers"}}]
                }""";
        PolicyParseException e = assertThrows(PolicyParseException.class,
                () -> PolicyParser.parse(policy, PolicyKind.RESOURCE));
        assertEquals(4, e.line());
        assertEquals("Statement[0].Principal.AWS", e.path());
        assertTrue(e.hint().contains("users one by one") && e.hint().contains("role"), e.hint());
        assertThrows(PolicyParseException.class, () -> PolicyParser.parse(policy.replace("s3:GetObject",
                "sts:AssumeRole").replace("\"Resource\": \"*\",", ""), PolicyKind.TRUST));
    }

    @Test
    void anErrorInAPrettyPrintedPolicyNamesItsLineColumnAndPath() {
        String policy = """
                {
                  "Version": "2012-10-17",
                  "Statement": [
                    {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"},
                    {"Effect": "Allow", "Action": "s3:PutObject", "Resource": "*",
                     "Condition": {"StringEqualz": {"aws:username": "alice"}}}
                  ]
                }""";
        PolicyParseException e = assertThrows(PolicyParseException.class,
                () -> PolicyParser.parse(policy, PolicyKind.IDENTITY));
        assertEquals(6, e.line());
        assertEquals(20, e.column(), "the column of the operator name");
        assertEquals("Statement[1].Condition.StringEqualz", e.path());
        assertEquals("did you mean `StringEquals`?", e.hint());
    }

    @Test
    void aLoneStatementMayBeWrittenAsAnObjectAndStaysSoWhenWritten() {
        String policy = "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Deny\",\"Action\":\"*\",\"Resource\":\"*\"}}";
        PolicyDocument document = PolicyParser.parse(policy, PolicyKind.IDENTITY);
        assertTrue(document.statementWrittenAsObject());
        assertEquals(policy, PolicyWriter.write(document));
    }

    @Test
    void theVersionMayFollowTheStatementAndStillEnablesVariables() {
        String policy = "{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:*\","
                + "\"Resource\":\"arn:aws:s3:::home/${aws:username}/*\"}],\"Version\":\"2012-10-17\"}";
        assertTrue(PolicyParser.parse(policy, PolicyKind.IDENTITY).variablesEnabled());
    }

    // "IAM policy elements: Version": without 2012-10-17, `${...}` is literal text; Access Analyzer flags it.
    @Test
    void aPolicyVariableWithoutVersion2012IsLiteralTextWithAWarning() {
        String policy = "{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:*\","
                + "\"Resource\":\"arn:aws:s3:::home/${aws:username}/*\"}]}";
        PolicyParser.Parsed parsed = PolicyParser.read(policy, PolicyKind.IDENTITY);
        assertFalse(parsed.document().variablesEnabled());
        assertEquals(1, parsed.warnings().size());
        assertEquals("Statement[0].Resource", parsed.warnings().get(0).path());
        assertTrue(parsed.warnings().get(0).hint().contains("\"Version\": \"2012-10-17\""),
                parsed.warnings().get(0).hint());
    }

    @Test
    void anActionAwsDoesNotHaveIsAWarningAtItsPlaceWithTheClosestAction() {
        String policy = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\n"
                + "\"Action\":[\"s3:GetObject\",\"s3:GetObjects\"],\"Resource\":\"*\"}]}";
        PolicyParser.Parsed parsed = PolicyParser.read(policy, PolicyKind.IDENTITY);
        assertEquals(List.of("line 2, column 10: at Statement[0].Action[1]: `s3:GetObjects` is not an action of s3;"
                + " did you mean `s3:GetObject`?"), parsed.warnings().stream().map(PolicyWarning::message).toList());
    }

    // "IAM JSON policy elements: Principal": a resource-based policy must name its principal.
    @Test
    void aResourceBasedStatementWithoutPrincipalIsAnError() {
        String policy = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                + "\"Action\":\"s3:GetObject\",\"Resource\":\"*\"}]}";
        PolicyParseException e = assertThrows(PolicyParseException.class,
                () -> PolicyParser.parse(policy, PolicyKind.RESOURCE));
        assertTrue(e.problem().equals("the statement has no Principal or NotPrincipal"), e.getMessage());
    }

    // "IAM roles" / CreateRole: a role trust policy is the role's resource-based policy; the role is its resource,
    // so IAM refuses a Resource element there (MalformedPolicyDocument: "Has prohibited field Resource").
    @Test
    void aRoleTrustPolicyHasNoResourceElement() {
        String policy = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\n"
                + "\"Principal\":{\"AWS\":\"arn:aws:iam::111122223333:root\"},\"Action\":\"sts:AssumeRole\",\n"
                + "\"Resource\":\"arn:aws:iam::111122223333:role/r\"}]}";
        PolicyParseException e = assertThrows(PolicyParseException.class,
                () -> PolicyParser.parse(policy, PolicyKind.TRUST));
        assertEquals("a role trust policy has no Resource: the role itself is the resource", e.problem());
        assertTrue(e.getMessage().startsWith("line 3, column 12: at Statement[0].Resource: "), e.getMessage());
        assertTrue(e.getMessage().contains("say who may assume the role in \"Principal\""), e.getMessage());
        PolicyParser.parse(policy, PolicyKind.RESOURCE);
    }

    // the same pages: a trust policy says who may assume the role (MalformedPolicyDocument: "Missing required
    // field Principal")
    @Test
    void aRoleTrustStatementWithoutPrincipalIsAnError() {
        String policy = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                + "\"Action\":\"sts:AssumeRole\"}]}";
        PolicyParseException e = assertThrows(PolicyParseException.class,
                () -> PolicyParser.parse(policy, PolicyKind.TRUST));
        assertEquals("the statement has no Principal or NotPrincipal", e.problem());
        assertTrue(e.getMessage().contains("a role trust policy says whom it applies to"), e.getMessage());
    }

    @Test
    void conditionOperatorsAreReadWithTheirSetQualifierAndIfExists() {
        String policy = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:*\","
                + "\"Resource\":\"*\",\"Condition\":{\"ForAnyValue:StringLikeIfExists\":{\"aws:TagKeys\":[\"a*\"]},"
                + "\"Bool\":{\"aws:SecureTransport\":true}}}]}";
        Statement s = PolicyParser.parse(policy, PolicyKind.IDENTITY).statements().get(0);
        assertEquals(SetQualifier.FOR_ANY_VALUE, s.conditions().get(0).operator().qualifier());
        assertEquals(ConditionOperator.STRING_LIKE, s.conditions().get(0).operator().base());
        assertTrue(s.conditions().get(0).operator().ifExists());
        assertEquals("true", s.conditions().get(1).values().values().get(0), "booleans are read as their text");
    }

    @Test
    void aTrustPolicyStatementNeedsNoResource() {
        String trust = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                + "\"Principal\":{\"Service\":\"lambda.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}";
        assertNull(PolicyParser.parse(trust, PolicyKind.TRUST).statements().get(0).resource());
        assertThrows(PolicyParseException.class, () -> PolicyParser.parse(trust, PolicyKind.IDENTITY));
    }

    @Test
    void trailingContentAfterThePolicyIsAnError() {
        PolicyParseException e = assertThrows(PolicyParseException.class, () -> PolicyParser.parse(
                "{\"Statement\":[]} {}", PolicyKind.IDENTITY));
        assertTrue(e.getMessage().contains("unexpected content after the policy"), e.getMessage());
    }

    @Test
    void hintsOnlySuggestNamesThatAreCloseEnough() {
        assertEquals("did you mean `Allow`?", Hints.didYouMean("allow", java.util.List.of("Allow", "Deny")));
        assertNull(Hints.didYouMean("Permit", java.util.List.of("Allow", "Deny")));
        assertFalse(Hints.closest("", java.util.List.of("Statement")).isPresent());
    }
}
