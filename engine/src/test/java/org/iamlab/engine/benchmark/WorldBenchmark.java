package org.iamlab.engine.benchmark;

import java.util.concurrent.TimeUnit;
import org.iamlab.engine.policy.PolicyKind;
import org.iamlab.engine.world.Account;
import org.iamlab.engine.world.Group;
import org.iamlab.engine.world.InlinePolicy;
import org.iamlab.engine.world.PolicyText;
import org.iamlab.engine.world.Resource;
import org.iamlab.engine.world.ResourceType;
import org.iamlab.engine.world.Role;
import org.iamlab.engine.world.User;
import org.iamlab.engine.world.WhoCan;
import org.iamlab.engine.world.World;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The world model's speed targets (issue 4): a world of 1,000 users in 50 groups with 200 roles builds in under
 * a second, and {@code whoCan} over it answers in under a second. Each group has an inline policy and an AWS
 * managed policy, each role a trust policy, an inline policy and a managed policy, each user a tag and an inline
 * policy; the bucket asked about has a resource-based policy. Run with
 * {@code mvn -B -pl engine -Pbenchmark verify -Djmh.args="WorldBenchmark"}; times are milliseconds per operation.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class WorldBenchmark {

    static final int USERS = 1_000;
    static final int GROUPS = 50;
    static final int ROLES = 200;

    private World world;

    @Setup
    public void setUp() {
        world = build();
    }

    /** Builds the world described above. */
    public static World build() {
        World w = new World();
        Account a = w.createAccount("111122223333", "bench");
        Resource bucket = a.createResource(ResourceType.S3_BUCKET, "shared-data", null);
        bucket.policy(PolicyText.parse("""
                {"Version": "2012-10-17", "Statement": [
                  {"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:role/role-7"},
                   "Action": "s3:GetObject", "Resource": "arn:aws:s3:::shared-data/*"},
                  {"Effect": "Deny", "Principal": "*", "Action": "s3:*", "Resource": "arn:aws:s3:::shared-data/*",
                   "Condition": {"Bool": {"aws:SecureTransport": "false"}}}]}""", PolicyKind.RESOURCE));
        Group[] groups = new Group[GROUPS];
        for (int g = 0; g < GROUPS; g++) {
            groups[g] = a.createGroup("group-" + g, "/");
            groups[g].putInline(new InlinePolicy("Team", PolicyText.parse("""
                    {"Version": "2012-10-17", "Statement": [
                      {"Effect": "Allow", "Action": ["s3:GetObject", "s3:ListBucket"],
                       "Resource": ["arn:aws:s3:::team-%d", "arn:aws:s3:::team-%d/*"]},
                      {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::shared-data/*",
                       "Condition": {"StringEquals": {"aws:PrincipalTag/clearance": "%s"}}}]}"""
                    .formatted(g, g, g % 5 == 0 ? "high" : "low"), PolicyKind.IDENTITY)));
            groups[g].attach(a.policy(g % 2 == 0 ? "ReadOnlyAccess" : "AmazonEC2ReadOnlyAccess"));
        }
        for (int u = 0; u < USERS; u++) {
            User user = a.createUser("user-" + u, "/staff/");
            user.tag("clearance", u % 7 == 0 ? "high" : "low");
            user.putInline(new InlinePolicy("Own", PolicyText.parse("""
                    {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:*",
                      "Resource": "arn:aws:s3:::home/${aws:username}/*"}]}""", PolicyKind.IDENTITY)));
            groups[u % GROUPS].add(user);
            groups[(u * 7 + 3) % GROUPS].add(user);
        }
        for (int r = 0; r < ROLES; r++) {
            Role role = a.createRole("role-" + r, "/", PolicyText.parse("""
                    {"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
                      "Principal": {"Service": "%s"}, "Action": "sts:AssumeRole"}]}"""
                    .formatted(r % 2 == 0 ? "lambda.amazonaws.com" : "ec2.amazonaws.com"), PolicyKind.TRUST));
            role.putInline(new InlinePolicy("Work", PolicyText.parse("""
                    {"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
                      "Action": ["dynamodb:GetItem", "dynamodb:PutItem"],
                      "Resource": "arn:aws:dynamodb:us-east-1:111122223333:table/table-%d"}]}""".formatted(r),
                    PolicyKind.IDENTITY)));
            if (r % 4 == 0) {
                role.attach(a.policy("AWSLambdaBasicExecutionRole"));
            }
        }
        return w;
    }

    @Benchmark
    public World buildWorld() {
        return build();
    }

    @Benchmark
    public WhoCan whoCanReadASharedObject() {
        return world.whoCan("s3:GetObject", "arn:aws:s3:::shared-data/report.csv", null);
    }
}
