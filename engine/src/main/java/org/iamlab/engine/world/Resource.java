package org.iamlab.engine.world;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.iamlab.engine.policy.PolicyKind;

/**
 * A resource of an account: an S3 bucket, SQS queue, SNS topic, Lambda function, KMS key, API Gateway API,
 * Secrets Manager secret, DynamoDB table or a table's stream, each with an optional resource-based policy.
 * A Lambda function has an execution role; a KMS key starts with the default key policy that lets the account's
 * IAM policies grant access to it.
 */
public final class Resource {

    private final ResourceType type;
    private final Account account;
    private final String name;
    private final String region;
    private final String id;
    private final String arn;
    private final Map<String, String> tags = new LinkedHashMap<>();
    private PolicyText policy;
    private Role executionRole;

    Resource(ResourceType type, Account account, String name, String region, String id) {
        this.type = Objects.requireNonNull(type, "type");
        this.account = account;
        this.name = name;
        this.region = region;
        this.id = id;
        String acct = account.id();
        this.arn = switch (type) {
            case S3_BUCKET -> "arn:aws:s3:::" + name;
            case SQS_QUEUE -> "arn:aws:sqs:" + region + ":" + acct + ":" + name;
            case SNS_TOPIC -> "arn:aws:sns:" + region + ":" + acct + ":" + name;
            case LAMBDA_FUNCTION -> "arn:aws:lambda:" + region + ":" + acct + ":function:" + name;
            case KMS_KEY -> "arn:aws:kms:" + region + ":" + acct + ":key/" + id;
            case API_GATEWAY -> "arn:aws:execute-api:" + region + ":" + acct + ":" + id;
            case SECRET -> "arn:aws:secretsmanager:" + region + ":" + acct + ":secret:" + name + "-" + id;
            case DYNAMODB_TABLE -> "arn:aws:dynamodb:" + region + ":" + acct + ":table/" + name;
            case DYNAMODB_STREAM -> "arn:aws:dynamodb:" + region + ":" + acct + ":table/" + name + "/stream/" + id;
        };
        if (type == ResourceType.KMS_KEY) {
            this.policy = PolicyText.parse(defaultKeyPolicy(acct), PolicyKind.RESOURCE);
        }
    }

    /** The default key policy: the account (and so its IAM policies) may use the key. */
    static String defaultKeyPolicy(String account) {
        return """
                {
                  "Version": "2012-10-17",
                  "Id": "key-default-1",
                  "Statement": [
                    {
                      "Sid": "Enable IAM User Permissions",
                      "Effect": "Allow",
                      "Principal": {"AWS": "arn:aws:iam::%s:root"},
                      "Action": "kms:*",
                      "Resource": "*"
                    }
                  ]
                }""".formatted(account);
    }

    public ResourceType type() {
        return type;
    }

    public Account account() {
        return account;
    }

    /** The name it was created with (for a KMS key, its alias without {@code alias/}). */
    public String name() {
        return name;
    }

    public String region() {
        return region;
    }

    /**
     * The generated part of the ARN: a KMS key's UUID, an API's ID, a secret's suffix, a stream's label (the time
     * it was enabled); {@code null} otherwise. A stream's name is its table's.
     */
    public String id() {
        return id;
    }

    public String arn() {
        return arn;
    }

    /** The keys under which requests on this resource (and its objects, indexes, routes) find it. */
    List<String> ownerKeys() {
        String acct = type == ResourceType.S3_BUCKET ? "" : account.id();
        return switch (type) {
            case S3_BUCKET -> List.of(ResourceType.key("s3", acct, name));
            case SQS_QUEUE, SNS_TOPIC, LAMBDA_FUNCTION, DYNAMODB_TABLE -> List.of(ResourceType.key(type.service(), acct,
                    name));
            case KMS_KEY -> List.of(ResourceType.key("kms", acct, "key/" + id));
            case API_GATEWAY -> List.of(ResourceType.key("execute-api", acct, id));
            case SECRET -> List.of(ResourceType.key("secretsmanager", acct, name + "-" + id),
                    ResourceType.key("secretsmanager", acct, name));
            case DYNAMODB_STREAM -> List.of(ResourceType.key("dynamodb", acct, name + "/stream/" + id));
        };
    }

    public Optional<PolicyText> policy() {
        return Optional.ofNullable(policy);
    }

    /** Sets the resource-based policy, or removes it with {@code null}. */
    public void policy(PolicyText newPolicy) {
        if (newPolicy != null) {
            newPolicy.compiled(PolicyKind.RESOURCE);
        }
        this.policy = newPolicy;
    }

    public Map<String, String> tags() {
        return Collections.unmodifiableMap(tags);
    }

    public void tag(String key, String value) {
        tags.put(key, value);
    }

    /** A Lambda function's execution role. */
    public Optional<Role> executionRole() {
        return Optional.ofNullable(executionRole);
    }

    public void executionRole(Role role) {
        if (type != ResourceType.LAMBDA_FUNCTION) {
            throw WorldException.invalid("only a Lambda function has an execution role, not a " + type.description(),
                    null);
        }
        // CreateFunction refuses a role that Lambda may not assume, with this message.
        Optional<Answer> refused = ServiceTrust.refusal(role, "lambda.amazonaws.com");
        if (refused.isPresent()) {
            throw new WorldException("InvalidParameterValueException", "function `" + name + "` cannot use role `"
                    + role.name() + "`: the role's trust policy does not let lambda.amazonaws.com assume it",
                    "The role defined for the function cannot be assumed by Lambda.",
                    "add trustService 'lambda.amazonaws.com' to role `" + role.name() + "`", refused.get());
        }
        this.executionRole = role;
    }

    /**
     * Who acts when this resource does something: a Lambda function acts as a session of its execution role;
     * an API, bucket, topic or queue as its service principal with {@code aws:SourceArn} and
     * {@code aws:SourceAccount} set to it.
     */
    public Actor actor() {
        if (type == ResourceType.LAMBDA_FUNCTION) {
            if (executionRole == null) {
                throw WorldException.invalid("function `" + name + "` has no execution role",
                        "give it one: a role that trusts lambda.amazonaws.com");
            }
            return Session.ofService(executionRole, name, "lambda:SourceFunctionArn", arn);
        }
        String source = type == ResourceType.API_GATEWAY ? arn + "/prod/GET/" : arn;
        return new Actor.ServiceCaller(type.servicePrincipal(), source, account.id());
    }

    @Override
    public String toString() {
        return arn;
    }
}
