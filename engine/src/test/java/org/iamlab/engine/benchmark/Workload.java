package org.iamlab.engine.benchmark;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.iamlab.engine.authz.AttachedPolicy;
import org.iamlab.engine.authz.AuthorizationRequest;
import org.iamlab.engine.authz.OrganizationLevel;
import org.iamlab.engine.catalog.ManagedPolicy;
import org.iamlab.engine.catalog.ManagedPolicyCatalog;
import org.iamlab.engine.eval.CompiledPolicy;
import org.iamlab.engine.eval.Principal;
import org.iamlab.engine.eval.Request;
import org.iamlab.engine.parse.PolicyParser;
import org.iamlab.engine.policy.PolicyKind;
import org.iamlab.engine.trace.PolicyRef;

/**
 * A realistic, reproducible evaluation workload: 200 principals (users and role sessions in two accounts of
 * one organization), each with 3 to 10 policies drawn from the AWS managed-policy catalogue plus customer
 * policies with conditions, a third of them with a permissions boundary; requests over common actions with
 * context values; a resource-based policy on half the requests, some of them cross-account.
 */
final class Workload {

    /**
     * How many requests the benchmarks cycle through. In a live stream each request is evaluated right after it
     * was built, so it is in the CPU's cache while the policies of 200 principals mostly are not; a pool of this
     * size keeps the requests cached and the policies not, where a much larger pool would measure memory
     * latency for the request objects themselves.
     */
    static final int POOL = 1024;
    /** A pool whose requests mostly miss the CPU's caches, like a stream of requests built far apart. */
    static final int COLD_POOL = 8192;

    static final String ACCOUNT_A = "111122223333";
    static final String ACCOUNT_B = "444455556666";

    private static final List<String> COMMON_MANAGED = List.of("ReadOnlyAccess", "AmazonS3FullAccess",
            "AmazonS3ReadOnlyAccess", "PowerUserAccess", "AmazonEC2FullAccess", "AmazonEC2ReadOnlyAccess",
            "AmazonDynamoDBFullAccess", "AmazonDynamoDBReadOnlyAccess", "AWSLambda_FullAccess", "IAMReadOnlyAccess",
            "AmazonSQSFullAccess", "AmazonSNSFullAccess", "CloudWatchReadOnlyAccess", "AWSKeyManagementServicePowerUser",
            "AmazonRDSReadOnlyAccess", "SecretsManagerReadWrite", "AWSCloudTrail_ReadOnlyAccess", "ViewOnlyAccess",
            "AmazonVPCReadOnlyAccess", "AWSLambdaBasicExecutionRole");

    private static final String[][] ACTIONS = {
        {"s3:GetObject", "arn:aws:s3:::%s-data/reports/%s.csv"},
        {"s3:PutObject", "arn:aws:s3:::%s-data/uploads/%s.bin"},
        {"s3:ListBucket", "arn:aws:s3:::%s-data"},
        {"s3:DeleteBucket", "arn:aws:s3:::%s-data"},
        {"ec2:RunInstances", "arn:aws:ec2:us-east-1:%2$s:instance/i-0abc"},
        {"ec2:TerminateInstances", "arn:aws:ec2:us-east-1:%2$s:instance/i-0abc"},
        {"ec2:DescribeInstances", "*"},
        {"dynamodb:GetItem", "arn:aws:dynamodb:us-east-1:%2$s:table/orders"},
        {"dynamodb:PutItem", "arn:aws:dynamodb:us-east-1:%2$s:table/orders"},
        {"kms:Decrypt", "arn:aws:kms:us-east-1:%2$s:key/1234abcd-12ab-34cd-56ef-1234567890ab"},
        {"iam:CreateUser", "arn:aws:iam::%2$s:user/new-hire"},
        {"iam:GetUser", "arn:aws:iam::%2$s:user/alice"},
        {"lambda:InvokeFunction", "arn:aws:lambda:us-east-1:%2$s:function:orders"},
        {"sqs:SendMessage", "arn:aws:sqs:us-east-1:%2$s:jobs"},
        {"sns:Publish", "arn:aws:sns:us-east-1:%2$s:alerts"},
        {"secretsmanager:GetSecretValue", "arn:aws:secretsmanager:us-east-1:%2$s:secret:db-AbCdEf"},
        {"cloudwatch:GetMetricData", "*"},
        {"rds:DescribeDBInstances", "arn:aws:rds:us-east-1:%2$s:db:orders"},
    };

    private static final String[] CUSTOMER = {
        "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"TeamData\",\"Effect\":\"Allow\",\"Action\":[\"s3:GetObject\","
            + "\"s3:PutObject\"],\"Resource\":\"arn:aws:s3:::*-data/*\",\"Condition\":{\"StringEquals\":"
            + "{\"aws:PrincipalTag/team\":[\"data\",\"ml\"]}}}]}",
        "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"OfficeOnly\",\"Effect\":\"Deny\",\"Action\":\"*\","
            + "\"Resource\":\"*\",\"Condition\":{\"NotIpAddress\":{\"aws:SourceIp\":[\"203.0.113.0/24\","
            + "\"2001:db8::/32\"]},\"Bool\":{\"aws:ViaAWSService\":\"false\"}}}]}",
        "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"NoDeleteWithoutMfa\",\"Effect\":\"Deny\",\"Action\":"
            + "[\"s3:DeleteBucket\",\"ec2:TerminateInstances\",\"rds:DeleteDBInstance\"],\"Resource\":\"*\","
            + "\"Condition\":{\"BoolIfExists\":{\"aws:MultiFactorAuthPresent\":\"false\"}}}]}",
        "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"Home\",\"Effect\":\"Allow\",\"Action\":\"s3:*\","
            + "\"Resource\":[\"arn:aws:s3:::home-data/${aws:username}\",\"arn:aws:s3:::home-data/${aws:username}/*\"]},"
            + "{\"Sid\":\"Until\",\"Effect\":\"Allow\",\"Action\":[\"dynamodb:GetItem\",\"dynamodb:Query\"],"
            + "\"Resource\":\"arn:aws:dynamodb:*:*:table/orders\",\"Condition\":{\"DateLessThan\":"
            + "{\"aws:CurrentTime\":\"2027-01-01T00:00:00Z\"}}}]}",
        "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":[\"sqs:SendMessage\","
            + "\"sns:Publish\",\"lambda:InvokeFunction\"],\"Resource\":\"*\",\"Condition\":{\"StringLike\":"
            + "{\"aws:RequestedRegion\":\"us-*\"},\"ForAllValues:StringEquals\":{\"aws:TagKeys\":[\"team\",\"env\"]}}}]}",
        "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"NotAction\":[\"iam:*\",\"organizations:*\"],"
            + "\"Resource\":\"*\"},{\"Effect\":\"Deny\",\"Action\":\"iam:CreateUser\",\"Resource\":\"*\"}]}",
    };

    private static final String BOUNDARY = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":"
            + "[\"s3:*\",\"dynamodb:*\",\"sqs:*\",\"sns:*\",\"cloudwatch:*\",\"ec2:Describe*\",\"lambda:*\"],\"Resource\":\"*\"}]}";

    private static final String SCP = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\","
            + "\"Resource\":\"*\"},{\"Sid\":\"Regions\",\"Effect\":\"Deny\",\"NotAction\":[\"iam:*\",\"sts:*\"],"
            + "\"Resource\":\"*\",\"Condition\":{\"StringNotEquals\":{\"aws:RequestedRegion\":[\"us-east-1\",\"eu-west-1\"]}}}]}";

    private record Identity(Principal principal, List<AttachedPolicy> policies, AttachedPolicy boundary,
                            Map<String, List<String>> tags) {
    }

    private Workload() {
    }

    /** {@code count} requests, the same for the same seed. */
    static List<AuthorizationRequest> requests(int count, long seed) {
        Random random = new Random(seed);
        ManagedPolicyCatalog catalog = ManagedPolicyCatalog.aws();
        List<ManagedPolicy> all = new ArrayList<>(catalog.all());
        List<CompiledPolicy> customer = new ArrayList<>();
        for (String json : CUSTOMER) {
            customer.add(compile(json, PolicyKind.IDENTITY));
        }
        CompiledPolicy boundary = compile(BOUNDARY, PolicyKind.PERMISSIONS_BOUNDARY);
        List<OrganizationLevel> scps = List.of(
                new OrganizationLevel("r-root", List.of(attach(PolicyKind.SERVICE_CONTROL, "FullAWSAccess",
                        compile(SCP, PolicyKind.SERVICE_CONTROL)))));

        // Each managed policy is compiled once and shared by every principal it is attached to, as a world or a
        // policy cache does.
        Map<String, CompiledPolicy> managed = new java.util.HashMap<>();
        List<Identity> identities = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            String account = i % 3 == 0 ? ACCOUNT_B : ACCOUNT_A;
            Principal principal = i % 10 < 7
                    ? Principal.parse("arn:aws:iam::" + account + ":user/user" + i)
                    : Principal.parse("arn:aws:sts::" + account + ":assumed-role/role" + i + "/session" + i);
            int size = 3 + random.nextInt(8);
            List<AttachedPolicy> policies = new ArrayList<>();
            int customers = 1 + random.nextInt(Math.min(3, size));
            for (int k = 0; k < size - customers; k++) {
                ManagedPolicy m = random.nextInt(3) < 2
                        ? catalog.get(COMMON_MANAGED.get(random.nextInt(COMMON_MANAGED.size())))
                        : all.get(random.nextInt(all.size()));
                policies.add(attach(PolicyKind.IDENTITY, m.name(),
                        managed.computeIfAbsent(m.name(), n -> compile(m.documentJson(), PolicyKind.IDENTITY))));
            }
            for (int k = 0; k < customers; k++) {
                int which = random.nextInt(customer.size());
                policies.add(attach(PolicyKind.IDENTITY, "Customer" + which, customer.get(which)));
            }
            AttachedPolicy b = i % 3 == 1 ? attach(PolicyKind.PERMISSIONS_BOUNDARY, "Boundary", boundary) : null;
            identities.add(new Identity(principal, policies, b,
                    Map.of("aws:PrincipalTag/team", List.of(random.nextBoolean() ? "data" : "web"))));
        }

        List<AuthorizationRequest> requests = new ArrayList<>(count);
        for (int n = 0; n < count; n++) {
            Identity who = identities.get(random.nextInt(identities.size()));
            String[] action = ACTIONS[random.nextInt(ACTIONS.length)];
            boolean crossAccount = random.nextInt(5) == 0;
            String resourceAccount = crossAccount
                    ? (who.principal().account().equals(ACCOUNT_A) ? ACCOUNT_B : ACCOUNT_A) : who.principal().account();
            String resource = String.format(action[1], random.nextBoolean() ? "team" : "home", resourceAccount);
            Map<String, List<String>> context = new java.util.HashMap<>(who.tags());
            context.put("aws:SourceIp", List.of(random.nextInt(4) == 0 ? "198.51.100.23" : "203.0.113.7"));
            context.put("aws:MultiFactorAuthPresent", List.of(Boolean.toString(random.nextBoolean())));
            context.put("aws:RequestedRegion", List.of(random.nextInt(6) == 0 ? "ap-south-1" : "us-east-1"));
            context.put("aws:CurrentTime", List.of("2026-11-23T10:00:00Z"));
            context.put("aws:TagKeys", List.of("team", "env"));
            AttachedPolicy resourcePolicy = random.nextBoolean() ? resourcePolicy(action[0], resource, who, random)
                    : null;
            requests.add(new AuthorizationRequest(new Request(who.principal(), action[0], resource, resourceAccount,
                    context), who.policies(), resourcePolicy, who.boundary(), null, scps, null));
        }
        return requests;
    }

    private static AttachedPolicy resourcePolicy(String action, String resource, Identity who, Random random) {
        String principal = random.nextBoolean() ? "arn:aws:iam::" + who.principal().account() + ":root"
                : who.principal().text();
        String json = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"Grant\",\"Effect\":\"Allow\",\"Principal\":"
                + "{\"AWS\":\"" + principal + "\"},\"Action\":[\"" + action + "\",\"s3:List*\"],\"Resource\":\""
                + resource + "\"},{\"Sid\":\"TlsOnly\",\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":\"*\","
                + "\"Resource\":\"*\",\"Condition\":{\"Bool\":{\"aws:SecureTransport\":\"false\"}}}]}";
        return attach(PolicyKind.RESOURCE, "ResourcePolicy", compile(json, PolicyKind.RESOURCE));
    }

    private static CompiledPolicy compile(String json, PolicyKind kind) {
        return CompiledPolicy.compile(PolicyParser.parse(json, kind), kind);
    }

    private static AttachedPolicy attach(PolicyKind kind, String name, CompiledPolicy policy) {
        return new AttachedPolicy(PolicyRef.of(kind, name), policy);
    }
}
