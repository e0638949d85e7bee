package org.iamlab.engine.authz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Which requests a role's trust policy decides (IAM User Guide, "Roles terms and concepts" for
 * {@code sts:AssumeRole*}; "Passing session tags in AWS STS" for {@code sts:TagSession}; "Monitor and control
 * actions taken with assumed roles" for {@code sts:SetSourceIdentity}).
 */
class RoleTrustTests {

    private static final String ROLE = "arn:aws:iam::111122223333:role/ci/deploy";

    @ParameterizedTest
    @ValueSource(strings = {"sts:AssumeRole", "sts:AssumeRoleWithWebIdentity", "sts:AssumeRoleWithSAML",
            "sts:TagSession", "sts:SetSourceIdentity", "sts:SetContext", "STS:tagsession"})
    void everyStsActionThatComesWithAnAssumptionNeedsTheRolesTrustPolicy(String action) {
        assertTrue(RoleTrust.needsTrustPolicy(action, ROLE));
    }

    @ParameterizedTest
    @ValueSource(strings = {"sts:GetCallerIdentity", "sts:AssumeRoot", "iam:PassRole", "iam:GetRole"})
    void otherActionsOnARoleDoNot(String action) {
        assertFalse(RoleTrust.needsTrustPolicy(action, ROLE));
    }

    @ParameterizedTest
    @ValueSource(strings = {"arn:aws:iam::111122223333:user/alice", "arn:aws:s3:::role/x", "*",
            "arn:aws:sts::111122223333:assumed-role/deploy/s1"})
    void anStsActionOnSomethingOtherThanARoleDoesNot(String resource) {
        assertFalse(RoleTrust.needsTrustPolicy("sts:TagSession", resource));
    }

    @Test
    void sessionOptionsAreTheActionsBesideTheAssumption() {
        assertTrue(RoleTrust.isSessionOption("sts:TagSession"));
        assertTrue(RoleTrust.isSessionOption("sts:SetContext"));
        assertFalse(RoleTrust.isSessionOption("sts:AssumeRoleWithSAML"));
        assertFalse(RoleTrust.isSessionOption("s3:GetObject"));
    }

    @Test
    void theRuleSaysWhatTheTrustPolicyMustAllow() {
        assertEquals("a role's trust policy must allow sts:TagSession to pass session tags",
                RoleTrust.rule("sts:TagSession"));
        assertEquals("a role's trust policy must allow the principal to assume it", RoleTrust.rule("sts:AssumeRole"));
    }
}
