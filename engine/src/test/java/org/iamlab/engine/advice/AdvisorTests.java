package org.iamlab.engine.advice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.iamlab.engine.authz.AuthorizationRequest;
import org.iamlab.engine.policy.PolicyKind;
import org.iamlab.engine.policy.PrincipalType;
import org.iamlab.engine.render.Examples;
import org.iamlab.engine.simulation.ScenarioReader;
import org.iamlab.engine.trace.Decision;
import org.iamlab.engine.trace.PolicyRef;
import org.iamlab.engine.trace.StatementRef;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * "What would change the answer": every suggestion is checked here again, independently of the advisor, by
 * deciding the changed request; and the suggestions the examples need are there.
 */
class AdvisorTests {

    private static final Advisor ADVISOR = new Advisor(Examples.AUTHORIZER);

    /** Re-decides the request with the suggestion's changes and checks the outcome and that no change is idle. */
    static void verify(String what, AuthorizationRequest request, Decision before, Suggestion s) {
        Decision after = Examples.AUTHORIZER.decide(Advisor.apply(request, s.changes()));
        assertEquals(s.outcome(), after, what + ": re-evaluated outcome of " + s);
        assertNotEquals(before, after, what + ": a suggestion changes the answer");
        if (before != Decision.ALLOWED) {
            assertEquals(Decision.ALLOWED, after, what + ": a denial's suggestions allow it");
        } else {
            assertNotEquals(Decision.ALLOWED, after, what + ": an allow's suggestions deny it");
        }
        for (int i = 0; s.changes().size() > 1 && i < s.changes().size(); i++) {
            List<Change> fewer = new ArrayList<>(s.changes());
            Change left = fewer.remove(i);
            Decision without = Examples.AUTHORIZER.decide(Advisor.apply(request, fewer));
            assertEquals(before == Decision.ALLOWED, without == Decision.ALLOWED,
                    what + ": without " + left + " the answer stays as it was, so the change is needed");
        }
    }

    @TestFactory
    Stream<DynamicTest> everySuggestionForTheExamplesIsConfirmedByReEvaluation() {
        return Examples.NAMES.stream().map(name -> DynamicTest.dynamicTest(name, () -> {
            Examples.Example e = Examples.load(name);
            assertFalse(e.advice().suggestions().isEmpty(), name + " has suggestions");
            for (Suggestion s : e.advice().suggestions()) {
                verify(name, e.request(), e.trace().decision(), s);
            }
        }));
    }

    @Nested
    class ForADenial {

        @Test
        void anExplicitDenyCanBeLiftedByRemovingTheDenyStatementOrByTheContextItsConditionNeeds() {
            Examples.Example e = Examples.load("explicit-deny");
            PolicyRef protect = PolicyRef.of(PolicyKind.IDENTITY, "ProtectAudit");
            assertEquals(List.of(
                    new Suggestion(List.of(new Change.RemoveStatement(new StatementRef(protect, 0, "NoDeleteWithoutMfa"))),
                            Decision.ALLOWED),
                    new Suggestion(List.of(new Change.SetContext("aws:MultiFactorAuthPresent", List.of("true"))),
                            Decision.ALLOWED)), e.advice().suggestions());
        }

        @Test
        void aMissingIdentityAllowGoesIntoThePrincipalsPolicy() {
            Change change = only(Examples.load("implicit-deny-identity"));
            Change.AddStatement add = (Change.AddStatement) change;
            assertEquals(PolicyRef.of(PolicyKind.IDENTITY, "ReadOrders"), add.policy());
            assertFalse(add.newPolicy());
            assertEquals(List.of("dynamodb:PutItem"), add.statement().action().patterns().values());
            assertEquals(List.of("arn:aws:dynamodb:us-east-1:111122223333:table/Orders"),
                    add.statement().resource().patterns().values());
        }

        @Test
        void aLevelOfSCPsWithoutAllowGetsOne() {
            Change.AddStatement add = (Change.AddStatement) only(Examples.load("scp-no-allow"));
            assertEquals(new PolicyRef(PolicyKind.SERVICE_CONTROL, "OnlyS3", "ou-sandbox"), add.policy());
        }

        @Test
        void aSessionPolicyWithoutAllowGetsOne() {
            Change.AddStatement add = (Change.AddStatement) only(Examples.load("session-policy"));
            assertEquals(PolicyKind.SESSION, add.policy().kind());
        }

        @Test
        void acrossAccountsTheOtherSideGrantsOrTheContextSatisfiesItsCondition() {
            List<Suggestion> suggestions = Examples.load("cross-account-implicit-deny").advice().suggestions();
            assertEquals(2, suggestions.size());
            assertEquals(List.of(new Change.SetContext("aws:SourceIp", List.of("203.0.113.1"))),
                    suggestions.get(0).changes());
            Change.AddStatement grant = (Change.AddStatement) suggestions.get(1).changes().get(0);
            assertEquals(PolicyKind.RESOURCE, grant.policy().kind());
            assertEquals(List.of("arn:aws:iam::111122223333:user/alice"),
                    grant.statement().principal().principals().get(PrincipalType.AWS).values());
        }

        @Test
        void aTrustPolicyConditionIsSatisfiedByThePolicysOwnValue() {
            List<Suggestion> suggestions = Examples.load("trust-policy").advice().suggestions();
            assertEquals(new Change.SetContext("token.actions.githubusercontent.com:sub",
                    List.of("repo:example/shop:ref:refs/heads/main")), suggestions.get(0).changes().get(0));
        }

        @Test
        void withoutAnyPolicyANewIdentityPolicyIsSuggestedAndMoreAllowsAreChainedUntilAllowed() {
            AuthorizationRequest session = Examples.load("session-policy").request();
            AuthorizationRequest request = new AuthorizationRequest(session.request(), List.of(),
                    session.resourcePolicy(), session.permissionsBoundary(), session.sessionPolicy(),
                    session.serviceControlPolicies(), session.resourceControlPolicies());
            Advice advice = ADVISOR.advise(request);
            assertEquals(Decision.IMPLICITLY_DENIED, advice.decision());
            Suggestion s = advice.suggestions().get(0);
            assertEquals(2, s.changes().size(), "a new identity-based policy, then the session policy: " + s);
            Change.AddStatement identity = (Change.AddStatement) s.changes().get(0);
            assertTrue(identity.newPolicy());
            assertEquals(PolicyKind.IDENTITY, identity.policy().kind());
            assertEquals(PolicyKind.SESSION, ((Change.AddStatement) s.changes().get(1)).policy().kind());
            verify("no identity policy", request, advice.decision(), s);
        }
    }

    @Nested
    class ForAnAllow {

        @Test
        void eachStatementWhoseRemovalDeniesIsNamed() {
            Examples.Example e = Examples.load("allowed");
            List<Change> removals = e.advice().suggestions().stream().map(s -> s.changes().get(0))
                    .filter(c -> c instanceof Change.RemoveStatement).toList();
            assertEquals(List.of("ReadLogObjects", "#1", "#1", "#1"), removals.stream()
                    .map(c -> ((Change.RemoveStatement) c).statement().label()).toList());
            assertEquals(List.of(PolicyKind.IDENTITY, PolicyKind.SERVICE_CONTROL, PolicyKind.SERVICE_CONTROL,
                    PolicyKind.PERMISSIONS_BOUNDARY), removals.stream()
                    .map(c -> ((Change.RemoveStatement) c).statement().policy().kind()).toList());
        }

        @Test
        void aGrantWithAConditionIsLostWithoutTheContextItNeeds() {
            assertTrue(Examples.load("allowed").advice().suggestions().contains(new Suggestion(
                    List.of(new Change.SetContext("aws:SourceIp", null)), Decision.IMPLICITLY_DENIED)));
        }

        @Test
        void aDenyThatFailsOnlyOnItsConditionIsTriggeredByTheContextItNeeds() {
            Examples.Example e = Examples.load("explicit-deny");
            AuthorizationRequest withMfa = Advisor.apply(e.request(),
                    List.of(new Change.SetContext("aws:MultiFactorAuthPresent", List.of("true"))));
            Advice advice = ADVISOR.advise(withMfa);
            assertEquals(Decision.ALLOWED, advice.decision());
            assertTrue(advice.suggestions().contains(new Suggestion(List.of(new Change.SetContext(
                    "aws:MultiFactorAuthPresent", List.of("false"))), Decision.EXPLICITLY_DENIED)), advice.toString());
        }

        @Test
        void whenTwoStatementsGrantNeitherAloneIsSuggestedButBothTogetherAre() {
            String source = renderSource("allowed").replace("\"Sid\": \"WriteOwnNotes\", \"Effect\": \"Allow\", "
                    + "\"Action\": \"s3:PutObject\"", "\"Sid\": \"AlsoRead\", \"Effect\": \"Allow\", \"Action\": \"s3:Get*\"")
                    .replace("\"arn:aws:s3:::my-company-notes/${aws:username}/*\"", "\"*\"");
            AuthorizationRequest request = new ScenarioReader().read(source, 1).request();
            Advice advice = ADVISOR.advise(request);
            assertEquals(Decision.ALLOWED, advice.decision());
            List<Suggestion> identity = advice.suggestions().stream().filter(x -> x.changes().stream()
                    .anyMatch(c -> c instanceof Change.RemoveStatement r
                            && r.statement().policy().kind() == PolicyKind.IDENTITY)).toList();
            assertEquals(1, identity.size(), advice.toString());
            Suggestion both = identity.get(0);
            assertEquals(List.of("ReadLogObjects", "AlsoRead"), both.changes().stream()
                    .map(c -> ((Change.RemoveStatement) c).statement().label()).toList());
            verify("two grants", request, Decision.ALLOWED, both);
        }
    }

    @Test
    void theRequestAdvisedOnIsLeftAsItWas() {
        Examples.Example e = Examples.load("explicit-deny");
        ADVISOR.advise(e.request());
        assertEquals(Decision.EXPLICITLY_DENIED, Examples.AUTHORIZER.decide(e.request()));
        assertEquals(2, e.request().identityPolicies().get(1).policy().document().statements().size() + 1);
    }

    @Test
    void removingSeveralStatementsOfOnePolicyRemovesExactlyThose() {
        Examples.Example e = Examples.load("allowed");
        PolicyRef readLogs = PolicyRef.of(PolicyKind.IDENTITY, "ReadLogs");
        AuthorizationRequest changed = Advisor.apply(e.request(), List.of(
                new Change.RemoveStatement(new StatementRef(readLogs, 0, "ReadLogObjects")),
                new Change.RemoveStatement(new StatementRef(readLogs, 1, "WriteOwnNotes"))));
        assertTrue(changed.identityPolicies().get(0).policy().document().statements().isEmpty());
        AuthorizationRequest one = Advisor.apply(e.request(), List.of(
                new Change.RemoveStatement(new StatementRef(readLogs, 0, "ReadLogObjects"))));
        assertEquals("WriteOwnNotes", one.identityPolicies().get(0).policy().document().statements().get(0).sid());
    }

    @Test
    void aChangeToAPolicyTheRequestDoesNotHaveIsRefused() {
        Examples.Example e = Examples.load("allowed");
        assertThrows(IllegalArgumentException.class, () -> Advisor.apply(e.request(), List.of(
                new Change.RemoveStatement(new StatementRef(PolicyRef.of(PolicyKind.IDENTITY, "Nope"), 0, null)))));
    }

    @Test
    void keysThatComeFromTheCallerAreNeverSuggested() {
        assertFalse(ContextCandidates.changeable("aws:PrincipalArn"));
        assertFalse(ContextCandidates.changeable("AWS:username"));
        assertTrue(ContextCandidates.changeable("aws:SourceIp"));
    }

    @Test
    void anAddressInsideARangeIsItsFirstHost() {
        assertEquals("203.0.113.1", ContextCandidates.addressIn("203.0.113.0/24"));
        assertEquals("10.0.0.1", ContextCandidates.addressIn("10.1.2.3/8"));
        assertEquals("192.0.2.7", ContextCandidates.addressIn("192.0.2.7/32"));
        assertEquals("2001:db8::", ContextCandidates.addressIn("2001:db8::/32"));
    }

    @Test
    void sidsAreLettersAndDigits() {
        assertEquals("AllowS3GetObject", Advisor.sidFor("s3:GetObject"));
        assertEquals("AllowExecuteApiInvoke", Advisor.sidFor("execute-api:Invoke"));
    }

    /**
     * Over the whole case corpus (every rule the evaluator pins down): every suggestion made is confirmed by
     * re-evaluation, and most denials get at least one.
     */
    @Test
    void acrossTheCaseCorpusEverySuggestionIsConfirmedAndMostDenialsGetOne() {
        int denials = 0;
        int denialsWithAdvice = 0;
        int suggestions = 0;
        ScenarioReader reader = new ScenarioReader();
        for (String[] c : Examples.corpus()) {
            AuthorizationRequest request = reader.read(c[1], 1).request();
            Advice advice = ADVISOR.advise(request);
            for (Suggestion s : advice.suggestions()) {
                verify(c[0], request, advice.decision(), s);
                suggestions++;
            }
            if (advice.decision() != Decision.ALLOWED) {
                denials++;
                denialsWithAdvice += advice.suggestions().isEmpty() ? 0 : 1;
            }
        }
        assertTrue(denials > 100, "denials in the corpus: " + denials);
        assertTrue(denialsWithAdvice >= denials * 0.95, denialsWithAdvice + " of " + denials + " denials have advice");
        assertTrue(suggestions > denials, "suggestions: " + suggestions);
    }

    private static String renderSource(String name) {
        try (InputStream in = AdvisorTests.class.getResourceAsStream("/render/" + name + ".json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Change only(Examples.Example e) {
        assertEquals(1, e.advice().suggestions().size(), e.advice().toString());
        assertEquals(1, e.advice().suggestions().get(0).changes().size());
        return e.advice().suggestions().get(0).changes().get(0);
    }
}
