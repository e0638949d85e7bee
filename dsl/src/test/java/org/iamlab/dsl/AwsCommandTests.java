package org.iamlab.dsl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.iamlab.dsl.aws.CliOutput;
import org.iamlab.dsl.aws.CommandLine;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The aws command subset: command sequences as the course prints them, run verbatim. */
class AwsCommandTests {

    static final ObjectMapper JSON = new ObjectMapper();
    final LabFixture f = new LabFixture();

    List<CliOutput> outputs() {
        return f.shown.stream().filter(CliOutput.class::isInstance).map(CliOutput.class::cast).toList();
    }

    JsonNode json(int index) throws Exception {
        return JSON.readTree(outputs().get(index).text());
    }

    @Nested
    class CommandLines {

        @Test
        void continuationsQuotesCommentsAndPromptsSplitLikeAShell() {
            List<CommandLine> lines = CommandLine.parse("""
                    # create the policy
                    $ aws iam create-policy \\
                        --policy-name ReadLogs \\
                        --policy-document '{
                          "Version": "2012-10-17",
                          "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}]
                        }'
                    aws iam list-policies --scope "Local"
                    """);
            assertEquals(2, lines.size());
            assertEquals(List.of("aws", "iam", "create-policy", "--policy-name", "ReadLogs", "--policy-document"),
                    lines.get(0).words().subList(0, 6));
            assertTrue(lines.get(0).words().get(6).contains("\"Action\": \"s3:GetObject\""));
            assertEquals(2, lines.get(0).line());
            assertEquals(8, lines.get(1).line());
            assertEquals("Local", lines.get(1).words().get(4));
        }
    }

    @Nested
    class TheCourseSequence {

        static final String SEQUENCE = """
                aws '''
                aws iam create-user --user-name alice
                aws iam create-group --group-name developers
                aws iam add-user-to-group --user-name alice --group-name developers
                aws iam attach-group-policy --group-name developers \\
                    --policy-arn arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess
                aws iam create-access-key --user-name alice
                aws iam list-users
                '''
                """;

        @Test
        void createsTheWorldInAccount123456789012WithTheClisShapes() throws Exception {
            f.run(SEQUENCE);
            assertEquals(4, outputs().size(), f.shownText());
            JsonNode user = json(0).get("User");
            assertEquals("arn:aws:iam::123456789012:user/alice", user.get("Arn").asText());
            assertEquals("/", user.get("Path").asText());
            assertTrue(user.get("UserId").asText().startsWith("AIDA"));
            assertEquals("2026-01-05T09:00:00+00:00", user.get("CreateDate").asText());
            JsonNode key = json(2).get("AccessKey");
            assertEquals("Active", key.get("Status").asText());
            assertEquals(40, key.get("SecretAccessKey").asText().length());
            assertEquals(1, json(3).get("Users").size());
            assertTrue(outputs().get(0).text().startsWith("{\n    \"User\": {\n        \"Path\": \"/\","),
                    outputs().get(0).text());
            assertEquals(true, f.run("can user('alice'), 's3:GetObject', 'arn:aws:s3:::any/thing'"));
        }

        @Test
        void aMissingGroupIsTheClisNoSuchEntityErrorWithASuggestion() {
            f.run(SEQUENCE);
            ScriptFailure e = assertThrows(ScriptFailure.class, () -> f.run("""
                    aws '''
                    aws iam add-user-to-group --user-name alice --group-name developer
                    '''
                    """));
            assertEquals("An error occurred (NoSuchEntity) when calling the AddUserToGroup operation: The group with"
                    + " name developer cannot be found. (did you mean `developers`?)", e.problem());
            assertEquals(2, e.line());
        }

        @Test
        void mayFailShowsTheErrorAndGoesOn() {
            f.run("""
                    aws mayFail: true, '''
                    aws iam get-user --user-name nobody
                    aws iam create-group --group-name ops
                    '''
                    """);
            assertTrue(outputs().get(0).error());
            assertEquals("An error occurred (NoSuchEntity) when calling the GetUser operation: The user with name"
                    + " nobody cannot be found.\n", outputs().get(0).text(), "the CLI ends its message with a newline");
            assertEquals(2, outputs().size());
        }
    }

    @Nested
    class RolesAndInstanceProfiles {

        @Test
        void aRoleForEc2FromCommandsGivesTheInstanceItsPermissions() throws Exception {
            f.run("""
                    aws '''
                    aws iam create-role --role-name web-server \\
                        --assume-role-policy-document '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
                          "Principal": {"Service": "ec2.amazonaws.com"}, "Action": "sts:AssumeRole"}]}'
                    aws iam attach-role-policy --role-name web-server --policy-arn arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess
                    aws iam put-role-policy --role-name web-server --policy-name WriteUploads --policy-document '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:PutObject", "Resource": "arn:aws:s3:::uploads/*"}]}'
                    aws iam create-instance-profile --instance-profile-name web-server
                    aws iam add-role-to-instance-profile --instance-profile-name web-server --role-name web-server
                    aws ec2 run-instances --image-id ami-0abcdef1234567890 --instance-type t3.micro
                    '''
                    """);
            String instanceId = json(2).get("Instances").get(0).get("InstanceId").asText();
            f.run("aws 'aws ec2 associate-iam-instance-profile --instance-id " + instanceId
                    + " --iam-instance-profile Name=web-server'");
            JsonNode association = json(3).get("IamInstanceProfileAssociation");
            assertEquals("associating", association.get("State").asText());
            assertEquals("arn:aws:iam::123456789012:instance-profile/web-server",
                    association.get("IamInstanceProfile").get("Arn").asText());
            assertEquals(true, f.run("can instance('" + instanceId + "'), 's3:PutObject', 'arn:aws:s3:::uploads/a'"));
            ScriptFailure e = assertThrows(ScriptFailure.class, () -> f.run("aws 'aws iam delete-role --role-name"
                    + " web-server'"));
            assertTrue(e.problem().contains("(DeleteConflict)"), e.problem());
        }

        @Test
        void assumeRoleAndGetCallerIdentityAnswerAsTheCallerAsks() throws Exception {
            f.run("""
                    aws '''
                    aws iam create-user --user-name alice
                    aws iam create-role --role-name auditor --assume-role-policy-document '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::123456789012:user/alice"}, "Action": "sts:AssumeRole"}]}'
                    '''
                    actingAs(user('alice')) {
                        aws '''
                        aws sts get-caller-identity
                        aws sts assume-role --role-arn arn:aws:iam::123456789012:role/auditor --role-session-name audit --duration-seconds 900
                        '''
                    }
                    """);
            assertEquals("arn:aws:iam::123456789012:user/alice", json(2).get("Arn").asText());
            JsonNode assumed = json(3);
            assertEquals("arn:aws:sts::123456789012:assumed-role/auditor/audit",
                    assumed.get("AssumedRoleUser").get("Arn").asText());
            assertEquals("2026-01-05T09:15:00+00:00", assumed.get("Credentials").get("Expiration").asText());
            assertTrue(assumed.get("Credentials").get("AccessKeyId").asText().startsWith("ASIA"));
        }

        @Test
        void aUserWithoutIamPermissionsIsDeniedLikeInAws() {
            f.run("aws 'aws iam create-user --user-name alice'");
            ScriptFailure e = assertThrows(ScriptFailure.class, () -> f.run(
                    "actingAs(user('alice')) { aws 'aws iam create-user --user-name mallory' }"));
            assertEquals("An error occurred (AccessDenied) when calling the CreateUser operation: User:"
                    + " arn:aws:iam::123456789012:user/alice is not authorized to perform: iam:CreateUser on resource:"
                    + " arn:aws:iam::123456789012:user/mallory because no identity-based policy allows the"
                    + " iam:CreateUser action", e.problem());
        }
    }

    @Nested
    class SimulatePrincipalPolicy {

        @Test
        void reportsTheDecisionMatchedStatementsAndMissingContext() throws Exception {
            @SuppressWarnings("unchecked")
            Map<String, Object> result = (Map<String, Object>) f.run("""
                    aws '''
                    aws iam create-user --user-name alice
                    aws iam put-user-policy --user-name alice --policy-name Logs --policy-document '{
                      "Version": "2012-10-17",
                      "Statement": [
                        {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::logs/*"},
                        {"Effect": "Deny", "Action": "s3:*", "Resource": "*",
                         "Condition": {"NotIpAddress": {"aws:SourceIp": "203.0.113.0/24"}}}
                      ]
                    }'
                    aws iam simulate-principal-policy --policy-source-arn arn:aws:iam::123456789012:user/alice \\
                        --action-names s3:GetObject s3:PutObject --resource-arns arn:aws:s3:::logs/app.log \\
                        --context-entries ContextKeyName=aws:SourceIp,ContextKeyValues=203.0.113.7,ContextKeyType=ip
                    '''
                    """);
            JsonNode results = JSON.valueToTree(result).get("EvaluationResults");
            assertEquals("allowed", results.get(0).get("EvalDecision").asText());
            JsonNode matched = results.get(0).get("MatchedStatements").get(0);
            assertEquals("Logs", matched.get("SourcePolicyId").asText());
            assertEquals("user", matched.get("SourcePolicyType").asText());
            assertEquals(4, matched.get("StartPosition").get("Line").asInt());
            assertEquals("implicitDeny", results.get(1).get("EvalDecision").asText());
            f.run("""
                    aws '''
                    aws iam simulate-principal-policy --policy-source-arn arn:aws:iam::123456789012:user/alice \\
                        --action-names s3:GetObject --resource-arns arn:aws:s3:::logs/app.log
                    '''
                    """);
            JsonNode denied = json(2).get("EvaluationResults").get(0);
            assertEquals("explicitDeny", denied.get("EvalDecision").asText());
            assertEquals("aws:SourceIp", denied.get("MissingContextValues").get(0).asText());
        }
    }

    @Nested
    class Mistakes {

        @Test
        void aCommandWithoutTheLeadingAwsRunsAsWithIt() {
            f.run("aws 'iam create-user --user-name carol'");
            assertEquals("arn:aws:iam::123456789012:user/carol", outputs().get(0).text().lines()
                    .filter(l -> l.contains("\"Arn\"")).findFirst().orElseThrow().split("\"")[3]);
        }

        @Test
        void anUnsupportedServiceNamesTheSupportedOnesAndNoLookAlike() {
            ScriptFailure e = assertThrows(ScriptFailure.class, () -> f.run("aws 'aws s3 ls'"));
            assertEquals("aws: error: argument command: Invalid choice: 's3' (IAM Lab supports the services iam, sts"
                    + " and ec2, not `s3`)", e.problem());
        }

        @Test
        void aLineThatIsNoCommandSaysWhatACommandStartsWith() {
            ScriptFailure e = assertThrows(ScriptFailure.class, () -> f.run("aws 'create-user --user-name x'"));
            assertTrue(e.problem().contains("each command starts with `aws` or a service (iam, sts and ec2)"),
                    e.problem());
        }

        @Test
        void anUnknownOperationSuggestsTheClosest() {
            ScriptFailure e = assertThrows(ScriptFailure.class, () -> f.run("aws 'aws iam create-usr --user-name x'"));
            assertEquals("aws: error: argument operation: Invalid choice: 'create-usr' (did you mean `create-user`?)",
                    e.problem());
        }

        @Test
        void aMissingRequiredArgumentIsAUsageError() {
            ScriptFailure e = assertThrows(ScriptFailure.class, () -> f.run("aws 'aws iam create-user'"));
            assertEquals("aws: error: the following arguments are required: --user-name", e.problem());
        }

        @Test
        void aMalformedPolicyDocumentSaysWhere() {
            ScriptFailure e = assertThrows(ScriptFailure.class, () -> f.run("""
                    aws '''aws iam create-policy --policy-name P --policy-document '{"Version": "2012-10-17", "Statement": [{"Effect": "Alow", "Action": "s3:*", "Resource": "*"}]}' '''
                    """));
            assertTrue(e.problem().startsWith("An error occurred (MalformedPolicyDocument) when calling the"
                    + " CreatePolicy operation: Syntax errors in policy."), e.problem());
            assertTrue(e.problem().contains("did you mean `Allow`?"), e.problem());
        }

        @Test
        void aThirdAccessKeyIsTheQuotaError() {
            ScriptFailure e = assertThrows(ScriptFailure.class, () -> f.run("""
                    aws '''
                    aws iam create-user --user-name alice
                    aws iam create-access-key --user-name alice
                    aws iam create-access-key --user-name alice
                    aws iam create-access-key --user-name alice
                    '''
                    """));
            assertEquals("An error occurred (LimitExceeded) when calling the CreateAccessKey operation: Cannot exceed"
                    + " quota for AccessKeysPerUser: 2", e.problem());
        }
    }
}
