package org.iamlab.engine.parse;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.util.JsonRecyclerPools;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.iamlab.engine.arn.ArnPattern;
import org.iamlab.engine.catalog.ActionCatalog;
import org.iamlab.engine.condition.ConditionValues;
import org.iamlab.engine.condition.IpRange;
import org.iamlab.engine.eval.Principal;
import org.iamlab.engine.pattern.Template;
import org.iamlab.engine.policy.ActionElement;
import org.iamlab.engine.policy.Condition;
import org.iamlab.engine.policy.ConditionOperator;
import org.iamlab.engine.policy.Effect;
import org.iamlab.engine.policy.PolicyDocument;
import org.iamlab.engine.policy.PolicyKind;
import org.iamlab.engine.policy.PrincipalElement;
import org.iamlab.engine.policy.PrincipalType;
import org.iamlab.engine.policy.QualifiedOperator;
import org.iamlab.engine.policy.ResourceElement;
import org.iamlab.engine.policy.Statement;
import org.iamlab.engine.policy.StringList;

/**
 * Reads IAM policy JSON into a {@link PolicyDocument}, validating the grammar of the IAM User Guide's "IAM
 * JSON policy element reference" as it goes. Reading from a token stream keeps the source location of every
 * value, so an error names its line, column and JSON path.
 *
 * <p>Instances are cheap and hold no state between calls; one parse reads one document.
 */
public final class PolicyParser {

    /**
     * Duplicate keys are rejected: IAM reads each element once, and a repeated key would be silently lost.
     * The buffers come from a pool of this factory's own: a policy is often parsed while the scenario around it
     * is still being read, and with Jackson's default pool (one set of buffers per thread, which the open outer
     * parser holds) each such parse would allocate new ones.
     */
    private static final JsonFactory JSON = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .recyclerPool(JsonRecyclerPools.newBoundedPool(64)).build();

    private static final List<String> DOCUMENT_KEYS = List.of("Version", "Id", "Statement");
    private static final List<String> STATEMENT_KEYS = List.of("Sid", "Effect", "Action", "NotAction", "Resource",
            "NotResource", "Principal", "NotPrincipal", "Condition");
    private static final List<String> EFFECTS = List.of("Allow", "Deny");
    private static final List<String> VERSIONS = List.of(PolicyDocument.VERSION_2012, PolicyDocument.VERSION_2008);
    private static final List<String> PRINCIPAL_TYPES =
            List.of("AWS", "Service", "Federated", "CanonicalUser");

    private final PolicyKind kind;
    private JsonParser in;
    private final PathTracker path = new PathTracker();
    private final List<PolicyWarning> warnings = new ArrayList<>();
    private final java.util.Set<String> warnedProblems = new java.util.HashSet<>();
    private PolicyWarning firstVariableUse;
    /** Where the field name being read stands, for errors about the name itself. */
    private JsonLocation nameLocation;

    private PolicyParser(PolicyKind kind) {
        this.kind = Objects.requireNonNull(kind, "kind");
    }

    /** A parsed policy with what AWS accepts in it but its author most likely did not mean. */
    public record Parsed(PolicyDocument document, List<PolicyWarning> warnings) {
        public Parsed {
            Objects.requireNonNull(document, "document");
            warnings = List.copyOf(warnings);
        }
    }

    /** Parses one policy document of the given kind from {@code json}. */
    public static PolicyDocument parse(String json, PolicyKind kind) {
        return read(json, kind).document();
    }

    /** Parses one policy document of the given kind from {@code json}, keeping its warnings. */
    public static Parsed read(String json, PolicyKind kind) {
        JsonParser parser;
        try {
            parser = JSON.createParser(json);
        } catch (IOException e) {
            throw new PolicyParseException(1, 1, "", "cannot read the policy: " + e.getMessage(), null);
        }
        return parse(parser, kind);
    }

    /**
     * Parses one policy document of the given kind from {@code length} bytes of UTF-8 at {@code offset} of
     * {@code utf8}, keeping its warnings, without decoding them into a string first. Errors and warnings are
     * placed exactly as {@link #read(String, PolicyKind)} places them: columns count characters, and a byte parser
     * counts bytes, so a policy with other than ASCII characters that fails or warns is read again as text (both
     * are rare; the bytes of the many clean policies are read once).
     */
    public static Parsed read(byte[] utf8, int offset, int length, PolicyKind kind) {
        Parsed parsed;
        try {
            parsed = parse(JSON.createParser(utf8, offset, length), kind);
        } catch (PolicyParseException e) {
            if (isAscii(utf8, offset, length)) {
                throw e;
            }
            return read(new String(utf8, offset, length, StandardCharsets.UTF_8), kind);
        } catch (IOException e) {
            return read(new String(utf8, offset, length, StandardCharsets.UTF_8), kind);
        }
        if (!parsed.warnings().isEmpty() && !isAscii(utf8, offset, length)) {
            return read(new String(utf8, offset, length, StandardCharsets.UTF_8), kind);
        }
        return parsed;
    }

    private static boolean isAscii(byte[] utf8, int offset, int length) {
        for (int i = offset; i < offset + length; i++) {
            if (utf8[i] < 0) {
                return false;
            }
        }
        return true;
    }

    private static Parsed parse(JsonParser parser, PolicyKind kind) {
        try (parser) {
            PolicyParser reading = new PolicyParser(kind);
            PolicyDocument document = reading.readDocument(parser);
            JsonToken trailing = parser.nextToken();
            if (trailing != null) {
                JsonLocation at = parser.currentTokenLocation();
                throw new PolicyParseException(at.getLineNr(), at.getColumnNr(), "",
                        "unexpected content after the policy", "a policy is exactly one JSON object");
            }
            return new Parsed(document, reading.warnings);
        } catch (JsonProcessingException e) {
            throw fromJackson(e, parser);
        } catch (IOException e) {
            throw new PolicyParseException(1, 1, "", "cannot read the policy: " + e.getMessage(), null);
        }
    }

    /**
     * Turns a JSON syntax error into a located parse error. Some of Jackson's errors (its size limits) carry
     * no location; they are placed where {@code parser} stopped.
     */
    public static PolicyParseException fromJackson(JsonProcessingException e, JsonParser parser) {
        JsonLocation at = e.getLocation() != null ? e.getLocation() : parser.currentLocation();
        String message = e.getOriginalMessage();
        for (String cut : new String[] {"\n", " (start marker at"}) {
            int index = message.indexOf(cut);
            if (index >= 0) {
                message = message.substring(0, index);
            }
        }
        message = message.strip();
        int line = Math.max(1, at.getLineNr());
        int column = Math.max(1, at.getColumnNr());
        if (message.startsWith("Duplicate field '")) {
            String name = message.substring("Duplicate field '".length(), message.length() - 1);
            return new PolicyParseException(line, column, "", "`" + name + "` is written twice in one object",
                    "IAM reads each key once: merge the two into one, e.g. one array of values");
        }
        return new PolicyParseException(line, column, "", "malformed JSON: " + lowerFirst(message),
                "check for a missing comma, quote or bracket near this point");
    }

    private static String lowerFirst(String s) {
        return s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }

    private PolicyDocument readDocument(JsonParser parser) throws IOException {
        this.in = parser;
        JsonToken start = in.currentToken() == JsonToken.START_OBJECT ? JsonToken.START_OBJECT : in.nextToken();
        if (start == null) {
            throw error("the policy is empty", "a policy is a JSON object with a Statement");
        }
        if (start != JsonToken.START_OBJECT) {
            throw error("a policy must be a JSON object, not " + describe(start),
                    "write {\"Version\": \"2012-10-17\", \"Statement\": [...]}");
        }
        JsonLocation startLocation = in.currentTokenLocation();
        String version = null;
        String id = null;
        List<Statement> statements = null;
        boolean statementAsObject = false;
        while (in.nextToken() == JsonToken.FIELD_NAME) {
            nameLocation = in.currentTokenLocation();
            String name = in.currentName();
            in.nextToken();
            path.push(name);
            switch (name) {
                case "Version" -> {
                    version = readString();
                    if (!VERSIONS.contains(version)) {
                        throw error("`" + version + "` is not a policy language version",
                                "use \"2012-10-17\" (the current version, with policy variables)");
                    }
                }
                case "Id" -> id = readString();
                case "Statement" -> {
                    statements = new ArrayList<>();
                    statementAsObject = readStatements(statements);
                }
                default -> throw unknownKey(name, DOCUMENT_KEYS, "policy element");
            }
            path.pop();
        }
        if (statements == null) {
            throw new PolicyParseException(startLocation.getLineNr(), startLocation.getColumnNr(), "",
                    "the policy has no Statement", "add \"Statement\": [{\"Effect\": ..., \"Action\": ..., ...}]");
        }
        // Version may follow Statement (some AWS managed policies put it last), so a variable seen while
        // reading the statements is judged only now. AWS stores such a policy and reads `${...}` literally;
        // Access Analyzer flags it, and so does IAM Lab, as a warning.
        if (firstVariableUse != null && !PolicyDocument.VERSION_2012.equals(version)) {
            warnings.add(firstVariableUse);
        }
        return new PolicyDocument(version, id, statements, statementAsObject);
    }

    /** Reads Statement, an object or an array of objects; returns true for the object form. */
    private boolean readStatements(List<Statement> statements) throws IOException {
        JsonToken token = in.currentToken();
        if (token == JsonToken.START_OBJECT) {
            statements.add(readStatement());
            return true;
        }
        if (token != JsonToken.START_ARRAY) {
            throw error("Statement must be an object or an array of objects, not " + describe(token), null);
        }
        int index = 0;
        while (in.nextToken() != JsonToken.END_ARRAY) {
            path.index(index++);
            if (in.currentToken() != JsonToken.START_OBJECT) {
                throw error("a statement must be a JSON object, not " + describe(in.currentToken()), null);
            }
            statements.add(readStatement());
            path.pop();
        }
        return false;
    }

    private Statement readStatement() throws IOException {
        JsonLocation start = in.currentTokenLocation();
        String sid = null;
        Effect effect = null;
        ActionElement action = null;
        ResourceElement resource = null;
        PrincipalElement principal = null;
        List<Condition> conditions = List.of();
        while (in.nextToken() == JsonToken.FIELD_NAME) {
            nameLocation = in.currentTokenLocation();
            String name = in.currentName();
            in.nextToken();
            path.push(name);
            switch (name) {
                case "Sid" -> sid = readString();
                case "Effect" -> effect = readEffect();
                case "Action", "NotAction" -> {
                    if (action != null) {
                        throw error("a statement has either Action or NotAction, not both", null);
                    }
                    action = new ActionElement(name.equals("NotAction"), readActions());
                }
                case "Resource", "NotResource" -> {
                    if (kind == PolicyKind.TRUST) {
                        // AWS refuses it (MalformedPolicyDocument: "Has prohibited field Resource")
                        throw error("a role trust policy has no " + name + ": the role itself is the resource",
                                "remove \"" + name + "\"; say who may assume the role in \"Principal\"");
                    }
                    if (resource != null) {
                        throw error("a statement has either Resource or NotResource, not both", null);
                    }
                    resource = new ResourceElement(name.equals("NotResource"), readResources());
                }
                case "Principal", "NotPrincipal" -> {
                    if (principal != null) {
                        throw error("a statement has either Principal or NotPrincipal, not both", null);
                    }
                    principal = readPrincipal(name.equals("NotPrincipal"));
                }
                case "Condition" -> conditions = readConditions();
                default -> throw unknownKey(name, STATEMENT_KEYS, "statement element");
            }
            path.pop();
        }
        if (effect == null) {
            throw errorAt(start, "the statement has no Effect", "add \"Effect\": \"Allow\" or \"Effect\": \"Deny\"");
        }
        if (action == null) {
            throw errorAt(start, "the statement has no Action or NotAction",
                    "add the actions it covers, e.g. \"Action\": \"s3:GetObject\"");
        }
        if (resource == null && kind.requiresResource()) {
            throw errorAt(start, "the statement has no Resource or NotResource",
                    "an " + kind.description() + " says which resources it covers; use \"Resource\": \"*\" for all");
        }
        if (principal == null && (kind == PolicyKind.RESOURCE || kind == PolicyKind.TRUST)) {
            // AWS refuses to store it (MalformedPolicyDocument: "Missing required field Principal").
            throw errorAt(start, "the statement has no Principal or NotPrincipal",
                    "a " + kind.description() + " says whom it applies to, e.g. \"Principal\": {\"AWS\":"
                            + " \"arn:aws:iam::111122223333:root\"}" + (kind == PolicyKind.TRUST
                            ? " for an account or {\"Service\": \"lambda.amazonaws.com\"} for a service"
                            : ", or \"*\" for everyone"));
        }
        return new Statement(sid, effect, action, resource, principal, conditions);
    }

    private Effect readEffect() throws IOException {
        String text = readString();
        for (Effect e : Effect.values()) {
            if (e.json().equals(text)) {
                return e;
            }
        }
        String hint = Hints.didYouMean(text, EFFECTS);
        throw error("`" + text + "` is not an effect", hint != null ? hint : "Effect is \"Allow\" or \"Deny\"");
    }

    private StringList readActions() throws IOException {
        JsonLocation start = in.currentTokenLocation();
        StringList actions = readStrings("Action");
        for (int i = 0; i < actions.values().size(); i++) {
            String action = actions.values().get(i);
            if (action.equals("*")) {
                continue;
            }
            int colon = action.indexOf(':');
            if (colon <= 0) {
                pushIndex(actions, i);
                throw error("`" + action + "` has no service prefix",
                        "write actions as service:Action, e.g. `s3:" + (colon == 0 ? action.substring(1) : action)
                                + "`, or `*` for every action");
            }
            String service = action.substring(0, colon);
            if (!isServicePrefix(service)) {
                pushIndex(actions, i);
                throw error("`" + service + "` is not a service prefix", "a service prefix is like `s3` or `ec2`");
            }
            if (colon == action.length() - 1) {
                pushIndex(actions, i);
                throw error("`" + action + "` names no action", "write e.g. `" + action + "*` for every action of "
                        + service);
            }
            checkKnownAction(action, service, actions, i, start);
        }
        return actions;
    }

    /**
     * Warns about an action or service AWS does not have: AWS stores the policy, and the statement simply never
     * matches it. A pattern is checked by its service prefix only. The warning stands where the element's value
     * starts ({@code start}): the values of an array keep no locations of their own.
     */
    private void checkKnownAction(String action, String service, StringList actions, int i, JsonLocation start) {
        boolean pattern = action.indexOf('*') >= 0 || action.indexOf('?') >= 0;
        ActionCatalog catalog = ActionCatalog.aws();
        Optional<ActionCatalog.Unknown> unknown;
        if (!pattern) {
            unknown = catalog.check(action);
        } else if (service.indexOf('*') < 0 && service.indexOf('?') < 0 && !catalog.isService(service)) {
            unknown = catalog.check(service + ":");
        } else {
            unknown = Optional.empty();
        }
        // A retired service named by hundreds of actions (older AWS managed policies do so) is one warning.
        if (unknown.isPresent() && warnedProblems.add(unknown.get().problem())) {
            pushIndex(actions, i);
            warnings.add(new PolicyWarning(Math.max(1, start.getLineNr()), Math.max(1, start.getColumnNr()),
                    path.current(), unknown.get().problem(), unknown.get().hint()));
            if (!actions.writtenAsString()) {
                path.pop();
            }
        }
    }

    private PolicyWarning warning(String problem, String hint) {
        JsonLocation at = in.currentTokenLocation();
        return new PolicyWarning(Math.max(1, at.getLineNr()), Math.max(1, at.getColumnNr()), path.current(), problem,
                hint);
    }

    /** Letters, digits, {@code -} and wildcards (a loop: this runs for every action of every policy). */
    private static boolean isServicePrefix(String service) {
        for (int i = 0; i < service.length(); i++) {
            char c = service.charAt(i);
            if (!Character.isLetterOrDigit(c) && c != '-' && c != '*' && c != '?') {
                return false;
            }
        }
        return true;
    }

    private StringList readResources() throws IOException {
        StringList resources = readStrings("Resource");
        for (int i = 0; i < resources.values().size(); i++) {
            String resource = resources.values().get(i);
            if (resource.equals("*") || ArnPattern.isArnShaped(resource)) {
                checkVariables(resource, resources, i);
                continue;
            }
            pushIndex(resources, i);
            throw error("`" + resource + "` is not an ARN", resource.startsWith("arn:")
                    ? "an ARN has six parts, arn:partition:service:region:account:resource, e.g. arn:aws:s3:::my-bucket"
                    : "write the resource's ARN, e.g. `arn:aws:s3:::" + resource + "`, or `*` for every resource");
        }
        return resources;
    }

    private PrincipalElement readPrincipal(boolean not) throws IOException {
        String element = not ? "NotPrincipal" : "Principal";
        if (!kind.namesPrincipals()) {
            throw error(element + " is not allowed in an " + kind.description(),
                    "an " + kind.description() + " applies to whoever it is attached to; name principals only in"
                            + " resource-based policies and trust policies");
        }
        if (not && kind == PolicyKind.TRUST) {
            throw error("NotPrincipal is not allowed in a role trust policy",
                    "name the principals that may assume the role in Principal");
        }
        if (in.currentToken() == JsonToken.VALUE_STRING) {
            String value = in.getText();
            if (!value.equals("*")) {
                throw error("`" + value + "` is not a principal", "write \"*\" for everyone or an object such as"
                        + " {\"AWS\": \"arn:aws:iam::111122223333:root\"}");
            }
            return new PrincipalElement(not, true, Map.of());
        }
        if (in.currentToken() != JsonToken.START_OBJECT) {
            throw error(element + " must be \"*\" or an object, not " + describe(in.currentToken()), null);
        }
        Map<PrincipalType, StringList> principals = new LinkedHashMap<>();
        while (in.nextToken() == JsonToken.FIELD_NAME) {
            nameLocation = in.currentTokenLocation();
            String name = in.currentName();
            in.nextToken();
            path.push(name);
            PrincipalType type = PrincipalType.fromJson(name).orElse(null);
            if (type == null) {
                throw unknownKey(name, PRINCIPAL_TYPES, "principal type");
            }
            StringList values = readStrings(name);
            for (int i = 0; i < values.values().size(); i++) {
                checkPrincipalValue(type, values, i);
            }
            principals.put(type, values);
            path.pop();
        }
        if (principals.isEmpty()) {
            throw error(element + " names nobody", "add e.g. {\"AWS\": \"arn:aws:iam::111122223333:root\"}");
        }
        return new PrincipalElement(not, false, principals);
    }

    private void checkPrincipalValue(PrincipalType type, StringList values, int i) {
        String value = values.values().get(i);
        if (type != PrincipalType.AWS || value.equals("*")) {
            return;
        }
        boolean accountId = Principal.isAccountId(value);
        boolean iamArn = value.startsWith("arn:") && ArnPattern.isArnShaped(value);
        if (!accountId && !iamArn) {
            pushIndex(values, i);
            throw error("`" + value + "` is not an AWS principal",
                    "use an account ID, arn:aws:iam::ACCOUNT:root, or a user, role or role-session ARN");
        }
        if (iamArn && (value.indexOf('*') >= 0 || value.indexOf('?') >= 0)) {
            pushIndex(values, i);
            throw error("wildcards are not allowed in a principal ARN (`" + value + "`)",
                    "name the principal exactly, or use \"*\" with an ArnLike condition on aws:PrincipalArn");
        }
        if (iamArn && isGroupArn(value)) {
            // IAM User Guide, "IAM user groups" and "AWS JSON policy elements: Principal": a group is not a
            // principal, so AWS refuses to store the policy ("Invalid principal in policy").
            pushIndex(values, i);
            throw error("`" + value + "` is an IAM group, which cannot be a principal",
                    "name the group's users one by one, or give them a role to assume and name the role");
        }
        String account = iamArn ? accountOf(value) : null;
        if (account != null && !account.equals("aws") && !Principal.isAccountId(account)) {
            pushIndex(values, i);
            warnings.add(warning("`" + account + "` in `" + value + "` is not an account ID",
                    "an account ID is exactly 12 digits, such as `111122223333`"));
            if (!values.writtenAsString()) {
                path.pop();
            }
        }
    }

    private static boolean isGroupArn(String arn) {
        String[] parts = arn.split(":", 6);
        return parts.length == 6 && parts[2].equals("iam") && parts[5].startsWith("group/");
    }

    /** The account field of an ARN, the fifth of its colon-separated parts. */
    private static String accountOf(String arn) {
        String[] parts = arn.split(":", 6);
        return parts.length == 6 ? parts[4] : null;
    }

    private List<Condition> readConditions() throws IOException {
        if (in.currentToken() != JsonToken.START_OBJECT) {
            throw error("Condition must be an object, not " + describe(in.currentToken()),
                    "write {\"StringEquals\": {\"aws:username\": \"alice\"}}");
        }
        List<Condition> conditions = new ArrayList<>();
        while (in.nextToken() == JsonToken.FIELD_NAME) {
            nameLocation = in.currentTokenLocation();
            String operatorText = in.currentName();
            in.nextToken();
            path.push(operatorText);
            // Not orElseThrow: its lambda would capture, and allocate, for every operator read.
            QualifiedOperator operator = QualifiedOperator.parse(operatorText).orElse(null);
            if (operator == null) {
                String hint = Hints.didYouMean(operatorText, ConditionOperator.allSpellings());
                throw errorAt(nameLocation, "`" + operatorText + "` is not a condition operator",
                        hint != null ? hint : "see the IAM User Guide's list of condition operators");
            }
            if (in.currentToken() != JsonToken.START_OBJECT) {
                throw error("an operator takes an object of condition keys, not " + describe(in.currentToken()),
                        "write {\"" + operatorText + "\": {\"aws:SourceIp\": \"203.0.113.0/24\"}}");
            }
            while (in.nextToken() == JsonToken.FIELD_NAME) {
                String key = in.currentName();
                in.nextToken();
                path.push(key);
                StringList values = readStrings(key);
                for (int i = 0; i < values.values().size(); i++) {
                    checkConditionValue(operator, values, i);
                }
                conditions.add(new Condition(operatorText, operator, key, values));
                path.pop();
            }
            path.pop();
        }
        return conditions;
    }

    private void checkConditionValue(QualifiedOperator operator, StringList values, int i) {
        String value = values.values().get(i);
        String problem = switch (operator.base().family()) {
            case NUMERIC -> ConditionValues.number(value).isEmpty() ? "`" + value + "` is not a number" : null;
            case DATE -> ConditionValues.date(value).isEmpty() && !Template.parse(value, true).hasVariables()
                    ? "`" + value + "` is not a date" : null;
            case IP -> IpRange.parse(value).isEmpty() ? "`" + value + "` is not an IP address or CIDR block" : null;
            case BOOL, NULL -> ConditionValues.isBoolean(value) ? null : "`" + value + "` is not true or false";
            case BINARY -> ConditionValues.binary(value).isEmpty() ? "`" + value + "` is not base64" : null;
            default -> null;
        };
        if (problem != null) {
            pushIndex(values, i);
            throw error(problem + " (" + operator.base().awsName() + " compares " + expected(operator) + ")", null);
        }
        checkVariables(value, values, i);
    }

    private static String expected(QualifiedOperator operator) {
        return switch (operator.base().family()) {
            case NUMERIC -> "numbers";
            case DATE -> "ISO 8601 dates such as 2026-12-31T23:59:59Z, or epoch seconds";
            case IP -> "addresses with CIDR blocks such as 203.0.113.0/24 or 2001:db8::/32";
            case BOOL -> "\"true\" or \"false\"";
            case NULL -> "\"true\" (the key is absent) or \"false\" (the key is present)";
            case BINARY -> "base64-encoded bytes";
            default -> "strings";
        };
    }

    /** Remembers the first policy variable, a warning unless the Version turns out to be 2012-10-17. */
    private void checkVariables(String value, StringList values, int i) {
        if (firstVariableUse != null || !value.contains("${") || !Template.parse(value, true).hasVariables()) {
            return;
        }
        pushIndex(values, i);
        firstVariableUse = warning("`" + value + "` uses a policy variable, but the policy's Version is "
                        + "missing or 2008-10-17, so AWS matches `${...}` literally",
                "policy variables need \"Version\": \"2012-10-17\"");
        if (!values.writtenAsString()) {
            path.pop();
        }
    }

    /** Reads a string or an array of strings; numbers and booleans are read as their text. */
    private StringList readStrings(String element) throws IOException {
        JsonToken token = in.currentToken();
        if (token == JsonToken.START_ARRAY) {
            List<String> values = new ArrayList<>();
            int index = 0;
            while (in.nextToken() != JsonToken.END_ARRAY) {
                path.index(index++);
                values.add(scalar(element));
                path.pop();
            }
            if (values.isEmpty()) {
                throw error(element + " is an empty array", "list at least one value");
            }
            return StringList.array(values);
        }
        return StringList.of(scalar(element));
    }

    private String scalar(String element) throws IOException {
        JsonToken token = in.currentToken();
        if (token == JsonToken.VALUE_STRING || token == JsonToken.VALUE_NUMBER_INT
                || token == JsonToken.VALUE_NUMBER_FLOAT || token == JsonToken.VALUE_TRUE
                || token == JsonToken.VALUE_FALSE) {
            return in.getText();
        }
        throw error(element + " takes a string or an array of strings, not " + describe(token), null);
    }

    private String readString() throws IOException {
        if (in.currentToken() != JsonToken.VALUE_STRING) {
            throw error("expected a string, not " + describe(in.currentToken()), null);
        }
        return in.getText();
    }

    private void pushIndex(StringList values, int i) {
        if (!values.writtenAsString()) {
            path.index(i);
        }
    }

    /** An unknown name, reported where the name (not its value) stands. */
    private PolicyParseException unknownKey(String name, List<String> known, String what) {
        String hint = Hints.didYouMean(name, known);
        return errorAt(nameLocation, "`" + name + "` is not a " + what,
                hint != null ? hint : "expected one of " + String.join(", ", known));
    }

    private PolicyParseException error(String problem, String hint) {
        return errorAt(in.currentTokenLocation(), problem, hint);
    }

    /** An error at {@code at}; an empty input has no token, so its position is taken as line 1, column 1. */
    private PolicyParseException errorAt(JsonLocation at, String problem, String hint) {
        return new PolicyParseException(Math.max(1, at.getLineNr()), Math.max(1, at.getColumnNr()), path.current(),
                problem, hint);
    }

    private static String describe(JsonToken token) {
        if (token == null) {
            return "the end of the input";
        }
        return switch (token) {
            case START_OBJECT -> "an object";
            case START_ARRAY -> "an array";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            default -> token.asString() == null ? token.name().toLowerCase(java.util.Locale.ROOT) : token.asString();
        };
    }
}
