package org.iamlab.dsl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * IAM User Guide, "Grant a user permissions to pass a role to an AWS service": launching an instance with a
 * profile, or creating a function with an execution role, needs iam:PassRole on the role, with
 * iam:PassedToService naming the service. The default administrator (the account's root user) may pass any.
 */
class PassRoleTests {

    final LabFixture f = new LabFixture();

    @BeforeEach
    void world() {
        f.run("""
                account('123456789012') {
                    role('web') { trustService 'ec2.amazonaws.com' }
                    role('fn-exec') { trustService 'lambda.amazonaws.com' }
                    instanceProfile 'web', role: 'web'
                    user('launcher') {
                        inline('Launch') {
                            allow 'ec2:RunInstances' on '*'
                            allow 'iam:PassRole' on role('web') when StringEquals: ['iam:PassedToService': 'ec2.amazonaws.com']
                            allow 'iam:PassRole' on role('fn-exec') when StringEquals: ['iam:PassedToService': 'ec2.amazonaws.com']
                        }
                    }
                    user('intern') { inline('Launch') { allow 'ec2:RunInstances' on '*' } }
                }
                """);
    }

    @Test
    void runInstancesWithAProfileNeedsPassRoleOnItsRole() {
        ScriptFailure e = assertThrows(ScriptFailure.class, () -> f.run("""
                actingAs(user('intern')) {
                    aws 'aws ec2 run-instances --image-id ami-0abcdef1234567890 --iam-instance-profile Name=web'
                }
                """));
        assertTrue(e.problem().startsWith("An error occurred (UnauthorizedOperation) when calling the RunInstances"
                + " operation: You are not authorized to perform this operation. User:"
                + " arn:aws:iam::123456789012:user/intern is not authorized to perform: iam:PassRole on resource:"
                + " arn:aws:iam::123456789012:role/web because no identity-based policy allows the iam:PassRole"
                + " action"), e.problem());
        assertTrue(e.problem().contains("iam:PassedToService `ec2.amazonaws.com`"), "the hint: " + e.problem());
        assertEquals(0, f.run("account('123456789012').instances().size()"), "nothing is launched");
    }

    @Test
    void runInstancesWithPassRoleForEc2LaunchesTheInstance() {
        f.run("""
                actingAs(user('launcher')) {
                    aws 'aws ec2 run-instances --image-id ami-0abcdef1234567890 --iam-instance-profile Name=web'
                }
                """);
        assertEquals("web", f.run("account('123456789012').instances()[0].profile().get().name()"));
    }

    @Test
    void associateIamInstanceProfileNeedsPassRoleToo() {
        f.run("aws 'aws ec2 run-instances --image-id ami-0abcdef1234567890'");
        String id = f.run("account('123456789012').instances()[0].id()").toString();
        ScriptFailure e = assertThrows(ScriptFailure.class, () -> f.run("actingAs(user('intern')) { aws 'aws ec2"
                + " associate-iam-instance-profile --instance-id " + id + " --iam-instance-profile Name=web' }"));
        assertTrue(e.problem().contains("(UnauthorizedOperation) when calling the AssociateIamInstanceProfile"
                + " operation") && e.problem().contains("iam:PassRole on resource: arn:aws:iam::123456789012:role/web"),
                e.problem());
    }

    @Test
    void theDefaultAdministratorMayPassAnyRole() {
        f.run("aws 'aws ec2 run-instances --image-id ami-0abcdef1234567890 --iam-instance-profile Name=web'");
        assertEquals(1, f.run("account('123456789012').instances().size()"));
    }

    @Test
    void aFunctionCreatedActingAsACallerNeedsPassRoleForLambda() {
        ScriptFailure e = assertThrows(ScriptFailure.class, () -> f.run("""
                actingAs(user('launcher')) {
                    account('123456789012') { function 'orders', role: 'fn-exec' }
                }
                """));
        assertEquals(2, e.line());
        assertTrue(e.problem().startsWith("`arn:aws:iam::123456789012:user/launcher` may not pass role `fn-exec` to"
                + " lambda.amazonaws.com: iam:PassRole on it is not allowed"), e.problem());
    }

    @Test
    void anInstanceCreatedActingAsACallerNeedsPassRoleForEc2() {
        assertThrows(ScriptFailure.class, () -> f.run("""
                actingAs(user('intern')) {
                    account('123456789012') { instance 'i-0abc1234def567890', profile: 'web' }
                }
                """));
        f.run("""
                actingAs(user('launcher')) {
                    account('123456789012') { instance 'i-0abc1234def567891', profile: 'web' }
                }
                """);
        assertEquals("web", f.run("instance('i-0abc1234def567891').profile().get().name()"));
    }
}
