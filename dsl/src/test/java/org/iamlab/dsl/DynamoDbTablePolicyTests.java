package org.iamlab.dsl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.iamlab.engine.trace.Decision;
import org.iamlab.engine.world.Answer;
import org.junit.jupiter.api.Test;

/**
 * DynamoDB tables take resource-based policies (since March 2024), evaluated like any other resource policy.
 * Amazon DynamoDB Developer Guide: "Using resource-based policies for DynamoDB" and "Resource-based policy
 * examples"; AWS IAM User Guide: "Policy evaluation logic", "Cross-account policy evaluation logic".
 */
class DynamoDbTablePolicyTests {

    final LabFixture f = new LabFixture();

    static final String TABLE = "arn:aws:dynamodb:us-east-1:111122223333:table/orders";

    Answer answer(String script) {
        return (Answer) f.run(script);
    }

    @Test
    void inOneAccountATablePolicyNamingARoleAllowsWithoutAnIdentityPolicy() {
        f.run("""
                account('111122223333') {
                    def reports = role('reports') { trustService 'lambda.amazonaws.com' }
                    table('orders') { policy { allow 'dynamodb:GetItem' principal reports } }
                }
                """);
        Answer a = answer("explain role('reports'), 'dynamodb:GetItem', table('orders')");
        assertEquals(Decision.ALLOWED, a.decision());
        assertTrue(a.text().startsWith("Allowed: allowed by statement #1 in resource-based policy orders"), a.text());
        assertEquals(Decision.IMPLICITLY_DENIED,
                answer("explain role('reports'), 'dynamodb:DeleteItem', table('orders')").decision());
    }

    @Test
    void acrossAccountsTheTablePolicyAndTheCallersPolicyMustBothAllow() {
        f.run("""
                account('444455556666') {
                    analytics = role('analytics') {
                        trustAccount '444455556666'
                        inline('Orders') { allow 'dynamodb:GetItem' on '%s' }
                    }
                    intern = role('intern') { trustAccount '444455556666' }
                }
                account('111122223333') {
                    table('orders') { policy { allow 'dynamodb:GetItem' principal analytics, intern } }
                    table('invoices')
                }
                """.formatted(TABLE));
        assertEquals(Decision.ALLOWED,
                answer("explain role('analytics'), 'dynamodb:GetItem', table('orders')").decision());
        assertEquals(Decision.IMPLICITLY_DENIED,
                answer("explain role('intern'), 'dynamodb:GetItem', table('orders')").decision());
        f.run("account('444455556666') { role('auditor') { trustAccount '444455556666'; inline('All') {"
                + " allow 'dynamodb:GetItem' on '*' } } }");
        assertEquals(Decision.IMPLICITLY_DENIED,
                answer("explain role('auditor'), 'dynamodb:GetItem', table('invoices')").decision());
    }

    @Test
    void aTablePolicyCoversAnIndexOnlyWhenItsResourceNamesTheIndex() {
        f.run("""
                account('111122223333') {
                    def reports = role('reports') { trustService 'lambda.amazonaws.com' }
                    table('orders') { policy { allow 'dynamodb:Query' principal reports } }
                    table('invoices') {
                        policy {
                            allow 'dynamodb:Query' principal reports on '%1$s', '%1$s/index/*'
                        }
                    }
                }
                """.formatted(TABLE.replace("orders", "invoices")));
        assertEquals(Decision.IMPLICITLY_DENIED,
                answer("explain role('reports'), 'dynamodb:Query', table('orders').arn + '/index/by-customer'").decision());
        assertEquals(Decision.ALLOWED,
                answer("explain role('reports'), 'dynamodb:Query', table('invoices').arn + '/index/by-customer'").decision());
    }

    @Test
    void aTablesPolicyIsExportedAsItsJson() {
        f.run("""
                account('111122223333') {
                    def reports = role('reports') { trustService 'lambda.amazonaws.com' }
                    table('orders') { policy { allow 'dynamodb:GetItem' principal reports } }
                }
                """);
        String json = (String) f.run("export(table('orders'))");
        assertTrue(json.contains("\"Resource\" : \"" + TABLE + "\""), json);
        assertTrue(json.contains("arn:aws:iam::111122223333:role/reports"), json);
    }
}
