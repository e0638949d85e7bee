package org.iamlab.engine.world;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.iamlab.engine.arn.Arn;

/**
 * The kinds of resources a world can hold, with their ARN shapes. Every kind takes a resource-based policy.
 */
public enum ResourceType {
    S3_BUCKET("s3", "bucket", "S3 bucket", "s3.amazonaws.com"),
    SQS_QUEUE("sqs", "queue", "SQS queue", "sqs.amazonaws.com"),
    SNS_TOPIC("sns", "topic", "SNS topic", "sns.amazonaws.com"),
    LAMBDA_FUNCTION("lambda", "function", "Lambda function", "lambda.amazonaws.com"),
    KMS_KEY("kms", "key", "KMS key", "kms.amazonaws.com"),
    API_GATEWAY("execute-api", "api", "API Gateway API", "apigateway.amazonaws.com"),
    SECRET("secretsmanager", "secret", "Secrets Manager secret", "secretsmanager.amazonaws.com"),
    // DynamoDB has taken resource-based policies on tables (covering their indexes) since March 2024.
    DYNAMODB_TABLE("dynamodb", "table", "DynamoDB table", "dynamodb.amazonaws.com"),
    // A table's stream has a resource-based policy of its own, which the table's policy does not cover
    // (DynamoDB Developer Guide, "Using resource-based policies for DynamoDB").
    DYNAMODB_STREAM("dynamodb", "stream", "DynamoDB stream", "dynamodb.amazonaws.com");

    private final String service;
    private final String word;
    private final String description;
    private final String servicePrincipal;

    ResourceType(String service, String word, String description, String servicePrincipal) {
        this.service = service;
        this.word = word;
        this.description = description;
        this.servicePrincipal = servicePrincipal;
    }

    /** The service prefix of its ARNs and actions. */
    public String service() {
        return service;
    }

    /** The short word for it: {@code bucket}, {@code queue}, {@code function}, ... */
    public String word() {
        return word;
    }

    public String description() {
        return description;
    }

    /** The service principal that acts for resources of this kind ({@code apigateway.amazonaws.com}, ...). */
    public String servicePrincipal() {
        return servicePrincipal;
    }

    /** The type called {@code word}. */
    public static ResourceType of(String word) {
        return Arrays.stream(values()).filter(t -> t.word.equalsIgnoreCase(word)).findFirst()
                .orElseThrow(() -> WorldException.invalid("`" + word + "` is not a kind of resource", "use one of "
                        + Arrays.stream(values()).map(ResourceType::word).toList()));
    }

    static List<String> words() {
        return Arrays.stream(values()).map(ResourceType::word).toList();
    }

    /**
     * The key under which the resource that owns {@code arn} is indexed: {@code service:account:part}, where
     * the part names the bucket, queue, function, key, API, secret or table ({@code null} when the ARN is not
     * one of a resource kind the world knows).
     */
    static String ownerKey(Arn arn) {
        String service = arn.service().toLowerCase(Locale.ROOT);
        String r = arn.resource();
        String part = switch (service) {
            case "s3" -> r.isEmpty() ? null : upTo(r, '/');
            case "sqs", "sns" -> r;
            case "lambda" -> r.startsWith("function:") ? upTo(r.substring("function:".length()), ':') : null;
            case "kms" -> r.startsWith("key/") ? r : null;
            case "execute-api" -> upTo(r, '/');
            case "secretsmanager" -> r.startsWith("secret:") ? r.substring("secret:".length()) : null;
            case "dynamodb" -> r.startsWith("table/") ? dynamoDbPart(r.substring("table/".length())) : null;
            default -> null;
        };
        return part == null ? null : key(service, arn.account(), part);
    }

    /** {@code T} for a table and its indexes, {@code T/stream/LABEL} for a stream (whose label has no slash). */
    private static String dynamoDbPart(String afterTable) {
        String table = upTo(afterTable, '/');
        String rest = afterTable.substring(table.length());
        return rest.startsWith("/stream/") ? table + "/stream/" + upTo(rest.substring("/stream/".length()), '/')
                : table;
    }

    static String key(String service, String account, String part) {
        return service + ":" + account + ":" + part;
    }

    private static String upTo(String s, char c) {
        int i = s.indexOf(c);
        return i < 0 ? s : s.substring(0, i);
    }
}
