package org.iamlab.dsl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.iamlab.engine.world.Group;
import org.iamlab.engine.world.Role;
import org.iamlab.engine.world.User;
import org.junit.jupiter.api.Test;

/**
 * A lookup inside a policy's block names the world's object, whatever commands of the same name the blocks around
 * it have (Groovy's DELEGATE_FIRST reaches the enclosing blocks' delegates before the script).
 */
class PolicyBlockLookupTests {

    final LabFixture f = new LabFixture();

    @Test
    void roleInAFunctionsResourcePolicyIsTheWorldsRoleAndLeavesTheExecutionRoleAlone() {
        f.run("""
                account('111122223333') {
                    role('exec') { trustService 'lambda.amazonaws.com' }
                    role('caller') { trustAccount '111122223333' }
                    user('alice') { inline('Assume') { allow 'sts:AssumeRole' on role('caller') } }
                    function('fn', role: 'exec') {
                        policy { allow 'lambda:InvokeFunction' principal role('caller') }
                    }
                }
                """);
        assertEquals("exec", f.run("function('fn').executionRole().get().name()"));
        assertTrue(f.run("export(function('fn'))").toString()
                .contains("\"AWS\" : \"arn:aws:iam::111122223333:role/caller\""), f.run("export(function('fn'))")
                .toString());
        assertEquals(true, f.run("can assumeRole(user('alice'), role('caller')),"
                + " 'lambda:InvokeFunction', function('fn')"));
    }

    @Test
    void roleInAFunctionsResourcePolicyMayBeDefinedFurtherDown() {
        f.run("""
                account('111122223333') {
                    role('exec') { trustService 'lambda.amazonaws.com' }
                    function('fn', role: 'exec') {
                        policy { allow 'lambda:InvokeFunction' principal role('caller') }
                    }
                    role('caller') { trustAccount '111122223333' }
                }
                """);
        assertEquals("exec", f.run("function('fn').executionRole().get().name()"));
    }

    @Test
    void groupInAGroupsInlinePolicyIsTheGroupNotANestedGroup() {
        f.run("""
                group('devs') {
                    inline('Self') { allow 'iam:GetGroup' on group('devs') }
                }
                user('alice') { groups 'devs' }
                """);
        assertEquals(true, f.run("can user('alice'), 'iam:GetGroup', group('devs')"));
    }

    @Test
    void bucketInAPolicyInsideAnAccountBlockIsTheExistingBucketNotANewOne() {
        f.run("""
                account('111122223333') {
                    bucket 'logs'
                    user('alice') {
                        inline('Read') { allow 's3:ListBucket' on bucket('logs') }
                    }
                }
                """);
        assertEquals(true, f.run("can user('alice'), 's3:ListBucket', bucket('logs')"));
    }

    @Test
    void instanceProfileInAPolicyInsideAnAccountBlockIsNotCreated() {
        f.run("""
                account('111122223333') {
                    role('web') { trustService 'ec2.amazonaws.com' }
                    instanceProfile 'web', role: 'web'
                    user('alice') {
                        inline('Read') { allow 'iam:GetInstanceProfile' on instanceProfile('web') }
                    }
                }
                """);
        assertEquals(1, f.run("account('111122223333').instanceProfiles().size()"));
    }

    @Test
    void lookupsOutsidePolicyBlocksHaveTheirTypes() throws NoSuchMethodException {
        assertEquals(User.class, IamScript.class.getMethod("user", String.class).getReturnType());
        assertEquals(Role.class, IamScript.class.getMethod("role", String.class).getReturnType());
        assertEquals(User.class, Specs.AccountSpec.class.getMethod("user", String.class).getReturnType());
        assertEquals(Role.class, Specs.AccountSpec.class.getMethod("role", String.class).getReturnType());
        assertEquals(Group.class, Specs.AccountSpec.class.getMethod("group", String.class).getReturnType());
        assertEquals("alice", f.run("user('alice') { }; user('alice').name()"));
    }

    @Test
    void principalRoleInACommandChainWorks() {
        f.run("""
                role('reader') { trustAccount '123456789012' }
                bucket('logs') {
                    policy { allow 's3:GetObject' principal role('reader') on 'arn:aws:s3:::logs/*' }
                }
                """);
        assertTrue(f.run("export(bucket('logs'))").toString().contains("role/reader"));
    }

    @Test
    void aPrincipalThatIsNullSaysHowToNameOne() {
        ScriptFailure e = org.junit.jupiter.api.Assertions.assertThrows(ScriptFailure.class, () -> f.run("""
                def reader = null
                bucket('logs') {
                    policy { allow 's3:GetObject' principal reader on 'arn:aws:s3:::logs/*' }
                }
                """));
        assertEquals(3, e.line());
        assertTrue(e.problem().startsWith("`principal` got no value (null)"), e.problem());
    }

    @Test
    void accountInAControlPolicyInsideAnOuLooksTheAccountUpWithoutMovingIt() {
        f.run("""
                organization('999988887777') {
                    account '111122223333'
                    ou('Sandbox') {
                        scp('DenyOthers') {
                            deny '*' on '*' when StringNotEquals: ['aws:PrincipalAccount': account('111122223333').id()]
                        }
                    }
                }
                """);
        assertEquals(java.util.List.of("111122223333"), f.run("org.accounts()*.id() - '999988887777'"));
        assertEquals(false, f.run("org.orgPath(account('111122223333')).contains(org.ou('Sandbox').id())"));
    }
}
