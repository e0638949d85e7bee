package org.iamlab.engine.world;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * DynamoDB Developer Guide, "Using resource-based policies for DynamoDB": a table and its stream are separate
 * resources, each with its own resource-based policy; a request on the stream's ARN finds the stream.
 */
class DynamoDbStreamTests {

    final World world = new World();
    final Account dev = world.createAccount("111122223333", "dev");
    final Resource table = dev.createResource(ResourceType.DYNAMODB_TABLE, "orders", null);

    @Test
    void aRequestOnAStreamArnFindsTheStreamNotItsTable() {
        Resource stream = dev.enableStream(table);
        assertSame(stream, world.resourceFor(stream.arn()).orElseThrow());
        assertSame(table, world.resourceFor(table.arn() + "/index/by-customer").orElseThrow());
        assertTrue(world.resourceFor(table.arn() + "/stream/2020-01-01T00:00:00.000").isEmpty(),
                "a stream label the world does not have is no resource of it");
    }

    @Test
    void aTableHasOneStreamWhichCannotBeCreatedAlone() {
        assertSame(dev.enableStream(table), dev.enableStream(table));
        assertEquals(dev.stream(table).orElseThrow().arn(), table.arn() + "/stream/2026-01-05T09:00:00.000");
        assertThrows(WorldException.class, () -> dev.createResource(ResourceType.DYNAMODB_STREAM, "orders", null));
    }
}
