package org.iamlab.lessons.drill;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.iamlab.engine.policy.PolicyKind;
import org.iamlab.engine.world.Account;
import org.iamlab.engine.world.Answer;
import org.iamlab.engine.world.Group;
import org.iamlab.engine.world.InlinePolicy;
import org.iamlab.engine.world.PolicyText;
import org.iamlab.engine.world.Resource;
import org.iamlab.engine.world.ResourceType;
import org.iamlab.engine.world.User;
import org.iamlab.engine.world.World;

/**
 * Fresh decision questions from a seed: a small random world (a user, maybe a group, an S3 bucket, identity
 * policies that allow or deny some actions on some prefixes, maybe a bucket policy and a permissions boundary),
 * one request, and its key and trace from the evaluator. The same seed gives the same questions: everything
 * random comes from one {@link SplittableRandom} seeded with it, and the world's clock is fixed.
 */
public final class QuestionGenerator {

    private static final String ACCOUNT = "111122223333";
    private static final List<String> USERS = List.of("alice", "bob", "carol", "dev", "ops", "intern");
    private static final List<String> BUCKETS = List.of("acme-data", "acme-logs", "team-share", "reports-2026");
    private static final List<String> PREFIXES = List.of("public", "private", "reports", "tmp");
    private static final List<String> ACTIONS = List.of("s3:GetObject", "s3:PutObject", "s3:DeleteObject");
    private static final java.time.Instant EPOCH = java.time.Instant.parse("2026-03-01T12:00:00Z");

    /** {@code count} questions from {@code seed}. */
    public List<GeneratedQuestion> questions(long seed, int count) {
        SplittableRandom random = new SplittableRandom(seed);
        List<GeneratedQuestion> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            out.add(question(random.nextLong() & Long.MAX_VALUE));
        }
        return out;
    }

    /** The question of one seed. */
    public GeneratedQuestion question(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        World world = new World(EPOCH);
        Account account = world.createAccount(ACCOUNT, null);
        String bucketName = pick(r, BUCKETS);
        Resource bucket = account.createResource(ResourceType.S3_BUCKET, bucketName, null);
        User user = account.createUser(pick(r, USERS), null);
        StringBuilder stem = new StringBuilder();
        stem.append("In account ").append(ACCOUNT).append(", IAM user `").append(user.name())
                .append("` has the inline policy `Access`:\n");
        PolicyText access = policy(statements(r, bucketName, 1 + r.nextInt(2), false), PolicyKind.IDENTITY);
        user.putInline(new InlinePolicy("Access", access));
        stem.append(pretty(access)).append('\n');
        if (r.nextInt(3) == 0) {
            Group group = account.createGroup("team", null);
            group.add(user);
            PolicyText team = policy(statements(r, bucketName, 1, false), PolicyKind.IDENTITY);
            group.putInline(new InlinePolicy("TeamAccess", team));
            stem.append("It is a member of group `team`, whose inline policy `TeamAccess` is:\n").append(pretty(team))
                    .append('\n');
        }
        if (r.nextInt(3) == 0) {
            PolicyText bp = policy(statements(r, bucketName, 1, true, user.arn()), PolicyKind.RESOURCE);
            bucket.policy(bp);
            stem.append("The bucket `").append(bucketName).append("` has this bucket policy:\n").append(pretty(bp))
                    .append('\n');
        }
        if (r.nextInt(4) == 0) {
            PolicyText limit = policy(statements(r, bucketName, 1, false), PolicyKind.PERMISSIONS_BOUNDARY);
            user.permissionsBoundary(account.createPolicy("Boundary", "/", limit, null));
            stem.append("Its permissions boundary is the managed policy `Boundary`:\n").append(pretty(limit))
                    .append('\n');
        }
        String action = pick(r, ACTIONS);
        String resource = "arn:aws:s3:::" + bucketName + "/" + pick(r, PREFIXES) + "/file-" + r.nextInt(10) + ".txt";
        stem.append("`").append(user.name()).append("` calls ").append(action).append(" on ").append(resource)
                .append(". What does IAM decide?");
        Answer key = world.explain(user, action, resource, Map.of());
        return new GeneratedQuestion("gen-" + seed, stem.toString(), key);
    }

    private static List<String> statements(SplittableRandom r, String bucket, int n, boolean resourcePolicy,
                                           String... principal) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String effect = r.nextInt(3) == 0 ? "Deny" : "Allow";
            String action = r.nextInt(4) == 0 ? "s3:*" : pick(r, ACTIONS);
            String resource = switch (r.nextInt(4)) {
                case 0 -> "*";
                case 1 -> "arn:aws:s3:::" + bucket + "/*";
                default -> "arn:aws:s3:::" + bucket + "/" + pick(r, PREFIXES) + "/*";
            };
            out.add("{\"Effect\": \"" + effect + "\", " + (resourcePolicy ? "\"Principal\": {\"AWS\": \""
                    + principal[0] + "\"}, " : "") + "\"Action\": \"" + action + "\", \"Resource\": \"" + resource
                    + "\"}");
        }
        return out;
    }

    private static PolicyText policy(List<String> statements, PolicyKind kind) {
        return PolicyText.parse("{\"Version\": \"2012-10-17\", \"Statement\": [" + String.join(", ", statements)
                + "]}", kind);
    }

    private static String pretty(PolicyText text) {
        return org.iamlab.engine.parse.PolicyWriter.write(text.document(), true);
    }

    private static <T> T pick(SplittableRandom r, List<T> from) {
        return from.get(r.nextInt(from.size()));
    }
}
