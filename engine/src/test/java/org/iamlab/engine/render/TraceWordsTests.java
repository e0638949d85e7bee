package org.iamlab.engine.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import org.iamlab.engine.trace.ConditionResult;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Conditions as sentences: the request's value against the policy's, in words a learner can check. */
class TraceWordsTests {

    private static ConditionResult c(String operator, String key, List<String> request, boolean holds,
                                     String... policy) {
        return new ConditionResult(operator, key, request, Arrays.asList(policy), holds);
    }

    @Nested
    class SingleValues {

        @Test
        void anAddressOutsideTheRangeIsNotInIt() {
            assertEquals("aws:SourceIp 198.51.100.23 is not in 203.0.113.0/24", TraceWords.condition(
                    c("IpAddress", "aws:SourceIp", List.of("198.51.100.23"), false, "203.0.113.0/24")));
        }

        @Test
        void aNegatedOperatorThatHoldsSaysTheSame() {
            assertEquals("aws:SourceIp 198.51.100.23 is not in 203.0.113.0/24 or 192.0.2.0/24", TraceWords.condition(
                    c("NotIpAddress", "aws:SourceIp", List.of("198.51.100.23"), true, "203.0.113.0/24",
                            "192.0.2.0/24")));
        }

        @Test
        void stringsAreOrAreNotOneOfThePolicyValues() {
            assertEquals("aws:username alice is none of bob, carol", TraceWords.condition(
                    c("StringEquals", "aws:username", List.of("alice"), false, "bob", "carol")));
            assertEquals("s3:prefix home/alice/notes matches home/alice/*", TraceWords.condition(
                    c("StringLike", "s3:prefix", List.of("home/alice/notes"), true, "home/alice/*")));
        }

        @Test
        void numbersAndDatesAreCompared() {
            assertEquals("s3:max-keys 500 is more than 100", TraceWords.condition(
                    c("NumericLessThanEquals", "s3:max-keys", List.of("500"), false, "100")));
            assertEquals("aws:CurrentTime 2026-06-01T12:00:00Z is not before 2026-01-01T00:00:00Z",
                    TraceWords.condition(c("DateLessThan", "aws:CurrentTime", List.of("2026-06-01T12:00:00Z"), false,
                            "2026-01-01T00:00:00Z")));
        }

        @Test
        void booleansSayWhatThePolicyAsksFor() {
            assertEquals("aws:SecureTransport is false, not true", TraceWords.condition(
                    c("Bool", "aws:SecureTransport", List.of("false"), false, "true")));
            assertEquals("aws:MultiFactorAuthPresent is false, as the policy asks", TraceWords.condition(
                    c("BoolIfExists", "aws:MultiFactorAuthPresent", List.of("false"), true, "false")));
        }

        @Test
        void anUnresolvedVariableIsNamedAsSuch() {
            assertEquals("aws:ResourceTag/team dev is not (an unresolved policy variable)", TraceWords.condition(
                    c("StringEquals", "aws:ResourceTag/team", List.of("dev"), false, (String) null)));
        }
    }

    @Nested
    class MissingKeys {

        @Test
        void aMissingKeyMakesAPlainOperatorFalse() {
            assertEquals("aws:SourceIp key missing, so IpAddress is false", TraceWords.condition(
                    c("IpAddress", "aws:SourceIp", null, false, "203.0.113.0/24")));
        }

        @Test
        void aMissingKeyMakesIfExistsTrue() {
            assertEquals("aws:MultiFactorAuthPresent key missing, so BoolIfExists is true", TraceWords.condition(
                    c("BoolIfExists", "aws:MultiFactorAuthPresent", null, true, "false")));
        }

        @Test
        void nullSaysWhetherTheKeyShouldBeThere() {
            assertEquals("aws:TokenIssueTime key missing, and Null true asks for it to be missing",
                    TraceWords.condition(c("Null", "aws:TokenIssueTime", null, true, "true")));
            assertEquals("aws:RequestTag/env is present (prod), and Null true asks for it to be missing",
                    TraceWords.condition(c("Null", "aws:RequestTag/env", List.of("prod"), false, "true")));
        }
    }

    @Nested
    class SetsOfValues {

        @Test
        void forAnyValueNeedsOneMatch() {
            assertEquals("aws:TagKeys [team, env]: at least one is one of team, owner", TraceWords.condition(
                    c("ForAnyValue:StringEquals", "aws:TagKeys", List.of("team", "env"), true, "team", "owner")));
            assertEquals("aws:TagKeys [cost, env]: none is one of team, owner", TraceWords.condition(
                    c("ForAnyValue:StringEquals", "aws:TagKeys", List.of("cost", "env"), false, "team", "owner")));
        }

        @Test
        void forAllValuesNeedsEveryOne() {
            assertEquals("aws:TagKeys [team, env]: at least one is not one of team, owner", TraceWords.condition(
                    c("ForAllValues:StringEquals", "aws:TagKeys", List.of("team", "env"), false, "team", "owner")));
            assertEquals("aws:TagKeys [team, env]: none is one of admin, root", TraceWords.condition(
                    c("ForAllValues:StringNotEquals", "aws:TagKeys", List.of("team", "env"), true, "admin", "root")));
        }
    }
}
