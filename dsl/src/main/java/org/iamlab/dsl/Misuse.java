package org.iamlab.dsl;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Words the mistakes where a name is right but its use is not: a command written outside the block it belongs
 * to, a command called with the wrong arguments, and a policy variable inside a Groovy double-quoted string.
 * "Did you mean `allow`?" after `allow` helps nobody; these say what is wrong instead.
 */
final class Misuse {

    /** Where each block's commands are written, in the order a learner meets them. */
    private static final Map<Class<?>, String> PLACES = new LinkedHashMap<>();

    static {
        PLACES.put(PolicySpec.class, "`inline('Name') { }` or `policy('Name') { }`");
        PLACES.put(PolicySpec.StatementSpec.class, "a statement, after `allow` or `deny` (allow 's3:GetObject' on '*')");
        PLACES.put(Specs.UserSpec.class, "`user('name') { }`");
        PLACES.put(Specs.GroupSpec.class, "`group('name') { }`");
        PLACES.put(Specs.RoleSpec.class, "`role('name') { }`");
        PLACES.put(Specs.ResourceSpec.class, "a resource's block, e.g. `bucket('name') { }`");
        PLACES.put(Specs.AccountSpec.class, "`account('111122223333') { }`");
        PLACES.put(Specs.OrgSpec.class, "`organization('111122223333') { }`");
    }

    /** What the commands most often called wrongly take, in words. */
    private static final Map<String, String> ARGUMENTS = Map.of(
            "explain", "who, action and resource (and optionally a map of context values)",
            "can", "who, action and resource (and optionally a map of context values)",
            "whoCan", "action and resource (and optionally a map of context values)",
            "whatCan", "who",
            "assumeRole", "who and role, then named arguments such as sessionName:",
            "allow", "actions, e.g. allow 's3:GetObject', 's3:PutObject' on '*'",
            "deny", "actions, e.g. deny 's3:DeleteObject' on '*'");

    /** A double-quoted string holding {@code ${...:...}}: an IAM policy variable Groovy took for its own. */
    private static final Pattern QUOTED_VARIABLE = Pattern.compile("\"([^\"\\n]*\\$\\{[^}\\n]*:[^}\\n]*}[^\"\\n]*)\"");

    private Misuse() {
    }

    /**
     * Why calling {@code name} failed when a command of that name exists: on {@code type} (the block it was
     * looked up in), it was called wrongly; elsewhere, it belongs in another block. Empty when no command has
     * that name.
     */
    static Optional<String> of(String name, Class<?> type) {
        if (type != null && has(type, name)) {
            return Optional.of(calledWrongly(name, type));
        }
        if (has(IamScript.class, name)) {
            return Optional.of(calledWrongly(name, IamScript.class));
        }
        List<String> places = new ArrayList<>();
        for (Map.Entry<Class<?>, String> e : PLACES.entrySet()) {
            if (has(e.getKey(), name)) {
                places.add(e.getValue());
            }
        }
        if (places.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("`" + name + "` goes inside " + String.join(" or ", places));
    }

    private static String calledWrongly(String name, Class<?> type) {
        String takes = ARGUMENTS.get(name);
        if (takes == null) {
            TreeSet<String> forms = new TreeSet<>();
            for (Method m : type.getMethods()) {
                if (m.getName().equals(name)) {
                    List<String> params = new ArrayList<>();
                    for (Class<?> p : m.getParameterTypes()) {
                        params.add(Map.class.isAssignableFrom(p) ? "named arguments" : p.getSimpleName());
                    }
                    forms.add("(" + String.join(", ", params) + ")");
                }
            }
            takes = String.join(" or ", forms);
        }
        return "`" + name + "` takes " + takes;
    }

    private static boolean has(Class<?> type, String name) {
        for (Method m : type.getMethods()) {
            if (m.getName().equals(name) && Modifier.isPublic(m.getModifiers()) && m.getDeclaringClass() != Object.class
                    && !m.getDeclaringClass().getName().startsWith("groovy.")) {
                return true;
            }
        }
        return false;
    }

    /**
     * When line {@code line} of {@code script} writes a policy variable in double quotes, what went wrong: Groovy
     * replaced {@code ${...}} itself before IAM Lab could see it.
     */
    static Optional<String> quotedVariable(String script, int line) {
        if (script == null || line <= 0) {
            return Optional.empty();
        }
        String text = script.lines().skip(line - 1).findFirst().orElse("");
        Matcher m = QUOTED_VARIABLE.matcher(text);
        if (!m.find()) {
            return Optional.empty();
        }
        return Optional.of("`\"" + m.group(1) + "\"` is in double quotes, where Groovy reads `${...}` as its own"
                + " interpolation, not as an IAM policy variable; write it in single quotes: `'" + m.group(1) + "'`");
    }
}
