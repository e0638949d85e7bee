package org.iamlab.dsl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.iamlab.engine.trace.Decision;
import org.iamlab.engine.trace.Step;
import org.iamlab.engine.world.Answer;
import org.iamlab.engine.world.Session;
import org.iamlab.engine.world.WhoCan;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The scenarios the course teaches, each built through the DSL and checked against the documented outcome. */
class ScenarioTests {

    final LabFixture f = new LabFixture();

    Answer answer(String script) {
        return (Answer) f.run(script);
    }

    @Nested
    class UsersAndAccessKeys {

        @Test
        void aUserHasAtMostTwoAccessKeysAndTheSecretIsShownOnce() {
            Object keys = f.run("""
                    account('111122223333') {
                        user('alice') {
                            accessKey()
                            accessKey(status: 'Inactive')
                        }
                    }
                    user('alice').accessKeys()*.status()*.name()
                    """);
            assertEquals(List.of("Active", "Inactive"), keys);
            ScriptFailure e = assertThrows(ScriptFailure.class, () -> f.run("""
                    account('111122223333') {
                        user('bob') {
                            accessKey()
                            accessKey()
                            accessKey()
                        }
                    }
                    """));
            assertEquals(5, e.line());
            assertTrue(e.getMessage().contains("already has 2 access keys"), e.getMessage());
        }
    }

    @Nested
    class NamedArguments {

        @Test
        void everyDocumentedNamedArgumentIsTaken() {
            f.run("""
                    bucket 'eu-logs', region: 'eu-west-1'
                    account('111122223333', alias: 'dev') {
                        user('alice', path: '/engineering/') { accessKey(status: 'Inactive') }
                        group('devs', path: '/teams/') { members 'alice' }
                        role('app', path: '/apps/') { trustService 'lambda.amazonaws.com' }
                        policy('P', path: '/policies/', description: 'd') { allow 's3:GetObject' on '*' }
                        queue 'jobs', region: 'eu-west-1'
                        topic 'news', region: 'eu-west-1'
                        table 'orders', region: 'eu-west-1'
                        secret 'db', region: 'eu-west-1'
                        key 'data', region: 'eu-west-1'
                        api 'orders-api', region: 'eu-west-1'
                        function 'fn', role: 'app', region: 'eu-west-1'
                        instanceProfile 'web', role: 'app', path: '/'
                        instance 'i-0abc1234def567890', profile: 'web', region: 'eu-west-1'
                        oidcProvider 'https://token.actions.githubusercontent.com', audiences: ['sts.amazonaws.com']
                        samlProvider 'Corp', issuer: 'https://idp.example.com'
                    }
                    """);
            assertEquals("arn:aws:s3:::eu-logs", f.run("bucket('eu-logs').arn()"));
            assertEquals("arn:aws:sqs:eu-west-1:111122223333:jobs", f.run("queue('jobs').arn()"));
            assertEquals("arn:aws:lambda:eu-west-1:111122223333:function:fn", f.run("function('fn').arn()"));
            assertEquals("arn:aws:iam::111122223333:group/teams/devs", f.run("group('devs').arn()"));
        }
    }

    @Nested
    class Groups {

        @Test
        void aGroupsPoliciesApplyToItsMembers() {
            Answer a = answer("""
                    account('111122223333') {
                        group('readers') {
                            attach 'AmazonS3ReadOnlyAccess'
                            members 'alice'
                        }
                        user 'alice'
                    }
                    explain 'alice', 's3:GetObject', 'arn:aws:s3:::reports/q1.csv'
                    """);
            assertEquals(Decision.ALLOWED, a.decision());
            assertTrue(a.text().contains("AmazonS3ReadOnlyAccess (group readers)"), a.text());
        }

        @Test
        void groupsCannotContainGroups() {
            ScriptFailure e = assertThrows(ScriptFailure.class, () -> f.run("""
                    account('111122223333') {
                        group('engineering') {
                            group('backend')
                        }
                    }
                    """));
            assertEquals(3, e.line());
            assertTrue(e.problem().contains("IAM groups contain users only, never groups"), e.problem());
        }
    }

    @Nested
    class ManagedCustomerAndInlinePolicies {

        @Test
        void anInlineDenyOverridesAnAwsManagedAllow() {
            f.run("""
                    account('111122223333') {
                        policy('ReadLogs') {
                            allow 's3:GetObject', 's3:ListBucket' on 'arn:aws:s3:::logs', 'arn:aws:s3:::logs/*'
                        }
                        user('alice') {
                            attach 'ReadOnlyAccess', 'ReadLogs'
                            inline('NoSecrets') {
                                deny 's3:GetObject' on 'arn:aws:s3:::logs/secret/*'
                            }
                        }
                    }
                    """);
            Answer secret = answer("explain user('alice'), 's3:GetObject', 'arn:aws:s3:::logs/secret/key.txt'");
            assertEquals(Decision.EXPLICITLY_DENIED, secret.decision());
            assertTrue(secret.text().startsWith("ExplicitlyDenied: statement #1 in identity-based policy NoSecrets"
                    + " (inline) denies it"), secret.text());
            assertEquals(true, f.run("can user('alice'), 's3:GetObject', 'arn:aws:s3:::logs/app.log'"));
            assertEquals(false, f.run("can user('alice'), 's3:PutObject', 'arn:aws:s3:::logs/app.log'"));
        }

        @Test
        void policiesCanBeMapsOrJsonText() {
            f.run("""
                    account('111122223333') {
                        user('alice') {
                            inline 'AsMap', [Version: '2012-10-17', Statement: [[Effect: 'Allow', Action: 'sqs:*', Resource: '*']]]
                            inline 'AsJson', '''{"Version": "2012-10-17",
                              "Statement": {"Effect": "Allow", "Action": "sns:Publish", "Resource": "*"}}'''
                        }
                    }
                    """);
            assertEquals(true, f.run("can 'alice', 'sqs:SendMessage', 'arn:aws:sqs:us-east-1:111122223333:q'"));
            assertEquals(true, f.run("can 'alice', 'sns:Publish', 'arn:aws:sns:us-east-1:111122223333:t'"));
        }
    }

    @Nested
    class RolesAndSessions {

        static final String WORLD = """
                account('111122223333') {
                    role('deployer') {
                        trustAccount '111122223333'
                        maxSessionDuration '2h'
                        inline('Deploy') { allow 'lambda:UpdateFunctionCode' on '*' }
                    }
                    user('alice') {
                        inline('AssumeDeployer') { allow 'sts:AssumeRole' on role('deployer') }
                    }
                    user 'bob'
                }
                """;

        @Test
        void aTrustPolicyMadeOfTrustCommandsIsExportedWithItsVersionFirstInEveryRun() {
            // The order was Map.of's, which changes from one JVM to the next: the course site's pages changed
            // between two builds of the same lessons. AWS writes Version first ("IAM JSON policy elements: Version").
            String trust = (String) f.run(WORLD + "export(role('deployer'))");
            assertTrue(trust.indexOf("\"Version\"") < trust.indexOf("\"Statement\""), trust);
            f.run("edit(role('deployer')) { trustService 'lambda.amazonaws.com' }");
            String edited = (String) f.run("export(role('deployer'))");
            assertTrue(edited.indexOf("\"Version\"") < edited.indexOf("\"Statement\""), edited);
        }

        @Test
        void aUserAllowedByBothSidesAssumesTheRoleAndActsAsTheSession() {
            f.run(WORLD);
            Session s = (Session) f.run("assumeRole user('alice'), role('deployer'), sessionName: 'alice-deploy',"
                    + " duration: '90m'");
            assertEquals("arn:aws:sts::111122223333:assumed-role/deployer/alice-deploy", s.arn());
            assertEquals(true, f.run("can '" + s.arn() + "', 'lambda:UpdateFunctionCode', '*'"));
        }

        @Test
        void aUserWithoutPermissionIsRefusedWithTheTrustDecisionsReason() {
            f.run(WORLD);
            ScriptFailure e = assertThrows(ScriptFailure.class, () -> f.run("\n\nassumeRole user('bob'), role('deployer')"));
            assertEquals(3, e.line());
            assertTrue(e.problem().contains("not allowed to sts:AssumeRole role `deployer`"), e.problem());
        }

        @Test
        void expiredCredentialsFailWithAClearMessageOnceTheClockMoves() {
            f.run(WORLD);
            f.run("s = assumeRole user('alice'), role('deployer'), duration: '15m'");
            assertEquals(true, f.run("can s, 'lambda:UpdateFunctionCode', '*'"));
            ScriptFailure e = assertThrows(ScriptFailure.class, () -> f.run("""
                    advanceClock '20m'
                    can s, 'lambda:UpdateFunctionCode', '*'
                    """));
            assertEquals(2, e.line());
            assertTrue(e.problem().contains("expired at 2026-01-05T09:15:00Z"), e.problem());
        }

        @Test
        void aDurationBeyondTheMaximumIsRefused() {
            f.run(WORLD);
            ScriptFailure e = assertThrows(ScriptFailure.class,
                    () -> f.run("assumeRole user('alice'), role('deployer'), duration: '3h'"));
            assertTrue(e.problem().contains("allows sessions of at most 2h, not 3h"), e.problem());
        }
    }

    @Nested
    class Ec2InstanceProfiles {

        @Test
        void softwareOnAnInstanceActsAsASessionOfTheProfilesRole() {
            f.run("""
                    account('111122223333') {
                        role('web') {
                            trustService 'ec2.amazonaws.com'
                            attach 'AmazonS3ReadOnlyAccess'
                        }
                        instanceProfile 'web', role: 'web'
                        instance 'i-0abc1234def567890', profile: 'web'
                    }
                    """);
            Answer a = answer("explain instance('i-0abc1234def567890'), 's3:GetObject', 'arn:aws:s3:::assets/logo.png'");
            assertEquals(Decision.ALLOWED, a.decision());
            assertEquals("arn:aws:sts::111122223333:assumed-role/web/i-0abc1234def567890",
                    a.trace().request().principal());
            assertEquals(List.of("arn:aws:ec2:us-east-1:111122223333:instance/i-0abc1234def567890"),
                    a.request().request().context().get("ec2:SourceInstanceARN"));
            assertEquals(true, f.run("can service('ec2.amazonaws.com'), 'sts:AssumeRole', role('web')"));
            assertEquals(false, f.run("can service('lambda.amazonaws.com'), 'sts:AssumeRole', role('web')"));
        }
    }

    @Nested
    class Warnings {

        List<String> warnings() {
            return f.shown.stream().filter(ScriptWarning.class::isInstance).map(Object::toString).toList();
        }

        @Test
        void anActionAwsDoesNotHaveIsAWarningOnItsLineAndInTheTrace() {
            f.run("""
                    account('111122223333') {
                        user('alice') {
                            inline('Read') {
                                allow 's3:ListBucket' on '*'
                                allow 's3:GetObjects' on '*'
                            }
                        }
                    }
                    """);
            assertEquals(List.of("line 5: warning: in identity-based policy `Read`: `s3:GetObjects` is not an action of"
                    + " s3; did you mean `s3:GetObject`?"), warnings());
            Answer a = answer("explain user('alice'), 's3:GetObject', 'arn:aws:s3:::b/k'");
            assertEquals(Decision.IMPLICITLY_DENIED, a.decision(), "AWS's decision: the statement never matches");
            assertEquals(List.of("identity-based policy `Read (inline)`: at Statement[1].Action: `s3:GetObjects` is not an action"
                    + " of s3; did you mean `s3:GetObject`?"), a.trace().warnings().stream()
                    .map(org.iamlab.engine.trace.PolicyFinding::message).toList());
        }

        // "Policy variables": without Version 2012-10-17, ${...} is literal text.
        @Test
        void aVariableUnderTheOldVersionIsLiteralTextWithAWarning() {
            f.run("""
                    account('111122223333') {
                        user('alice') {
                            inline 'Home', '{"Version": "2008-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:*", "Resource": "arn:aws:s3:::home/${aws:username}/*"}]}'
                        }
                    }
                    """);
            assertEquals(1, warnings().size());
            assertTrue(warnings().get(0).startsWith("line 3: warning: in identity-based policy `Home`: line 1, column"),
                    warnings().get(0));
            assertFalse((Boolean) f.run("can user('alice'), 's3:GetObject', 'arn:aws:s3:::home/alice/x'"));
            assertTrue((Boolean) f.run("can user('alice'), 's3:GetObject', 'arn:aws:s3:::home/${aws:username}/x'"));
        }

        @Test
        void aTrustedUserWhoDoesNotExistAndAResourceThatIsNoArnAreWarnings() {
            f.run("""
                    account('111122223333') {
                        user 'alice'
                        role('ops') { trustPrincipal 'arn:aws:iam::111122223333:user/bob' }
                    }
                    can user('alice'), 's3:GetObject', 'logs'
                    """);
            assertEquals(List.of("line 5: warning: `logs` is not an ARN, so only `*` in a policy matches it; name the"
                    + " resource by its ARN, e.g. `arn:aws:s3:::logs` or bucket('logs')",
                    "line 3: warning: role `ops` trusts `arn:aws:iam::111122223333:user/bob`, which does not exist in"
                    + " the world; AWS refuses a trust policy naming a user or role that does not exist"), warnings());
        }
    }

    @Nested
    class ForwardReferences {

        @Test
        void aRoleNamedInAPolicyAboveItsBlockResolvesLikeMembers() {
            f.run("""
                    user('alice') {
                        inline('Assume') { allow 'sts:AssumeRole' on role('deployer') }
                    }
                    role('deployer') { trustAccount '123456789012' }
                    account('123456789012') {
                        bucket('drop') { policy { allow 's3:PutObject' principal user('bob') } }
                        user 'bob'
                    }
                    """);
            assertEquals(true, f.run("can user('alice'), 'sts:AssumeRole', role('deployer')"));
            assertEquals(true, f.run("can user('bob'), 's3:PutObject', 'arn:aws:s3:::drop/x'"));
        }

        @Test
        void aForwardReferenceThatIsNeverDefinedFailsOnItsLine() {
            ScriptFailure e = assertThrows(ScriptFailure.class, () -> f.run("""
                    account('111122223333') {
                        role('deployer') { trustAccount '111122223333' }
                        user('alice') {
                            inline('Assume') { allow 'sts:AssumeRole' on role('deployr') }
                        }
                    }
                    """));
            assertEquals(4, e.line());
            assertTrue(e.problem().startsWith("no role `deployr`") && e.problem().endsWith("did you mean `deployer`?"),
                    e.problem());
        }
    }

    @Nested
    class ForgottenTrustPolicies {

        // "Use an IAM role to grant permissions to applications running on Amazon EC2 instances": the role's trust
        // policy must let ec2.amazonaws.com assume it, or the instance gets no credentials.
        @Test
        void anInstanceGetsItsRolesCredentialsOnlyWhenTheRoleTrustsEc2() {
            f.run("""
                    account('111122223333') {
                        role('web') {
                            trustService 'lambda.amazonaws.com'
                            attach 'AmazonS3ReadOnlyAccess'
                        }
                        instanceProfile 'web', role: 'web'
                        instance 'i-0abc1234def567890', profile: 'web'
                    }
                    """);
            ScriptFailure e = assertThrows(ScriptFailure.class, () -> f.run("""
                    explain instance('i-0abc1234def567890'), 's3:GetObject', 'arn:aws:s3:::assets/logo.png'
                    """));
            assertEquals("line 1: instance `i-0abc1234def567890` gets no credentials from role `web`: the role's trust"
                    + " policy does not let ec2.amazonaws.com assume it; add trustService 'ec2.amazonaws.com' to role"
                    + " `web`", e.getMessage());
        }

        // "Lambda execution role": CreateFunction answers "The role defined for the function cannot be assumed by
        // Lambda" for a role whose trust policy does not name lambda.amazonaws.com.
        @Test
        void aFunctionCannotBeCreatedWithARoleThatDoesNotTrustLambda() {
            ScriptFailure e = assertThrows(ScriptFailure.class, () -> f.run("""
                    account('111122223333') {
                        role('fn-role') { trustService 'ec2.amazonaws.com' }
                        function 'orders', role: 'fn-role'
                    }
                    """));
            assertEquals("line 3: function `orders` cannot use role `fn-role`: the role's trust policy does not let"
                    + " lambda.amazonaws.com assume it; add trustService 'lambda.amazonaws.com' to role `fn-role`",
                    e.getMessage());
        }
    }

    @Nested
    class LambdaAndApiGateway {

        static final String WORLD = """
                account('111122223333') {
                    def orders = api('orders')
                    table('orders')
                    role('orders-fn') {
                        trustService 'lambda.amazonaws.com'
                        inline('Table') {
                            allow 'dynamodb:GetItem', 'dynamodb:PutItem' on 'arn:aws:dynamodb:us-east-1:111122223333:table/orders'
                        }
                    }
                    function('orders-fn', role: 'orders-fn') {
                        policy {
                            allow 'lambda:InvokeFunction' principal service: 'apigateway.amazonaws.com' when ArnLike: ['aws:SourceArn': "${orders.arn}/*"]
                        }
                    }
                }
                """;

        @Test
        void theApiInvokesTheFunctionWhichWritesToTheTable() {
            f.run(WORLD);
            assertEquals(Decision.ALLOWED, answer("explain api('orders'), 'lambda:InvokeFunction',"
                    + " function('orders-fn')").decision());
            Answer put = answer("explain function('orders-fn'), 'dynamodb:PutItem', table('orders')");
            assertEquals(Decision.ALLOWED, put.decision());
            assertEquals(Decision.IMPLICITLY_DENIED, answer("explain function('orders-fn'), 'dynamodb:DeleteTable',"
                    + " table('orders')").decision());
        }

        @Test
        void anotherApiIsNotAllowedToInvokeTheFunction() {
            f.run(WORLD);
            f.run("account('111122223333') { api('admin') }");
            Answer a = answer("explain api('admin'), 'lambda:InvokeFunction', function('orders-fn')");
            assertEquals(Decision.IMPLICITLY_DENIED, a.decision());
            assertEquals(Step.RESOURCE_POLICY, a.trace().decidingStep());
        }

        @Test
        void lambdaMayAssumeTheExecutionRoleButEc2MayNot() {
            f.run(WORLD);
            assertEquals(true, f.run("can service('lambda.amazonaws.com'), 'sts:AssumeRole', role('orders-fn')"));
            assertEquals(false, f.run("can service('ec2.amazonaws.com'), 'sts:AssumeRole', role('orders-fn')"));
        }
    }

    @Nested
    class CrossAccountWithExternalId {

        static final String WORLD = """
                account('444455556666', alias: 'vendor') {
                    user('integration') {
                        inline('AssumeCustomerRole') { allow 'sts:AssumeRole' on 'arn:aws:iam::111122223333:role/VendorAudit' }
                    }
                }
                account('111122223333', alias: 'customer') {
                    role('VendorAudit') {
                        trustAccount '444455556666', externalId: 'Unique-1234'
                        attach 'SecurityAudit'
                    }
                }
                """;

        @Test
        void theRightExternalIdOpensTheRoleAndTheSessionActsInTheCustomersAccount() {
            f.run(WORLD);
            Session s = (Session) f.run("assumeRole user('integration'), role('VendorAudit'), externalId: 'Unique-1234'");
            assertEquals("111122223333", s.account().id());
            assertEquals(true, f.run("can '" + s.arn() + "', 'iam:GetAccountAuthorizationDetails', '*'"));
        }

        @Test
        void aMissingOrWrongExternalIdIsRefused() {
            f.run(WORLD);
            ScriptFailure none = assertThrows(ScriptFailure.class,
                    () -> f.run("assumeRole user('integration'), role('VendorAudit')"));
            assertTrue(none.problem().contains("ImplicitlyDenied"), none.problem());
            Answer a = answer("explain user('integration'), 'sts:AssumeRole', role('VendorAudit'),"
                    + " ['sts:ExternalId': 'guess']");
            assertEquals(Decision.IMPLICITLY_DENIED, a.decision());
            assertTrue(a.text().contains("sts:ExternalId"), a.text());
        }

        @Test
        void bothSidesMustAllow() {
            f.run(WORLD);
            f.run("account('444455556666') { user 'intern' }");
            Answer a = answer("explain user('intern'), 'sts:AssumeRole', role('VendorAudit'),"
                    + " ['sts:ExternalId': 'Unique-1234']");
            assertEquals(Decision.IMPLICITLY_DENIED, a.decision());
            assertEquals(Step.IDENTITY_POLICIES, a.trace().decidingStep());
        }
    }

    @Nested
    class OidcFederation {

        static final String WORLD = """
                account('111122223333') {
                    oidcProvider 'https://token.actions.githubusercontent.com', audiences: ['sts.amazonaws.com']
                    role('github-deploy') {
                        trustOidc 'token.actions.githubusercontent.com', aud: 'sts.amazonaws.com', sub: 'repo:acme/shop:ref:refs/heads/main'
                        inline('Deploy') { allow 's3:PutObject' on 'arn:aws:s3:::shop-site/*' }
                    }
                }
                """;

        @Test
        void theMainBranchOfTheRepositoryGetsASession() {
            f.run(WORLD);
            Session s = (Session) f.run("""
                    assumeRoleWithWebIdentity role('github-deploy'), sessionName: 'run-42', token: [
                        iss: 'https://token.actions.githubusercontent.com', aud: 'sts.amazonaws.com',
                        sub: 'repo:acme/shop:ref:refs/heads/main']
                    """);
            assertEquals("arn:aws:sts::111122223333:assumed-role/github-deploy/run-42", s.arn());
            assertEquals(true, f.run("can '" + s.arn() + "', 's3:PutObject', 'arn:aws:s3:::shop-site/index.html'"));
        }

        @Test
        void anotherBranchIsRefusedByTheSubCondition() {
            f.run(WORLD);
            ScriptFailure e = assertThrows(ScriptFailure.class, () -> f.run("""
                    assumeRoleWithWebIdentity role('github-deploy'), token: [
                        iss: 'https://token.actions.githubusercontent.com', aud: 'sts.amazonaws.com',
                        sub: 'repo:acme/shop:ref:refs/heads/feature']
                    """));
            assertTrue(e.problem().contains("sts:AssumeRoleWithWebIdentity"), e.problem());
            assertEquals(Decision.IMPLICITLY_DENIED, answer("""
                    explain 'arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com',
                        'sts:AssumeRoleWithWebIdentity', role('github-deploy'),
                        ['token.actions.githubusercontent.com:aud': 'sts.amazonaws.com',
                         'token.actions.githubusercontent.com:sub': 'repo:acme/shop:ref:refs/heads/feature']
                    """).decision());
        }

        @Test
        void aTokenForAnotherAudienceIsRejectedByTheProvider() {
            f.run(WORLD);
            ScriptFailure e = assertThrows(ScriptFailure.class, () -> f.run("""
                    assumeRoleWithWebIdentity role('github-deploy'), token: [
                        iss: 'https://token.actions.githubusercontent.com', aud: 'other',
                        sub: 'repo:acme/shop:ref:refs/heads/main']
                    """));
            assertTrue(e.problem().contains("is not a client ID of provider"), e.problem());
        }
    }

    @Nested
    class SamlFederation {

        @Test
        void aDirectoryUserAssumesTheRoleTheAssertionNames() {
            f.run("""
                    account('111122223333') {
                        samlProvider 'CorpIdP', issuer: 'https://idp.corp.example.com'
                        role('Analysts') {
                            trustSaml 'CorpIdP'
                            attach 'AmazonAthenaFullAccess'
                        }
                    }
                    """);
            Session s = (Session) f.run("assumeRoleWithSaml role('Analysts'), provider: 'CorpIdP',"
                    + " subject: 'jane@corp.example.com'");
            assertEquals("arn:aws:sts::111122223333:assumed-role/Analysts/jane@corp.example.com", s.arn());
            assertEquals(true, f.run("can '" + s.arn() + "', 'athena:StartQueryExecution', '*'"));
            assertEquals(false, f.run("can '" + s.arn() + "', 'iam:CreateUser', '*'"));
        }
    }

    @Nested
    class IdentityVersusResourceBasedPolicies {

        static final String WORLD = """
                account('111122223333') {
                    user 'bob'
                    bucket('team-share') {
                        policy {
                            allow 's3:GetObject' principal user('bob')
                        }
                    }
                }
                account('444455556666') {
                    user 'carol'
                    user('dave') { inline('ReadShare') { allow 's3:GetObject' on 'arn:aws:s3:::team-share/*' } }
                }
                account('111122223333') {
                    bucket('partner-drop') {
                        policy { allow 's3:GetObject' principal '444455556666' }
                    }
                }
                """;

        @Test
        void aBucketPolicyNamingAUserOfTheSameAccountIsEnoughOnItsOwn() {
            f.run(WORLD);
            Answer a = answer("explain user('bob'), 's3:GetObject', 'arn:aws:s3:::team-share/notes.txt'");
            assertEquals(Decision.ALLOWED, a.decision());
            assertEquals(Step.RESOURCE_POLICY, a.trace().decidingStep());
        }

        @Test
        void acrossAccountsBothTheBucketPolicyAndTheCallersPolicyMustAllow() {
            f.run(WORLD);
            assertEquals(Decision.IMPLICITLY_DENIED, answer("explain user('carol'), 's3:GetObject',"
                    + " 'arn:aws:s3:::partner-drop/file'").decision());
            assertEquals(Decision.IMPLICITLY_DENIED, answer("explain user('dave'), 's3:GetObject',"
                    + " 'arn:aws:s3:::team-share/file'").decision());
            f.run("account('444455556666') { user('erin') { inline('Read') { allow 's3:GetObject' on 'arn:aws:s3:::partner-drop/*' } } }");
            assertEquals(Decision.ALLOWED, answer("explain user('erin'), 's3:GetObject',"
                    + " 'arn:aws:s3:::partner-drop/file'").decision());
        }

        @Test
        void whoCanFindsTheUsersEachKindOfPolicyLetsIn() {
            f.run(WORLD);
            WhoCan who = (WhoCan) f.run("whoCan 's3:GetObject', 'arn:aws:s3:::team-share/notes.txt'");
            assertEquals(List.of("arn:aws:iam::111122223333:user/bob"), who.allowed());
            assertFalse(who.allowed().contains("arn:aws:iam::444455556666:user/dave"));
        }
    }

    @Nested
    class Organizations {

        @Test
        void anScpOnAnOuDeniesEvenAnAdministrator() {
            f.run("""
                    organization('999988887777') {
                        scp('DenyRegionsOutsideEu') {
                            deny '*' on '*' when StringNotEquals: ['aws:RequestedRegion': ['eu-west-1', 'eu-central-1']]
                        }
                        ou('Europe') {
                            attach 'DenyRegionsOutsideEu'
                            account('111122223333', alias: 'eu-prod') {
                                user('admin') { attach 'AdministratorAccess' }
                            }
                        }
                    }
                    """);
            Answer us = answer("explain user('admin'), 'ec2:RunInstances',"
                    + " 'arn:aws:ec2:us-east-1:111122223333:instance/*'");
            assertEquals(Decision.EXPLICITLY_DENIED, us.decision());
            assertTrue(us.text().contains("service control policy DenyRegionsOutsideEu"), us.text());
            assertEquals(true, f.run("can user('admin'), 'ec2:RunInstances',"
                    + " 'arn:aws:ec2:eu-west-1:111122223333:instance/*'"));
        }
    }

    @Nested
    class WhatCan {

        @Test
        void whatCanGroupsEffectivePermissionsByService() {
            f.run("""
                    account('111122223333') {
                        user('alice') {
                            inline('Work') {
                                allow 's3:GetObject', 'sqs:SendMessage' on '*'
                                deny 'sqs:*' on '*'
                            }
                        }
                    }
                    """);
            org.iamlab.engine.world.WhatCan what = (org.iamlab.engine.world.WhatCan) f.run("whatCan user('alice')");
            assertEquals(List.of("s3"), what.services());
            assertTrue(f.shownText().contains("s3 (1)"), f.shownText());
        }
    }
}
