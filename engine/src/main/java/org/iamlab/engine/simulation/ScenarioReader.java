package org.iamlab.engine.simulation;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.iamlab.engine.arn.Arn;
import org.iamlab.engine.authz.AttachedPolicy;
import org.iamlab.engine.authz.AuthorizationRequest;
import org.iamlab.engine.authz.OrganizationLevel;
import org.iamlab.engine.authz.RoleTrust;
import org.iamlab.engine.arn.ArnPattern;
import org.iamlab.engine.catalog.ActionCatalog;
import org.iamlab.engine.eval.CompiledPolicy;
import org.iamlab.engine.eval.Principal;
import org.iamlab.engine.eval.Request;
import org.iamlab.engine.parse.Hints;
import org.iamlab.engine.parse.PolicyParseException;
import org.iamlab.engine.parse.PolicyParser;
import org.iamlab.engine.parse.PolicyWarning;
import org.iamlab.engine.policy.PolicyKind;
import org.iamlab.engine.trace.Decision;
import org.iamlab.engine.trace.PolicyRef;

/**
 * Reads scenarios of the simulation format. Policies are compiled through a {@link PolicyCache}, so a corpus
 * that repeats the same policy text compiles it once.
 *
 * <p>A problem anywhere in a scenario is reported as a {@link PolicyParseException} with its line, column and
 * JSON path (e.g. {@code identityPolicies[1].policy.Statement[0].Effect}).
 */
public final class ScenarioReader {

    /**
     * Without Jackson's duplicate detection, which would hash every key of every embedded policy while it is
     * skipped: policies are checked when they are parsed (once per distinct text), and the scenario's own fields
     * here.
     */
    private static final JsonFactory JSON = JsonFactory.builder().build();

    private static final List<String> FIELDS = List.of("id", "request", "identityPolicies", "resourcePolicy",
            "permissionsBoundary", "sessionPolicy", "serviceControlPolicies", "resourceControlPolicies",
            "managementAccount", "expect", "expectError", "expectTrace", "expectWarning", "rule", "note", "reference",
            "description");
    private static final List<String> REQUEST_FIELDS =
            List.of("principal", "action", "resource", "resourceAccount", "keyManager", "context");
    /** {@code KeyManager} as KMS's DescribeKey reports it. */
    private static final List<String> KEY_MANAGERS = List.of("AWS", "CUSTOMER");

    private final PolicyCache cache;

    /** A reader with its own policy cache. */
    public ScenarioReader() {
        this(new PolicyCache());
    }

    public ScenarioReader(PolicyCache cache) {
        this.cache = cache;
    }

    /**
     * Reads the one scenario in {@code json}. {@code lineNumber} is the line {@code json} starts on in its file,
     * so that errors point into the file.
     */
    public Scenario read(String json, int lineNumber) {
        byte[] utf8 = json.getBytes(StandardCharsets.UTF_8);
        return read(utf8, 0, utf8.length, lineNumber);
    }

    /**
     * Reads the one scenario in {@code length} bytes of UTF-8 at {@code offset} of {@code utf8}, which start on
     * line {@code lineNumber} of their file. Reading bytes spares decoding a large input into characters.
     */
    public Scenario read(byte[] utf8, int offset, int length, int lineNumber) {
        JsonParser parser;
        try {
            parser = JSON.createParser(utf8, offset, length);
        } catch (IOException e) {
            throw new PolicyParseException(lineNumber, 1, "", "cannot read the scenario: " + e.getMessage(), null);
        }
        try (parser) {
            Scenario scenario = new Reading(parser, utf8, offset).scenario();
            if (parser.nextToken() != null) {
                JsonLocation at = parser.currentTokenLocation();
                throw new PolicyParseException(at.getLineNr(), at.getColumnNr(), "",
                        "unexpected content after the scenario", "one scenario per line with --jsonl");
            }
            if (scenario.warnings().isEmpty() || lineNumber == 1) {
                return scenario;
            }
            return new Scenario(scenario.id(), scenario.request(), scenario.expect(), scenario.rule(),
                    scenario.warnings().stream().map(w -> w.movedDown(lineNumber - 1)).toList());
        } catch (PolicyParseException e) {
            throw e.relocated(lineNumber - 1, "");
        } catch (JsonProcessingException e) {
            throw PolicyParser.fromJackson(e, parser).relocated(lineNumber - 1, "");
        } catch (IOException e) {
            throw new PolicyParseException(lineNumber, 1, "", "cannot read the scenario: " + e.getMessage(), null);
        }
    }

    /** The best-effort id of a scenario that failed to read, so its error line can carry it. */
    public static Object idOf(String json) {
        try (JsonParser parser = JSON.createParser(json)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if (name.equals("id")) {
                    return scalarId(parser, value);
                }
                parser.skipChildren();
            }
        } catch (IOException | RuntimeException unreadable) {
            // the line is broken before its id; the error line then has none
        }
        return null;
    }

    private static Object scalarId(JsonParser parser, JsonToken token) throws IOException {
        return switch (token) {
            case VALUE_STRING -> parser.getText();
            case VALUE_NUMBER_INT -> parser.getLongValue();
            case VALUE_NUMBER_FLOAT -> parser.getDecimalValue();
            default -> null;
        };
    }

    /** One pass over one scenario. */
    private final class Reading {
        private final JsonParser in;
        private final byte[] source;
        private final int base;
        private final List<String> path = new ArrayList<>();
        private JsonLocation nameAt;
        /** Whether the request's resource is an AWS managed KMS key ({@code "keyManager": "AWS"}). */
        private boolean awsManagedKey;
        /** Created on the first warning: most scenarios have none. */
        private List<PolicyWarning> warnings;

        Reading(JsonParser in, byte[] source, int base) {
            this.in = in;
            this.source = source;
            this.base = base;
        }

        Scenario scenario() throws IOException {
            if (in.nextToken() != JsonToken.START_OBJECT) {
                throw error("a scenario must be a JSON object", "see the simulation format in the README");
            }
            JsonLocation start = in.currentTokenLocation();
            Object id = null;
            Request request = null;
            List<AttachedPolicy> identity = List.of();
            Raw resource = null;
            AttachedPolicy boundary = null;
            AttachedPolicy session = null;
            List<OrganizationLevel> scps = null;
            List<OrganizationLevel> rcps = null;
            String managementAccount = null;
            Decision expect = null;
            String rule = null;
            // The fields seen, one bit per place in FIELDS (an unknown field is refused below anyway).
            long seen = 0;
            while (in.nextToken() == JsonToken.FIELD_NAME) {
                nameAt = in.currentTokenLocation();
                String field = in.currentName();
                JsonToken value = in.nextToken();
                int known = FIELDS.indexOf(field);
                if (known >= 0 && (seen & 1L << known) != 0) {
                    throw errorAt(nameAt, "`" + field + "` is written twice in the scenario", null);
                }
                seen |= known >= 0 ? 1L << known : 0;
                path.add(field);
                switch (field) {
                    case "id" -> id = scalarId(in, value);
                    case "request" -> request = request();
                    case "identityPolicies" -> identity = namedPolicies(PolicyKind.IDENTITY, null);
                    case "resourcePolicy" -> resource = value == JsonToken.VALUE_NULL ? null : rawPolicy();
                    case "permissionsBoundary" -> boundary = singlePolicy(PolicyKind.PERMISSIONS_BOUNDARY, field);
                    case "sessionPolicy" -> session = singlePolicy(PolicyKind.SESSION, field);
                    case "serviceControlPolicies" -> scps = levels(PolicyKind.SERVICE_CONTROL);
                    case "resourceControlPolicies" -> rcps = levels(PolicyKind.RESOURCE_CONTROL);
                    case "managementAccount" -> managementAccount = value == JsonToken.VALUE_NULL ? null
                            : managementAccountId();
                    case "expect" -> expect = expectation();
                    case "rule" -> rule = value == JsonToken.VALUE_STRING ? in.getText() : null;
                    default -> {
                        if (!FIELDS.contains(field)) {
                            throw unknown(field, FIELDS, "scenario field");
                        }
                        in.skipChildren();
                    }
                }
                path.remove(path.size() - 1);
            }
            if (request == null) {
                throw new PolicyParseException(start.getLineNr(), start.getColumnNr(), "",
                        "the scenario has no request", "add \"request\": {\"principal\": ..., \"action\": ..., "
                                + "\"resource\": ...}");
            }
            AttachedPolicy resourcePolicy = resource == null ? null
                    : resource.attach(RoleTrust.needsTrustPolicy(request.action(), request.resource()));
            return new Scenario(id, new AuthorizationRequest(request, identity, resourcePolicy, boundary, session,
                    scps, rcps, managementAccount, awsManagedKey), expect, rule,
                    warnings == null ? List.of() : warnings);
        }

        private void warn(PolicyWarning warning) {
            if (warnings == null) {
                warnings = new ArrayList<>();
            }
            warnings.add(warning);
        }

        private Request request() throws IOException {
            expect(JsonToken.START_OBJECT, "request must be an object");
            JsonLocation start = in.currentTokenLocation();
            String principal = null;
            String action = null;
            String resource = null;
            String resourceAccount = null;
            Map<String, List<String>> context = Map.of();
            JsonLocation principalAt = start;
            JsonLocation keyManagerAt = null;
            while (in.nextToken() == JsonToken.FIELD_NAME) {
                nameAt = in.currentTokenLocation();
                String field = in.currentName();
                in.nextToken();
                path.add(field);
                switch (field) {
                    case "principal" -> {
                        principalAt = in.currentTokenLocation();
                        principal = string();
                    }
                    case "action" -> action = action();
                    case "resource" -> resource = resource();
                    case "resourceAccount" -> resourceAccount = in.currentToken() == JsonToken.VALUE_NULL ? null
                            : accountId();
                    case "context" -> context = context();
                    case "keyManager" -> {
                        keyManagerAt = in.currentTokenLocation();
                        awsManagedKey = keyManager();
                    }
                    default -> throw unknown(field, REQUEST_FIELDS, "request field");
                }
                path.remove(path.size() - 1);
            }
            for (String[] required : new String[][] {{"principal", principal}, {"action", action},
                    {"resource", resource}}) {
                if (required[1] == null) {
                    throw new PolicyParseException(start.getLineNr(), start.getColumnNr(), here(),
                            "the request has no " + required[0], null);
                }
            }
            if (keyManagerAt != null && !isKmsKey(resource)) {
                throw new PolicyParseException(keyManagerAt.getLineNr(), keyManagerAt.getColumnNr(),
                        here() + ".keyManager", "keyManager describes a KMS key, and `" + resource + "` is not one",
                        "give the key's ARN, arn:aws:kms:REGION:ACCOUNT:key/KEY-ID, as the resource");
            }
            try {
                return new Request(Principal.parse(principal), action, resource, resourceAccount, context);
            } catch (IllegalArgumentException e) {
                throw new PolicyParseException(principalAt.getLineNr(), principalAt.getColumnNr(),
                        here() + ".principal", e.getMessage(), null);
            }
        }

        /** {@code "AWS"} for an AWS managed key, {@code "CUSTOMER"} for a customer managed key. */
        private boolean keyManager() throws IOException {
            String manager = string();
            if (!KEY_MANAGERS.contains(manager)) {
                String hint = Hints.didYouMean(manager, KEY_MANAGERS);
                throw error("`" + manager + "` is not a key manager", hint != null ? hint
                        : "use AWS (an AWS managed key, alias aws/...) or CUSTOMER");
            }
            return manager.equals("AWS");
        }

        private boolean isKmsKey(String resource) {
            return Arn.parse(resource).filter(a -> a.service().equals("kms") && a.resource().startsWith("key/"))
                    .isPresent();
        }

        private String managementAccountId() throws IOException {
            String id = string();
            if (!Principal.isAccountId(id)) {
                throw error("`" + id + "` is not an account ID", "an account ID is twelve digits, such as 111122223333");
            }
            return id;
        }

        private String action() throws IOException {
            String action = string();
            int colon = action.indexOf(':');
            if (colon <= 0 || colon == action.length() - 1) {
                throw error("`" + action + "` is not an action", "a request names one action as service:Action,"
                        + " e.g. s3:GetObject");
            }
            if (action.indexOf('*') >= 0 || action.indexOf('?') >= 0) {
                throw error("a request names one action, not a pattern (`" + action + "`)", null);
            }
            Optional<ActionCatalog.Unknown> unknown = ActionCatalog.aws().check(action);
            if (unknown.isPresent()) {
                throw error(unknown.get().problem(), unknown.get().hint());
            }
            return action;
        }

        /** The request's resource: AWS evaluates any text, but one that is not an ARN matches no ARN pattern. */
        private String resource() throws IOException {
            String resource = string();
            if (!resource.equals("*") && !ArnPattern.isArnShaped(resource)) {
                JsonLocation at = in.currentTokenLocation();
                warn(new PolicyWarning(at.getLineNr(), at.getColumnNr(), here(), "`" + resource + "` is not an ARN",
                        "a request names its resource by ARN, e.g. `arn:aws:s3:::" + resource + "`"));
            }
            return resource;
        }

        private String accountId() throws IOException {
            String account = string();
            if (!Principal.isAccountId(account)) {
                JsonLocation at = in.currentTokenLocation();
                warn(new PolicyWarning(at.getLineNr(), at.getColumnNr(), here(), "`" + account
                        + "` is not an account ID", "an account ID is exactly 12 digits, such as `111122223333`"));
            }
            return account;
        }

        private Map<String, List<String>> context() throws IOException {
            expect(JsonToken.START_OBJECT, "context must be an object of keys to values");
            Map<String, List<String>> context = new LinkedHashMap<>();
            while (in.nextToken() == JsonToken.FIELD_NAME) {
                String key = in.currentName();
                JsonToken value = in.nextToken();
                path.add(key);
                List<String> values;
                if (value == JsonToken.START_ARRAY) {
                    values = new ArrayList<>();
                    while (in.nextToken() != JsonToken.END_ARRAY) {
                        values.add(scalarText());
                    }
                } else {
                    // most values are single, and an immutable list is not copied again by the request
                    values = List.of(scalarText());
                }
                context.put(key, values);
                path.remove(path.size() - 1);
            }
            return context;
        }

        private String scalarText() throws IOException {
            JsonToken t = in.currentToken();
            if (t == JsonToken.VALUE_STRING || t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT
                    || t == JsonToken.VALUE_TRUE || t == JsonToken.VALUE_FALSE) {
                return in.getText();
            }
            throw error("context values are strings or arrays of strings", null);
        }

        private Decision expectation() throws IOException {
            String label = string();
            Decision d = Decision.fromLabel(label);
            if (d == null) {
                throw error("`" + label + "` is not a decision",
                        "use Allowed, ExplicitlyDenied or ImplicitlyDenied");
            }
            return d;
        }

        /** {@code [{"name": ..., "policy": {...}}, ...]} */
        private List<AttachedPolicy> namedPolicies(PolicyKind kind, String level) throws IOException {
            expect(JsonToken.START_ARRAY, "expected an array of {\"name\": ..., \"policy\": {...}}");
            List<AttachedPolicy> policies = new ArrayList<>();
            int index = 0;
            while (in.nextToken() != JsonToken.END_ARRAY) {
                path.add("[" + index + "]");
                policies.add(namedPolicy(kind, level, index));
                path.remove(path.size() - 1);
                index++;
            }
            return policies;
        }

        /** The policy at {@code index} of its list; named after its kind and place when it has no name. */
        private AttachedPolicy namedPolicy(PolicyKind kind, String level, int index) throws IOException {
            expect(JsonToken.START_OBJECT, "expected {\"name\": ..., \"policy\": {...}}");
            String name = null;
            Raw raw = null;
            while (in.nextToken() == JsonToken.FIELD_NAME) {
                nameAt = in.currentTokenLocation();
                String field = in.currentName();
                in.nextToken();
                path.add(field);
                switch (field) {
                    case "name" -> name = string();
                    case "policy" -> raw = rawPolicy();
                    case "Statement", "Version", "Id" -> throw error("expected {\"name\": ..., \"policy\": {...}}",
                            "wrap the policy document: {\"name\": \"MyPolicy\", \"policy\": {\"Version\": ...}}");
                    default -> throw unknown(field, List.of("name", "policy"), "field of a named policy");
                }
                path.remove(path.size() - 1);
            }
            if (name == null) {
                name = kind.description() + " " + (index + 1);
            }
            if (raw == null) {
                throw error("the named policy `" + name + "` has no policy", null);
            }
            return raw.attach(kind, name, level);
        }

        /** A single policy document, or {@code null}. */
        private AttachedPolicy singlePolicy(PolicyKind kind, String field) throws IOException {
            if (in.currentToken() == JsonToken.VALUE_NULL) {
                return null;
            }
            return rawPolicy().attach(kind, defaultName(kind), null);
        }

        private static String defaultName(PolicyKind kind) {
            return switch (kind) {
                case PERMISSIONS_BOUNDARY -> "PermissionsBoundary";
                case SESSION -> "SessionPolicy";
                case TRUST -> "TrustPolicy";
                default -> "ResourcePolicy";
            };
        }

        /** {@code [{"name": "r-root", "policies": [{"name": ..., "policy": {...}}]}, ...]}, or null. */
        private List<OrganizationLevel> levels(PolicyKind kind) throws IOException {
            if (in.currentToken() == JsonToken.VALUE_NULL) {
                return null;
            }
            expect(JsonToken.START_ARRAY, "expected an array of levels, root first: [{\"name\": ..., "
                    + "\"policies\": [...]}]");
            List<OrganizationLevel> levels = new ArrayList<>();
            int index = 0;
            while (in.nextToken() != JsonToken.END_ARRAY) {
                path.add("[" + index + "]");
                expect(JsonToken.START_OBJECT, "a level is {\"name\": ..., \"policies\": [...]}");
                String name = "level " + (index + 1);
                List<AttachedPolicy> policies = List.of();
                while (in.nextToken() == JsonToken.FIELD_NAME) {
                    nameAt = in.currentTokenLocation();
                    String field = in.currentName();
                    in.nextToken();
                    path.add(field);
                    switch (field) {
                        case "name" -> name = string();
                        case "policies" -> policies = namedPolicies(kind, name);
                        default -> throw unknown(field, List.of("name", "policies"), "field of a level");
                    }
                    path.remove(path.size() - 1);
                }
                levels.add(new OrganizationLevel(name, policies));
                path.remove(path.size() - 1);
                index++;
            }
            return levels;
        }

        /**
         * The policy document at the current token (its {@code {}), kept as text until its kind is known:
         * a resource policy on a role is the role's trust policy, which only the whole scenario tells.
         */
        private Raw rawPolicy() throws IOException {
            expect(JsonToken.START_OBJECT, "a policy is a JSON object");
            JsonLocation start = in.currentTokenLocation();
            String at = here();
            in.skipChildren();
            int from = base + (int) start.getByteOffset();
            int to = base + (int) in.currentTokenLocation().getByteOffset() + 1;
            return new Raw(from, to, start, at);
        }

        private void expect(JsonToken token, String problem) {
            if (in.currentToken() != token) {
                throw error(problem, null);
            }
        }

        private String string() throws IOException {
            if (in.currentToken() != JsonToken.VALUE_STRING) {
                throw error("expected a string", null);
            }
            return in.getText();
        }

        private String here() {
            StringBuilder out = new StringBuilder();
            for (String p : path) {
                if (out.length() > 0 && !p.startsWith("[")) {
                    out.append('.');
                }
                out.append(p);
            }
            return out.toString();
        }

        /** An unknown field name, reported where the name stands. */
        private PolicyParseException unknown(String field, List<String> known, String what) {
            String hint = Hints.didYouMean(field, known);
            return errorAt(nameAt, "`" + field + "` is not a " + what, hint != null ? hint
                    : "expected one of " + String.join(", ", known));
        }

        private PolicyParseException error(String problem, String hint) {
            return errorAt(in.currentTokenLocation(), problem, hint);
        }

        private PolicyParseException errorAt(JsonLocation at, String problem, String hint) {
            return new PolicyParseException(at.getLineNr(), at.getColumnNr(), here(), problem, hint);
        }

        /** Where a policy's text stands in the input, waiting to learn its kind. */
        private final class Raw {
            final int from;
            final int to;
            final JsonLocation start;
            final String path;

            Raw(int from, int to, JsonLocation start, String path) {
                this.from = from;
                this.to = to;
                this.start = start;
                this.path = path;
            }

            AttachedPolicy attach(PolicyKind kind, String policyName, String level) {
                CompiledPolicy compiled = cache.compile(source, from, to, kind, start, path);
                for (PolicyWarning w : compiled.warnings()) {
                    warn(w.within(start.getLineNr(), start.getColumnNr(), path));
                }
                return new AttachedPolicy(new PolicyRef(kind, policyName, level), compiled);
            }

            AttachedPolicy attach(boolean trust) {
                PolicyKind kind = trust ? PolicyKind.TRUST : PolicyKind.RESOURCE;
                return attach(kind, defaultName(kind), null);
            }
        }
    }
}
