package org.iamlab.engine.world;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.iamlab.engine.authz.AuthorizationRequest;

/**
 * The AWS Security Token Service of a world: {@code AssumeRole}, {@code AssumeRoleWithWebIdentity} and
 * {@code AssumeRoleWithSAML}. Each call is a request decided by the evaluator (the role's trust policy acts as
 * its resource-based policy) with a full trace; when it is allowed, a {@link Session} with temporary credentials
 * expiring on the world's clock is created.
 */
public final class Sts {

    /** The shortest session AWS grants. */
    public static final Duration MIN_DURATION = Duration.ofMinutes(15);
    /** Role chaining (a session assuming a role) is limited to one hour. */
    public static final Duration CHAINING_LIMIT = Duration.ofHours(1);

    /** The optional parameters of {@code AssumeRole} and its federated variants. */
    public static final class Options {
        private Duration duration = Duration.ofHours(1);
        private String externalId;
        private PolicyText sessionPolicy;
        private final Map<String, String> tags = new LinkedHashMap<>();
        private String sourceIdentity;
        private boolean mfa;
        private final Map<String, Object> context = new LinkedHashMap<>();

        public Options duration(Duration d) {
            this.duration = Objects.requireNonNull(d, "duration");
            return this;
        }

        public Options externalId(String id) {
            this.externalId = id;
            return this;
        }

        public Options sessionPolicy(PolicyText policy) {
            this.sessionPolicy = policy;
            return this;
        }

        public Options tag(String key, String value) {
            tags.put(key, value);
            return this;
        }

        public Options sourceIdentity(String identity) {
            this.sourceIdentity = identity;
            return this;
        }

        /** The caller presents an MFA code (its user must have an MFA device). */
        public Options mfa(boolean withMfa) {
            this.mfa = withMfa;
            return this;
        }

        /** Extra context values for the request (the learner's overrides). */
        public Options context(String key, Object value) {
            context.put(key, value);
            return this;
        }
    }

    /** An allowed assumption: the evaluator's answer and the new session. */
    public record Result(Answer answer, Session session) {
    }

    private final World world;

    Sts(World world) {
        this.world = world;
    }

    /** {@code sts:AssumeRole}: {@code caller} (a user, a session, or a service) assumes {@code role}. */
    public Result assumeRole(Actor caller, Role role, String sessionName, Options options) {
        Options o = options == null ? new Options() : options;
        if (caller instanceof Actor.RootUser) {
            throw new WorldException("AccessDenied", "an account's root user cannot assume roles",
                    "Roles may not be assumed by root accounts.", "sign in as an IAM user or role and assume it from there");
        }
        Names.sessionName(sessionName);
        boolean chained = caller instanceof Session;
        checkDuration(role, o.duration, chained);
        Map<String, Object> context = new LinkedHashMap<>();
        context.put("sts:RoleSessionName", sessionName);
        if (o.externalId != null) {
            context.put("sts:ExternalId", o.externalId);
        }
        if (o.sourceIdentity != null) {
            context.put("sts:SourceIdentity", o.sourceIdentity);
        }
        requestTags(context, o.tags);
        if (o.mfa) {
            if (!(caller instanceof User u) || u.mfaDevices().isEmpty()) {
                throw new WorldException("AccessDenied", caller.principal() + " has no MFA device to present a code"
                        + " from", "MultiFactorAuthentication failed with invalid MFA one time pass code.",
                        "give the user an MFA device first");
            }
            context.put("aws:MultiFactorAuthPresent", "true");
            context.put("aws:MultiFactorAuthAge", "0");
        }
        context.putAll(o.context);
        Answer answer = decide(caller, "sts:AssumeRole", role, context, "AssumeRole");
        if (!o.tags.isEmpty()) {
            decide(caller, "sts:TagSession", role, context, "AssumeRole");
        }
        if (o.sourceIdentity != null) {
            decide(caller, "sts:SetSourceIdentity", role, context, "AssumeRole");
        }
        Boolean mfa = caller instanceof Session s ? s.mfa().orElse(false) : o.mfa;
        String sourceIdentity = o.sourceIdentity != null ? o.sourceIdentity
                : caller instanceof Session s ? s.sourceIdentity().orElse(null) : null;
        Session session = newSession(role, sessionName, o, mfa, sourceIdentity, Map.of());
        return new Result(answer, session);
    }

    /**
     * {@code sts:AssumeRoleWithWebIdentity}: a token from an OIDC provider of the role's account, with claims
     * {@code iss}, {@code aud} and {@code sub} (and optionally {@code amr}, {@code azp}, {@code email}), which
     * become the condition keys {@code HOST:aud}, {@code HOST:sub}, ...
     */
    public Result assumeRoleWithWebIdentity(Role role, String sessionName, Map<String, ?> claims, Options options) {
        Options o = options == null ? new Options() : options;
        Names.sessionName(sessionName);
        Object iss = claims.get("iss");
        if (iss == null) {
            throw new WorldException("InvalidIdentityToken", "the token has no `iss` (issuer) claim",
                    "The ID Token provided is not a valid JWT. (You may see this error if you sent an Access Token)",
                    "give the token's issuer, such as `https://token.actions.githubusercontent.com`");
        }
        OidcProvider provider = role.account().findOidcProvider(iss.toString()).orElseThrow(() ->
                new WorldException("InvalidIdentityToken", "account " + role.account().id()
                        + " has no OIDC provider for issuer `" + iss + "`",
                        "No OpenIDConnect provider found in your account for " + iss,
                        "create the provider in the role's account first"));
        List<String> audiences = Requests.values("aud", claims.get("aud") == null ? List.of() : claims.get("aud"));
        if (audiences.stream().noneMatch(provider.clientIds()::contains)) {
            throw new WorldException("InvalidIdentityToken", "the token's audience " + audiences
                    + " is not a client ID of provider `" + provider.host() + "` " + provider.clientIds(),
                    "Incorrect token audience", "add the audience to the provider's client IDs");
        }
        checkDuration(role, o.duration, false);
        Map<String, Object> context = new LinkedHashMap<>();
        for (String claim : List.of("aud", "sub", "amr", "azp", "email", "oaud")) {
            if (claims.get(claim) != null) {
                context.put(provider.host() + ":" + claim, claims.get(claim));
            }
        }
        context.put("aws:FederatedProvider", provider.arn());
        context.put("sts:RoleSessionName", sessionName);
        requestTags(context, o.tags);
        context.putAll(o.context);
        Actor caller = new Actor.Federated(provider.arn());
        Answer answer = decide(caller, "sts:AssumeRoleWithWebIdentity", role, context, "AssumeRoleWithWebIdentity");
        if (!o.tags.isEmpty()) {
            decide(caller, "sts:TagSession", role, context, "AssumeRoleWithWebIdentity");
        }
        Session session = newSession(role, sessionName, o, false, null,
                Map.of("aws:FederatedProvider", List.of(provider.arn())));
        return new Result(answer, session);
    }

    /**
     * {@code sts:AssumeRoleWithSAML}: an assertion from a SAML provider of the role's account about
     * {@code subject}; {@code attributes} become {@code SAML:name} keys beside {@code SAML:sub}, {@code SAML:iss}
     * and {@code SAML:aud}.
     */
    public Result assumeRoleWithSaml(Role role, SamlProvider provider, String subject, Map<String, ?> attributes,
                                     String sessionName, Options options) {
        Options o = options == null ? new Options() : options;
        Names.sessionName(sessionName);
        if (provider.account() != role.account()) {
            throw new WorldException("InvalidIdentityToken", "SAML provider `" + provider.name()
                    + "` is not in the role's account " + role.account().id(),
                    "Not authorized to perform sts:AssumeRoleWithSAML", null);
        }
        checkDuration(role, o.duration, false);
        Map<String, Object> context = new LinkedHashMap<>();
        context.put("SAML:aud", SamlProvider.SIGN_IN_AUDIENCE);
        context.put("SAML:sub", subject);
        context.put("SAML:sub_type", "persistent");
        context.put("SAML:iss", provider.issuer());
        if (attributes != null) {
            attributes.forEach((k, v) -> context.put(k.startsWith("SAML:") ? k : "SAML:" + k, v));
        }
        context.put("aws:FederatedProvider", provider.arn());
        context.put("sts:RoleSessionName", sessionName);
        requestTags(context, o.tags);
        context.putAll(o.context);
        Actor caller = new Actor.Federated(provider.arn());
        Answer answer = decide(caller, "sts:AssumeRoleWithSAML", role, context, "AssumeRoleWithSAML");
        if (!o.tags.isEmpty()) {
            decide(caller, "sts:TagSession", role, context, "AssumeRoleWithSAML");
        }
        Session session = newSession(role, sessionName, o, false, null,
                Map.of("aws:FederatedProvider", List.of(provider.arn())));
        return new Result(answer, session);
    }

    private static void requestTags(Map<String, Object> context, Map<String, String> tags) {
        if (!tags.isEmpty()) {
            tags.forEach((k, v) -> context.put("aws:RequestTag/" + k, v));
            context.put("aws:TagKeys", new ArrayList<>(tags.keySet()));
        }
    }

    private void checkDuration(Role role, Duration duration, boolean chained) {
        if (duration.compareTo(MIN_DURATION) < 0) {
            throw new WorldException("ValidationError", "a session lasts at least 15 minutes, not "
                    + Durations.words(duration), "1 validation error detected: Value '" + duration.toSeconds()
                    + "' at 'durationSeconds' failed to satisfy constraint: Member must have value greater than or"
                    + " equal to 900", null);
        }
        if (chained && duration.compareTo(CHAINING_LIMIT) > 0) {
            throw new WorldException("ValidationError", "a session that assumes another role (role chaining) gets"
                    + " at most 1 hour, not " + Durations.words(duration),
                    "The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role"
                            + " chaining.", "ask for 1h or less");
        }
        if (duration.compareTo(role.maxSessionDuration()) > 0) {
            throw new WorldException("ValidationError", "role `" + role.name() + "` allows sessions of at most "
                    + Durations.words(role.maxSessionDuration()) + ", not " + Durations.words(duration),
                    "The requested DurationSeconds exceeds the MaxSessionDuration set for this role.",
                    "ask for less, or raise the role's maximum session duration (up to 12h)");
        }
    }

    private Answer decide(Actor caller, String action, Role role, Map<String, Object> context, String operation) {
        AuthorizationRequest request = world.requests().assemble(caller, action, role.arn(), context);
        Answer answer = Answer.of(request, world.authorizer().authorize(request, true));
        if (!answer.allowed()) {
            String who = caller instanceof Actor.Federated ? "" : (caller instanceof User ? "User: " : "")
                    + caller.principal() + " is ";
            String aws = caller instanceof Actor.Federated ? "Not authorized to perform " + action
                    : "User: " + caller.principal() + " is not authorized to perform: " + action + " on resource: "
                    + role.arn();
            throw new WorldException("AccessDenied", (who.isEmpty() ? caller.principal() + " is" : who.strip())
                    + " not allowed to " + action + " role `" + role.name() + "` ("
                    + answer.decision().label() + ")", aws, answer.trace() == null ? null
                    : org.iamlab.engine.render.TraceWords.reason(answer.trace()), answer);
        }
        return answer;
    }

    private Session newSession(Role role, String name, Options o, Boolean mfa, String sourceIdentity,
                               Map<String, List<String>> context) {
        Instant now = world.clock().instant();
        Session.Credentials credentials = new Session.Credentials(world.ids().unique("ASIA", 20),
                world.ids().secret(), world.ids().sessionToken(), now.plus(o.duration));
        Session session = new Session(role, name, credentials, now, o.sessionPolicy, o.tags, sourceIdentity, mfa,
                context);
        world.registerSession(session);
        return session;
    }
}
