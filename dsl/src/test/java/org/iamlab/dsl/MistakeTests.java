package org.iamlab.dsl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Mistakes get the script's line, what is wrong, and a suggestion where there is one. */
class MistakeTests {

    final LabFixture f = new LabFixture();

    ScriptFailure fail(String script) {
        return assertThrows(ScriptFailure.class, () -> f.run(script));
    }

    @Test
    void anUnknownUserSuggestsTheClosestName() {
        ScriptFailure e = fail("""
                account('111122223333') { user 'alice' }
                explain user('alise'), 's3:GetObject', '*'
                """);
        assertEquals("line 2: no user `alise` in the world; did you mean `alice`?", e.getMessage());
    }

    @Test
    void aMisspelledActionSuggestsTheRealOne() {
        ScriptFailure e = fail("""
                account('111122223333') { user 'alice' }
                explain user('alice'), 's3:GetObjet', 'arn:aws:s3:::logs/a.txt'
                """);
        assertEquals("line 2: `s3:GetObjet` is not an action of s3; did you mean `s3:GetObject`?", e.getMessage());
    }

    @Test
    void anUnknownGroupInAUserBlockIsReportedAtItsLine() {
        ScriptFailure e = fail("""
                account('111122223333') {
                    group 'developers'
                    user('alice') {
                        groups 'develoeprs'
                    }
                }
                """);
        assertEquals(4, e.line());
        assertEquals("no group `develoeprs` in account 111122223333; did you mean `developers`?", e.problem());
    }

    @Test
    void anUnknownPolicyNameSuggestsAnAwsManagedOne() {
        ScriptFailure e = fail("""
                account('111122223333') {
                    user('alice') { attach 'ReadOnlyAcess' }
                }
                """);
        assertEquals(2, e.line());
        assertEquals("no managed policy `ReadOnlyAcess` in account 111122223333 or among the AWS managed policies;"
                + " did you mean `ReadOnlyAccess`?", e.problem());
    }

    @Test
    void aDuplicateNameIsRefused() {
        ScriptFailure e = fail("""
                account('111122223333') {
                    role('app') { trustService 'ec2.amazonaws.com' }
                    role('App') { trustService 'ec2.amazonaws.com' }
                }
                """);
        assertEquals(3, e.line());
        assertEquals("duplicate role `App` in account 111122223333; each role name can be used once; pick another"
                + " name or change the existing one", e.problem());
    }

    @Test
    void anInvalidAccountIdSaysWhatAnIdLooksLike() {
        ScriptFailure e = fail("account('1234-5678-9012') { user 'alice' }");
        assertEquals(1, e.line());
        assertEquals("`1234-5678-9012` is not an AWS account ID; an account ID is exactly 12 digits, such as"
                + " `111122223333`", e.problem());
    }

    @Test
    void aMalformedArnIsNamed() {
        ScriptFailure e = fail("""
                account('111122223333') { user 'alice' }

                explain 'arn:aws:iam:111122223333:user/alice', 's3:GetObject', '*'
                """);
        assertEquals(3, e.line());
        assertEquals("`arn:aws:iam:111122223333:user/alice` is not an ARN", e.problem());
    }

    @Test
    void aRoleWithoutATrustPolicyExplainsWhatIsMissing() {
        ScriptFailure e = fail("""
                account('111122223333') {
                    role('lonely') {
                        attach 'ReadOnlyAccess'
                    }
                }
                """);
        assertEquals(2, e.line());
        assertEquals("role `lonely` has no trust policy; say who may assume it, e.g. trustService"
                + " 'ec2.amazonaws.com', trustAccount '111122223333' or trust { ... }", e.problem());
    }

    @Test
    void aGroovySyntaxErrorHasItsLineAndColumn() {
        ScriptFailure e = fail("""
                account('111122223333') { user 'alice' }
                def limit = = 3
                """);
        assertEquals(2, e.line());
        assertEquals(true, e.problem().startsWith("column 13: syntax error: "), e.problem());
    }

    @Test
    void aMisspelledCommandSuggestsTheRealOne() {
        ScriptFailure e = fail("""
                account('111122223333') {
                    user('alice') {
                        atach 'ReadOnlyAccess'
                    }
                }
                """);
        assertEquals(3, e.line());
        assertEquals("`atach` is not a command here; did you mean `attach`?", e.problem());
    }

    @Test
    void aPolicyMistakeIsLocatedInsideThePolicy() {
        ScriptFailure e = fail("""
                account('111122223333') {
                    user('alice') {
                        inline('Bad') {
                            allow 's3:GetObject' on '*' when StringEqualz: ['aws:username': 'alice']
                        }
                    }
                }
                """);
        assertEquals(3, e.line());
        assertEquals(true, e.problem().startsWith("in identity-based policy `Bad`: line "), e.problem());
        assertEquals(true, e.problem().contains("did you mean `StringEquals`?"), e.problem());
    }

    @Test
    void anUndefinedVariableSuggestsAKnownName() {
        f.run("deployers = 3");
        ScriptFailure e = fail("println deployer");
        assertEquals("`deployer` is not defined; did you mean `deployers`?", e.problem());
    }

    @Test
    void aMisspelledNamedArgumentIsAnErrorNamingTheRealKey() {
        ScriptFailure e = fail("""
                account('111122223333') {
                    role('vendor') {
                        trustAccount '444455556666', externalID: 'x'
                    }
                }
                """);
        assertEquals("line 3: `externalID:` is not a named argument of `trustAccount`; did you mean `externalId:`?",
                e.getMessage());
    }

    @Test
    void everyCommandWithNamedArgumentsChecksItsKeys() {
        assertEquals("line 1: `pth:` is not a named argument of `user`; did you mean `path:`?",
                fail("user('alice', pth: '/eng/') { }").getMessage());
        f.run("""
                account('111122223333') {
                    role('r') { trustAccount '111122223333' }
                    user 'alice'
                }
                """);
        assertEquals("line 1: `sesionName:` is not a named argument of `assumeRole`; did you mean `sessionName:`?",
                fail("assumeRole user('alice'), role('r'), sesionName: 'a'").getMessage());
        assertEquals("line 1: `duraton:` is not a named argument of `assumeRole`; did you mean `duration:`?",
                fail("assumeRole user('alice'), role('r'), duraton: '1h'").getMessage());
        assertEquals("line 1: `colour:` is not a named argument of `bucket`; it takes `region:`",
                fail("bucket 'paint', colour: 'red'").getMessage());
    }

    @Test
    void anUnclosedBlockNamesTheLineItOpenedOnGuessedFromIndentation() {
        ScriptFailure e = fail("""
                account('111122223333') {
                    user('alice') {
                        attach 'ReadOnlyAccess'

                }
                explain user('alice'), 's3:GetObject', '*'
                """);
        assertEquals("line 2: the block of `user` opened on this line is never closed; add its `}`", e.getMessage());
    }

    @Test
    void anUnclosedBlockAtTheEndNamesItsOwnLineAndNeverEchoesTheScript() {
        ScriptFailure e = fail("""
                user 'bob'
                account('111122223333') {
                    user 'alice'
                """);
        assertEquals("line 2: the block of `account` opened on this line is never closed; add its `}`",
                e.getMessage());
    }

    @Test
    void aStatementOutsideAPolicySaysWhereItGoes() {
        ScriptFailure e = fail("""
                account('111122223333') {
                    allow 's3:GetObject' on '*'
                }
                """);
        assertEquals("line 2: `allow` goes inside `inline('Name') { }` or `policy('Name') { }`", e.getMessage());
    }

    @Test
    void aRoleCommandInAUserBlockSaysItBelongsToARole() {
        assertEquals("line 1: `trustService` goes inside `role('name') { }`",
                fail("account('111122223333') { user('alice') { trustService 'ec2.amazonaws.com' } }").getMessage());
    }

    @Test
    void aQuestionWithTooFewArgumentsSaysWhatItTakes() {
        ScriptFailure e = fail("""
                account('111122223333') { user 'alice' }
                explain user('alice'), 's3:GetObject'
                """);
        assertEquals("line 2: `explain` takes who, action and resource (and optionally a map of context values)",
                e.getMessage());
    }

    @Test
    void aPolicyVariableInDoubleQuotesExplainsGroovysInterpolation() {
        ScriptFailure e = fail("""
                account('111122223333') {
                    user('alice') {
                        inline('Home') { allow 's3:*' on "arn:aws:s3:::home/${aws:username}/*" }
                    }
                }
                """);
        assertEquals("line 3: `\"arn:aws:s3:::home/${aws:username}/*\"` is in double quotes, where Groovy reads"
                + " `${...}` as its own interpolation, not as an IAM policy variable; write it in single quotes:"
                + " `'arn:aws:s3:::home/${aws:username}/*'`", e.getMessage());
    }

    @Test
    void aSuggestionIsNeverWhatWasTyped() {
        ScriptFailure e = fail("println aws");
        assertEquals("line 1: `aws` is a command, not a value: call it with its arguments", e.getMessage());
    }
}
