package org.iamlab.dsl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.iamlab.engine.trace.Decision;
import org.iamlab.engine.world.Answer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A DynamoDB stream has a resource-based policy of its own, attached to the stream's ARN
 * ({@code table/T/stream/LABEL}); the table's policy does not cover the stream. Amazon DynamoDB Developer Guide:
 * "Using resource-based policies for DynamoDB", "Attach a resource-based policy to a DynamoDB stream".
 */
class DynamoDbStreamPolicyTests {

    final LabFixture f = new LabFixture();

    @BeforeEach
    void world() {
        f.run("""
                account('111122223333') {
                    role('reports') { trustService 'lambda.amazonaws.com' }
                    table('orders') {
                        policy { allow 'dynamodb:GetRecords' principal role('reports') on '*' }
                        enableStream()
                    }
                }
                """);
    }

    Decision decision(String script) {
        return ((Answer) f.run(script)).decision();
    }

    @Test
    void aStreamsArnIsItsTablesWithTheLabelOfWhenItWasEnabled() {
        assertEquals("arn:aws:dynamodb:us-east-1:111122223333:table/orders/stream/2026-01-05T09:00:00.000",
                f.run("stream('orders').arn()"));
    }

    @Test
    void theTablesPolicyDoesNotCoverItsStream() {
        assertEquals(Decision.IMPLICITLY_DENIED,
                decision("explain role('reports'), 'dynamodb:GetRecords', stream('orders')"));
    }

    @Test
    void aStreamPolicyAllowsOnTheStreamAndNotOnTheTable() {
        f.run("edit(stream('orders')) { policy { allow 'dynamodb:GetRecords', 'dynamodb:DescribeStream' principal"
                + " role('reports') } }");
        Answer a = (Answer) f.run("explain role('reports'), 'dynamodb:DescribeStream', stream('orders')");
        assertEquals(Decision.ALLOWED, a.decision());
        assertTrue(a.text().contains("resource-based policy orders"), a.text());
        assertEquals(Decision.IMPLICITLY_DENIED,
                decision("explain role('reports'), 'dynamodb:DescribeStream', table('orders')"));
    }

    @Test
    void aStreamPolicyIsWrittenInTheStreamsBlock() {
        f.run("""
                account('111122223333') {
                    table('events') {
                        enableStream { policy { allow 'dynamodb:GetRecords' principal role('reports') } }
                    }
                }
                """);
        assertEquals(Decision.ALLOWED, decision("explain role('reports'), 'dynamodb:GetRecords', stream('events')"));
        assertTrue(f.run("export(stream('events'))").toString().contains("table/events/stream/"));
    }

    @Test
    void onlyATableHasAStream() {
        ScriptFailure e = assertThrows(ScriptFailure.class, () -> f.run("account('111122223333') {"
                + " queue('jobs') { enableStream() } }"));
        assertEquals("only a DynamoDB table has a stream, not SQS queue `jobs`", e.problem());
    }
}
