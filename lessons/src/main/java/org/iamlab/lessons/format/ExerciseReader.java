package org.iamlab.lessons.format;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.iamlab.engine.catalog.ActionCatalog;
import org.iamlab.engine.parse.Hints;
import org.iamlab.lessons.model.Check;
import org.iamlab.lessons.model.Exercise;
import org.iamlab.lessons.model.Expectation;
import org.iamlab.lessons.model.Header;
import org.iamlab.lessons.model.LeastPrivilege;
import org.iamlab.lessons.model.Location;
import org.iamlab.lessons.model.Option;
import org.iamlab.lessons.model.Permit;
import org.iamlab.lessons.model.Ref;
import org.iamlab.lessons.model.Request;
import org.iamlab.lessons.model.Slot;
import org.iamlab.lessons.model.Snippet;
import org.iamlab.lessons.model.Topic;

/**
 * Reads one exercise file (docs/exercises.md): YAML whose worlds, edits and solutions are DSL snippets. Every
 * structural mistake is an {@link ExerciseFormatException} at its line; mistakes inside the DSL snippets are found
 * when the exercise's world is built (see {@code org.iamlab.lessons.check.Worlds}), also at the file's line.
 */
public final class ExerciseReader {

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]*");
    private static final Set<String> COMMON = Set.of("id", "kind", "title", "topic", "concepts", "points", "prompt",
            "hints", "explanation", "world");
    private static final Map<String, Set<String>> KIND_FIELDS = Map.of(
            "decision", Set.of("request"),
            "policy", Set.of("policy", "solution", "checks", "hidden", "leastPrivilege"),
            "fix", Set.of("change", "solution", "checks", "hidden", "leastPrivilege"),
            "choice", Set.of("options", "multi", "checks"));
    private static final Set<String> REQUEST = Set.of("principal", "action", "resource", "context");
    private static final Set<String> OPTION = Set.of("text", "edit", "why");
    private static final Set<String> PROBE = Set.of("principals", "services", "resources", "permit");
    private static final Set<String> PERMIT = Set.of("principal", "action", "resource");

    private ExerciseReader() {
    }

    /** The exercises of one file, in the order written. {@code file} names the file in error messages. */
    public static List<Exercise> read(String text, String file) {
        Node root = YamlTree.parse(text, file);
        Fields top = new Fields(root, "an exercise file", Set.of("exercises"));
        Node list = top.node("exercises");
        if (!(list instanceof Node.Sequence seq)) {
            throw new ExerciseFormatException(list.at(), "`exercises` must be a list (one `- id: ...` per exercise)");
        }
        List<Exercise> out = new ArrayList<>();
        Set<String> ids = new TreeSet<>();
        for (Node n : seq.items()) {
            Exercise e = exercise(n);
            if (!ids.add(e.id())) {
                throw new ExerciseFormatException(e.header().at(), "exercise `" + e.id() + "` is defined twice in"
                        + " this file");
            }
            out.add(e);
        }
        return List.copyOf(out);
    }

    private static Exercise exercise(Node node) {
        Fields kindOnly = new Fields(node, "an exercise", allFields());
        String kind = kindOnly.text("kind");
        if (!KIND_FIELDS.containsKey(kind)) {
            String hint = Hints.didYouMean(kind, KIND_FIELDS.keySet());
            throw new ExerciseFormatException(kindOnly.scalar("kind").at(), "`" + kind + "` is not a kind of"
                    + " exercise" + (hint != null ? "; " + hint : "; the kinds are decision, policy, fix and choice"));
        }
        Set<String> allowed = new TreeSet<>(COMMON);
        allowed.addAll(KIND_FIELDS.get(kind));
        Fields f = new Fields(node, "a " + kind + " exercise", allowed);
        Header h = header(f);
        return switch (kind) {
            case "decision" -> new Exercise.Decision(h, request(f.node("request"), "the request"));
            case "policy" -> policy(h, f);
            case "fix" -> fix(h, f);
            default -> choice(h, f);
        };
    }

    private static Set<String> allFields() {
        Set<String> all = new TreeSet<>(COMMON);
        KIND_FIELDS.values().forEach(all::addAll);
        return all;
    }

    private static Header header(Fields f) {
        Node.Scalar idNode = f.scalar("id");
        String id = idNode.text();
        if (!ID.matcher(id).matches()) {
            throw new ExerciseFormatException(idNode.at(), "the id `" + id + "` may hold only lowercase letters,"
                    + " digits and dashes, e.g. `bob-reads-logs`");
        }
        Node.Scalar topicNode = f.scalar("topic");
        Topic topic = Topic.ofSlug(topicNode.text());
        if (topic == null) {
            String hint = Hints.didYouMean(topicNode.text(), Topic.slugs());
            throw new ExerciseFormatException(topicNode.at(), "`" + topicNode.text() + "` is not a topic"
                    + (hint != null ? "; " + hint : "; the topics are " + String.join(", ", Topic.slugs())));
        }
        return new Header(id, f.text("title"), topic, f.texts("concepts"), f.integer("points", 1),
                f.text("prompt"), f.texts("hints"), f.text("explanation", null), snippet(f, "world"), f.at());
    }

    private static Exercise policy(Header h, Fields f) {
        List<Check> checks = checks(f, "checks", false);
        if (checks.stream().noneMatch(c -> c.expect() == Expectation.ALLOWED)) {
            throw new ExerciseFormatException(f.keyAt("checks"), "a policy exercise needs at least one `allow:`"
                    + " check, or an empty policy would pass it");
        }
        return new Exercise.WritePolicy(h, slot(f.node("policy")), snippet(f, "solution"), checks,
                checks(f, "hidden", true), f.has("leastPrivilege") ? probe(f.node("leastPrivilege"))
                : LeastPrivilege.defaults());
    }

    private static Exercise fix(Header h, Fields f) {
        List<Slot> change = new ArrayList<>();
        for (Node n : f.list("change")) {
            change.add(slot(n));
        }
        if (change.isEmpty()) {
            throw new ExerciseFormatException(f.at(), "a fix exercise needs `change:`, the policies the learner"
                    + " may change");
        }
        return new Exercise.Fix(h, change, snippet(f, "solution"), checks(f, "checks", false),
                checks(f, "hidden", true), f.has("leastPrivilege") ? probe(f.node("leastPrivilege")) : null);
    }

    private static Exercise choice(Header h, Fields f) {
        List<Option> options = new ArrayList<>();
        for (Node n : f.list("options")) {
            Fields o = new Fields(n, "an option", OPTION);
            options.add(new Option(String.valueOf((char) ('A' + options.size())), o.text("text"),
                    snippet(o, "edit"), o.text("why", null)));
        }
        if (options.size() < 2 || options.size() > 26) {
            throw new ExerciseFormatException(f.keyAt("options"), "a choice question needs between 2 and 26"
                    + " `options:`, not " + options.size());
        }
        return new Exercise.Choice(h, options, f.bool("multi", false), checks(f, "checks", false));
    }

    private static List<Check> checks(Fields f, String key, boolean hidden) {
        List<Check> out = new ArrayList<>();
        for (Node n : f.list(key)) {
            Set<String> keys = new TreeSet<>(List.of("why"));
            for (Expectation e : Expectation.values()) {
                keys.add(e.key());
            }
            Fields c = new Fields(n, "a check", keys);
            List<Expectation> found = new ArrayList<>();
            for (Expectation e : Expectation.values()) {
                if (c.has(e.key())) {
                    found.add(e);
                }
            }
            if (found.size() != 1) {
                throw new ExerciseFormatException(c.at(), "a check has exactly one of `allow:`, `deny:`,"
                        + " `explicitDeny:` or `implicitDeny:` (then the request), not " + found.size());
            }
            Expectation e = found.get(0);
            out.add(new Check(e, request(c.node(e.key()), "the request of `" + e.key() + "`"), c.text("why", null),
                    hidden));
        }
        if (!hidden && out.isEmpty()) {
            throw new ExerciseFormatException(f.at(), "this exercise needs `" + key + ":`, the requests that decide"
                    + " it");
        }
        return out;
    }

    private static Request request(Node node, String what) {
        Fields r = new Fields(node, what, REQUEST);
        Node.Scalar action = r.scalar("action");
        Optional<ActionCatalog.Unknown> unknown = ActionCatalog.aws().check(action.text());
        if (unknown.isPresent()) {
            throw new ExerciseFormatException(action.at(), unknown.get().problem()
                    + (unknown.get().hint() != null ? "; " + unknown.get().hint() : ""));
        }
        Map<String, Object> context = new LinkedHashMap<>();
        if (r.has("context")) {
            Node ctx = r.node("context");
            if (!(ctx instanceof Node.Mapping m)) {
                throw new ExerciseFormatException(ctx.at(), "`context` is a mapping of condition keys to values,"
                        + " e.g. {aws:SourceIp: 203.0.113.7}");
            }
            m.entries().forEach((k, v) -> context.put(k, contextValue(k, v)));
        }
        return new Request(ref(r.scalar("principal")), action.text(), ref(r.scalar("resource")), context, r.at());
    }

    private static Object contextValue(String key, Node v) {
        if (v instanceof Node.Scalar s && s.text() != null) {
            return s.text();
        }
        if (v instanceof Node.Sequence seq) {
            List<String> values = new ArrayList<>();
            for (Node item : seq.items()) {
                if (!(item instanceof Node.Scalar s) || s.text() == null) {
                    throw new ExerciseFormatException(item.at(), "the values of `" + key + "` must be text");
                }
                values.add(s.text());
            }
            return values;
        }
        throw new ExerciseFormatException(v.at(), "the value of `" + key + "` must be text or a list of texts");
    }

    private static Ref ref(Node.Scalar s) {
        return new Ref(s.text(), s.at());
    }

    private static Slot slot(Node node) {
        Set<String> keys = new TreeSet<>(List.of("of"));
        for (Slot.Type t : Slot.Type.values()) {
            keys.add(t.key());
        }
        Fields s = new Fields(node, "a policy slot", keys);
        List<Slot.Type> found = new ArrayList<>();
        for (Slot.Type t : Slot.Type.values()) {
            if (s.has(t.key())) {
                found.add(t);
            }
        }
        if (found.size() != 1) {
            throw new ExerciseFormatException(s.at(), "a policy slot has exactly one of `inline:`, `managed:`,"
                    + " `trust:`, `resourcePolicy:`, `boundary:` or `scp:`, not " + found.size());
        }
        Slot.Type type = found.get(0);
        Node.Scalar value = s.scalar(type.key());
        return switch (type) {
            case INLINE -> {
                if (!s.has("of")) {
                    throw new ExerciseFormatException(s.at(), "an inline slot names its holder: `of: user('bob')`"
                            + " (or a group or role)");
                }
                yield new Slot(type, value.text(), ref(s.scalar("of")), s.at());
            }
            case MANAGED, SCP -> new Slot(type, value.text(), null, s.at());
            default -> new Slot(type, null, ref(value), s.at());
        };
    }

    private static LeastPrivilege probe(Node node) {
        Fields p = new Fields(node, "`leastPrivilege`", PROBE);
        List<Ref> principals = new ArrayList<>();
        for (Node n : p.list("principals")) {
            if (!(n instanceof Node.Scalar s) || s.text() == null) {
                throw new ExerciseFormatException(n.at(), "each principal is text, e.g. \"user('bob')\"");
            }
            principals.add(ref(s));
        }
        for (Node n : p.list("services")) {
            if (n instanceof Node.Scalar s && s.text() != null && !ActionCatalog.aws().isService(s.text())) {
                String hint = Hints.didYouMean(s.text(), ActionCatalog.aws().services());
                throw new ExerciseFormatException(s.at(), "`" + s.text() + "` is not a service prefix of the action"
                        + " catalogue" + (hint != null ? "; " + hint : ""));
            }
        }
        List<Permit> permit = new ArrayList<>();
        for (Node n : p.list("permit")) {
            Fields pf = new Fields(n, "a `permit` item", PERMIT);
            permit.add(new Permit(pf.text("principal", null), pf.text("action"), pf.text("resource")));
        }
        return new LeastPrivilege(principals, p.texts("services"), p.texts("resources"), permit);
    }

    private static Snippet snippet(Fields f, String key) {
        Node.Scalar s = f.scalar(key);
        return new Snippet(s.text(), s.contentAt());
    }
}
