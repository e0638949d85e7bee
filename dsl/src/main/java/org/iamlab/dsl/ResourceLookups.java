package org.iamlab.dsl;

import org.iamlab.engine.world.Resource;
import org.iamlab.engine.world.ResourceType;

/**
 * The lookups of resources by name or ARN that a script and a policy block both offer ({@code bucket('logs')},
 * {@code key('alias/app')}); each decides where to look first through {@link #resourceNamed}.
 */
public interface ResourceLookups {

    /** The resource of {@code type} called {@code nameOrArn}: exactly one, or an error saying what to write. */
    Resource resourceNamed(ResourceType type, String nameOrArn);

    default Resource bucket(String name) {
        return resourceNamed(ResourceType.S3_BUCKET, name);
    }

    default Resource queue(String name) {
        return resourceNamed(ResourceType.SQS_QUEUE, name);
    }

    default Resource topic(String name) {
        return resourceNamed(ResourceType.SNS_TOPIC, name);
    }

    default Resource function(String name) {
        return resourceNamed(ResourceType.LAMBDA_FUNCTION, name);
    }

    default Resource key(String alias) {
        return resourceNamed(ResourceType.KMS_KEY, alias);
    }

    default Resource api(String name) {
        return resourceNamed(ResourceType.API_GATEWAY, name);
    }

    default Resource secret(String name) {
        return resourceNamed(ResourceType.SECRET, name);
    }

    default Resource table(String name) {
        return resourceNamed(ResourceType.DYNAMODB_TABLE, name);
    }

    /** The stream of the DynamoDB table called {@code table} (or the stream with this ARN). */
    default Resource stream(String table) {
        return resourceNamed(ResourceType.DYNAMODB_STREAM, table);
    }
}
