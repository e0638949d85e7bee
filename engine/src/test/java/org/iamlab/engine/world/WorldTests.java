package org.iamlab.engine.world;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.iamlab.engine.policy.PolicyKind;
import org.iamlab.engine.trace.Decision;
import org.iamlab.engine.trace.Step;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class WorldTests {

    static PolicyText identity(String statements) {
        return PolicyText.parse("{\"Version\": \"2012-10-17\", \"Statement\": [" + statements + "]}", PolicyKind.IDENTITY);
    }

    static PolicyText trust(String statements) {
        return PolicyText.parse("{\"Version\": \"2012-10-17\", \"Statement\": [" + statements + "]}", PolicyKind.TRUST);
    }

    static PolicyText resource(String statements) {
        return PolicyText.parse("{\"Version\": \"2012-10-17\", \"Statement\": [" + statements + "]}",
                PolicyKind.RESOURCE);
    }

    static final String READ_LOGS = "{\"Effect\": \"Allow\", \"Action\": [\"s3:GetObject\", \"s3:ListBucket\"],"
            + " \"Resource\": [\"arn:aws:s3:::logs\", \"arn:aws:s3:::logs/*\"]}";

    final World world = new World();
    final Account dev = world.createAccount("111122223333", "dev");

    @Nested
    class GatheringPolicies {

        @Test
        void aUserGetsItsGroupsPoliciesToo() {
            User alice = dev.createUser("alice", "/");
            Group readers = dev.createGroup("readers", "/");
            readers.putInline(new InlinePolicy("ReadLogs", identity(READ_LOGS)));
            assertEquals(Decision.IMPLICITLY_DENIED, world.decide(alice, "s3:GetObject", "arn:aws:s3:::logs/a", null));
            readers.add(alice);
            Answer a = world.explain(alice, "s3:GetObject", "arn:aws:s3:::logs/a", null);
            assertEquals(Decision.ALLOWED, a.decision());
            assertTrue(a.text().contains("ReadLogs (inline, group readers)"), a.text());
        }

        @Test
        void awsManagedPoliciesComeFromTheCatalogue() {
            User bob = dev.createUser("bob", "/");
            bob.attach(dev.policy("ReadOnlyAccess"));
            assertTrue(world.explain(bob, "s3:GetObject", "arn:aws:s3:::any/x", null).allowed());
            assertFalse(world.explain(bob, "s3:PutObject", "arn:aws:s3:::any/x", null).allowed());
        }

        @Test
        void anAwsManagedPolicyIsAwssOwnTextSoItsActionsAreNotFlaggedAsTypos() {
            // ReadOnlyAccess still names services that AWS has retired (deepcomposer, iot1click), which the action
            // catalogue no longer lists; a learner who attaches it made no mistake to warn about
            Policy readOnly = dev.policy("ReadOnlyAccess");
            assertTrue(readOnly.text().json().contains("deepcomposer:"), "the case this test is about");
            assertEquals(List.of(), readOnly.text().warnings());
            User bob = dev.createUser("bob", "/");
            bob.attach(readOnly);
            assertFalse(world.explain(bob, "s3:GetObject", "arn:aws:s3:::any/x", null).text().contains("warning"));
            assertEquals(1, PolicyText.parse(readOnly.text().json(), PolicyKind.IDENTITY).warnings().stream()
                    .filter(w -> w.message().contains("`deepcomposer` is not an AWS service prefix")).count(),
                    "the same text written by a learner is still checked");
        }

        @Test
        void theContextCarriesTheCallersFacts() {
            User alice = dev.createUser("alice", "/eng/");
            alice.tag("team", "blue");
            Map<String, List<String>> c = world.request(alice, "s3:GetObject", "arn:aws:s3:::x", null).request()
                    .context();
            assertEquals(List.of("alice"), c.get("aws:username"));
            assertEquals(List.of(alice.id()), c.get("aws:userid"));
            assertEquals(List.of("arn:aws:iam::111122223333:user/eng/alice"), c.get("aws:PrincipalArn"));
            assertEquals(List.of("blue"), c.get("aws:PrincipalTag/team"));
            assertEquals(List.of("2026-01-05T09:00:00Z"), c.get("aws:CurrentTime"));
        }

        @Test
        void theLearnersValuesOverrideTheWorldsAndNullRemovesAKey() {
            User alice = dev.createUser("alice", "/");
            Map<String, Object> overrides = new java.util.HashMap<>();
            overrides.put("AWS:SecureTransport", false);
            overrides.put("aws:username", null);
            Map<String, List<String>> c = world.request(alice, "s3:GetObject", "arn:aws:s3:::x", overrides)
                    .request().context();
            assertEquals(List.of("false"), c.get("AWS:SecureTransport"));
            assertFalse(c.containsKey("aws:SecureTransport"));
            assertFalse(c.containsKey("aws:username"));
        }
    }

    @Nested
    class Naming {

        @Test
        void unknownNamesSuggestTheClosest() {
            dev.createUser("alice", "/");
            WorldException e = assertThrows(WorldException.class, () -> dev.user("alise"));
            assertEquals("NoSuchEntity", e.code());
            assertEquals("did you mean `alice`?", e.hint());
            assertEquals("The user with name alise cannot be found.", e.awsMessage());
        }

        @Test
        void namesAreUniqueIgnoringCase() {
            dev.createGroup("Admins", "/");
            WorldException e = assertThrows(WorldException.class, () -> dev.createGroup("admins", "/"));
            assertEquals("EntityAlreadyExists", e.code());
        }

        @Test
        void accountIdsAreTwelveDigits() {
            WorldException e = assertThrows(WorldException.class, () -> world.createAccount("12345", null));
            assertTrue(e.getMessage().contains("12 digits"), e.getMessage());
        }

        @Test
        void aUserHasAtMostTwoAccessKeys() {
            User alice = dev.createUser("alice", "/");
            User.NewAccessKey first = alice.createAccessKey();
            assertEquals(40, first.secret().length());
            assertTrue(first.key().id().startsWith("AKIA"));
            alice.createAccessKey();
            WorldException e = assertThrows(WorldException.class, alice::createAccessKey);
            assertEquals("Cannot exceed quota for AccessKeysPerUser: 2", e.awsMessage());
            assertEquals(alice, world.callerFor(first.key().id()));
        }
    }

    @Nested
    class AssumingRoles {

        Role deployer() {
            return dev.createRole("deployer", "/", trust("{\"Effect\": \"Allow\", \"Principal\": {\"AWS\":"
                    + " \"arn:aws:iam::111122223333:root\"}, \"Action\": \"sts:AssumeRole\"}"));
        }

        @Test
        void aSessionExpiresOnTheWorldsClock() {
            Role role = deployer();
            role.putInline(new InlinePolicy("Read", identity(READ_LOGS)));
            User alice = dev.createUser("alice", "/");
            alice.putInline(new InlinePolicy("Assume", identity("{\"Effect\": \"Allow\", \"Action\":"
                    + " \"sts:AssumeRole\", \"Resource\": \"" + role.arn() + "\"}")));
            Sts.Result r = world.sts().assumeRole(alice, role, "alice-session",
                    new Sts.Options().duration(Duration.ofMinutes(30)));
            assertEquals("arn:aws:sts::111122223333:assumed-role/deployer/alice-session", r.session().arn());
            assertTrue(world.explain(r.session(), "s3:GetObject", "arn:aws:s3:::logs/a", null).allowed());
            world.clock().advance(Duration.ofMinutes(31));
            WorldException e = assertThrows(WorldException.class,
                    () -> world.explain(r.session(), "s3:GetObject", "arn:aws:s3:::logs/a", null));
            assertEquals("ExpiredToken", e.code());
        }

        @Test
        void aTrustPolicyThatNamesTheAccountStillNeedsTheCallersOwnAllow() {
            Role role = deployer();
            User bob = dev.createUser("bob", "/");
            WorldException e = assertThrows(WorldException.class,
                    () -> world.sts().assumeRole(bob, role, "bob", null));
            assertEquals("AccessDenied", e.code());
            assertEquals(Step.IDENTITY_POLICIES, e.answer().orElseThrow().trace().decidingStep());
        }

        // IAM User Guide, "Passing session tags in AWS STS": the trust policy must allow sts:TagSession.
        @Test
        void sessionTagsNeedTheTrustPolicyToAllowTagSessionEvenWhenTheIdentityPolicyDoes() {
            Role role = dev.createRole("tagged", "/", trust("{\"Effect\": \"Allow\", \"Principal\": {\"AWS\":"
                    + " \"arn:aws:iam::111122223333:user/alice\"}, \"Action\": \"sts:AssumeRole\"}"));
            User alice = dev.createUser("alice", "/");
            alice.putInline(new InlinePolicy("Assume", identity("{\"Effect\": \"Allow\", \"Action\":"
                    + " [\"sts:AssumeRole\", \"sts:TagSession\"], \"Resource\": \"" + role.arn() + "\"}")));
            assertEquals("arn:aws:sts::111122223333:assumed-role/tagged/plain",
                    world.sts().assumeRole(alice, role, "plain", null).session().arn());
            WorldException e = assertThrows(WorldException.class, () -> world.sts().assumeRole(alice, role, "tagged",
                    new Sts.Options().tag("team", "data")));
            assertEquals(Step.RESOURCE_POLICY, e.answer().orElseThrow().trace().decidingStep());
            assertEquals("sts:TagSession", e.answer().orElseThrow().request().request().action());
        }

        @Test
        void aDurationBeyondTheRolesMaximumIsRefused() {
            Role role = deployer();
            User alice = dev.createUser("alice", "/");
            WorldException e = assertThrows(WorldException.class, () -> world.sts().assumeRole(alice, role, "long-session",
                    new Sts.Options().duration(Duration.ofHours(2))));
            assertEquals("The requested DurationSeconds exceeds the MaxSessionDuration set for this role.",
                    e.awsMessage());
        }
    }

    @Nested
    class Federation {

        @Test
        void webIdentityClaimsBecomeTheProvidersConditionKeys() {
            OidcProvider p = dev.createOidcProvider("https://token.actions.githubusercontent.com",
                    List.of("sts.amazonaws.com"), List.of());
            Role ci = dev.createRole("ci", "/", trust("{\"Effect\": \"Allow\", \"Principal\": {\"Federated\": \""
                    + p.arn() + "\"}, \"Action\": \"sts:AssumeRoleWithWebIdentity\", \"Condition\": {\"StringLike\":"
                    + " {\"token.actions.githubusercontent.com:sub\": \"repo:acme/*\"}}}"));
            Sts.Result r = world.sts().assumeRoleWithWebIdentity(ci, "build-1", Map.of("iss", p.url(),
                    "aud", "sts.amazonaws.com", "sub", "repo:acme/app:ref:refs/heads/main"), null);
            assertEquals(List.of("repo:acme/app:ref:refs/heads/main"), r.answer().request().request().context()
                    .get("token.actions.githubusercontent.com:sub"));
            WorldException e = assertThrows(WorldException.class, () -> world.sts().assumeRoleWithWebIdentity(ci,
                    "build-2", Map.of("iss", "https://gitlab.example.com", "aud", "x", "sub", "y"), null));
            assertEquals("No OpenIDConnect provider found in your account for https://gitlab.example.com",
                    e.awsMessage());
        }

        // IAM User Guide, "Passing session tags using AssumeRoleWithWebIdentity": the trust policy must allow
        // sts:TagSession beside sts:AssumeRoleWithWebIdentity.
        @Test
        void webIdentitySessionTagsNeedTagSessionInTheTrustPolicy() {
            OidcProvider p = dev.createOidcProvider("https://token.actions.githubusercontent.com",
                    List.of("sts.amazonaws.com"), List.of());
            String trust = "{\"Effect\": \"Allow\", \"Principal\": {\"Federated\": \"" + p.arn() + "\"}, \"Action\": ";
            Map<String, String> token = Map.of("iss", p.url(), "aud", "sts.amazonaws.com", "sub", "repo:acme/app");
            Role assumeOnly = dev.createRole("assume-only", "/", trust(trust + "\"sts:AssumeRoleWithWebIdentity\"}"));
            WorldException e = assertThrows(WorldException.class, () -> world.sts().assumeRoleWithWebIdentity(
                    assumeOnly, "b1", token, new Sts.Options().tag("team", "data")));
            assertEquals("sts:TagSession", e.answer().orElseThrow().request().request().action());
            Role withTags = dev.createRole("with-tags", "/", trust(trust
                    + "[\"sts:AssumeRoleWithWebIdentity\", \"sts:TagSession\"]}"));
            assertEquals("arn:aws:sts::111122223333:assumed-role/with-tags/b2", world.sts().assumeRoleWithWebIdentity(
                    withTags, "b2", token, new Sts.Options().tag("team", "data")).session().arn());
        }

        @Test
        void aSessionAssumingAnotherRoleGetsAtMostAnHour() {
            Role first = dev.createRole("first", "/", trust("{\"Effect\": \"Allow\", \"Principal\": {\"AWS\":"
                    + " \"111122223333\"}, \"Action\": \"sts:AssumeRole\"}"));
            first.putInline(new InlinePolicy("Chain", identity("{\"Effect\": \"Allow\", \"Action\":"
                    + " \"sts:AssumeRole\", \"Resource\": \"*\"}")));
            Role second = dev.createRole("second", "/", first.trustPolicy());
            second.maxSessionDuration(Duration.ofHours(4));
            User alice = dev.createUser("alice", "/");
            alice.putInline(new InlinePolicy("Assume", identity("{\"Effect\": \"Allow\", \"Action\":"
                    + " \"sts:AssumeRole\", \"Resource\": \"*\"}")));
            Session s = world.sts().assumeRole(alice, first, "hop-1", null).session();
            WorldException e = assertThrows(WorldException.class, () -> world.sts().assumeRole(s, second, "hop-2",
                    new Sts.Options().duration(Duration.ofHours(2))));
            assertTrue(e.awsMessage().contains("1 hour session limit for roles assumed by role chaining"));
            assertEquals("arn:aws:sts::111122223333:assumed-role/second/hop-2",
                    world.sts().assumeRole(s, second, "hop-2", null).session().arn());
        }
    }

    @Nested
    class Export {

        @Test
        void theWorldExportsInTheShapeOfGetAccountAuthorizationDetails() {
            User alice = dev.createUser("alice", "/");
            alice.putInline(new InlinePolicy("ReadLogs", identity(READ_LOGS)));
            Group g = dev.createGroup("readers", "/");
            g.add(alice);
            var tree = WorldExport.tree(world);
            var details = tree.get("Accounts").get(0).get("AuthorizationDetails");
            assertEquals("alice", details.get("UserDetailList").get(0).get("UserName").asText());
            assertEquals("readers", details.get("UserDetailList").get(0).get("GroupList").get(0).asText());
            assertEquals("s3:GetObject", details.get("UserDetailList").get(0).get("UserPolicyList").get(0)
                    .get("PolicyDocument").get("Statement").get(0).get("Action").get(0).asText());
        }
    }

    @Nested
    class Organizations {

        @Test
        void anScpOnAnOuLimitsItsAccountsButNotTheManagementAccount() {
            Account mgmt = world.createAccount("999988887777", null);
            Organization org = world.createOrganization(mgmt);
            OrgUnit prod = org.createOu(org.root(), "Prod");
            org.addAccount(dev, prod);
            ControlPolicy noS3 = org.createPolicy(PolicyKind.SERVICE_CONTROL, "NoS3", PolicyText.parse(
                    "{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Deny\", \"Action\": \"s3:*\","
                            + " \"Resource\": \"*\"}]}", PolicyKind.SERVICE_CONTROL));
            org.attach(noS3, prod);
            User alice = dev.createUser("alice", "/");
            alice.attach(dev.policy("AdministratorAccess"));
            User admin = mgmt.createUser("admin", "/");
            admin.attach(mgmt.policy("AdministratorAccess"));
            assertEquals(Decision.EXPLICITLY_DENIED, world.decide(alice, "s3:GetObject", "arn:aws:s3:::x/y", null));
            assertEquals(Decision.ALLOWED, world.decide(alice, "ec2:RunInstances", "*", null));
            assertEquals(Decision.ALLOWED, world.decide(admin, "s3:GetObject", "arn:aws:s3:::x/y", null));
            assertEquals(List.of(org.id()), world.request(alice, "s3:GetObject", "arn:aws:s3:::x", null).request()
                    .context().get("aws:PrincipalOrgID"));
        }
    }

    @Nested
    class Questions {

        @Test
        void whoCanListsTheAllowedUsersRolesAndServices() {
            User alice = dev.createUser("alice", "/");
            alice.putInline(new InlinePolicy("Read", identity(READ_LOGS)));
            dev.createUser("bob", "/");
            Resource fn = dev.createResource(ResourceType.LAMBDA_FUNCTION, "orders", null);
            fn.policy(resource("{\"Effect\": \"Allow\", \"Principal\": {\"Service\": \"apigateway.amazonaws.com\"},"
                    + " \"Action\": \"lambda:InvokeFunction\", \"Resource\": \"" + fn.arn() + "\"}"));
            assertEquals(List.of(alice.arn()), world.whoCan("s3:GetObject", "arn:aws:s3:::logs/a", null).allowed());
            assertEquals(List.of("apigateway.amazonaws.com"),
                    world.whoCan("lambda:InvokeFunction", fn.arn(), null).allowed());
        }

        @Test
        void whatCanExpandsWildcardsAndAppliesDenies() {
            User alice = dev.createUser("alice", "/");
            alice.putInline(new InlinePolicy("S3", identity("{\"Effect\": \"Allow\", \"Action\": \"s3:Get*\","
                    + " \"Resource\": \"*\"}, {\"Effect\": \"Deny\", \"Action\": \"s3:GetBucketPolicy\","
                    + " \"Resource\": \"*\"}")));
            WhatCan what = world.whatCan(alice);
            assertEquals(List.of("s3"), what.services());
            assertTrue(what.allows("s3:GetObject", "*"));
            assertFalse(what.allows("s3:GetBucketPolicy", "*"));
        }
    }
}
