package org.iamlab.dsl;

import groovy.lang.Closure;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.iamlab.engine.parse.Hints;
import org.iamlab.engine.parse.PolicyParseException;
import org.iamlab.engine.parse.PolicyWarning;
import org.iamlab.engine.policy.PolicyKind;
import org.iamlab.engine.world.Account;
import org.iamlab.engine.world.Actor;
import org.iamlab.engine.world.Instance;
import org.iamlab.engine.world.InstanceProfile;
import org.iamlab.engine.world.OidcProvider;
import org.iamlab.engine.world.Policy;
import org.iamlab.engine.world.PolicyHolder;
import org.iamlab.engine.world.PolicyText;
import org.iamlab.engine.world.Resource;
import org.iamlab.engine.world.Role;
import org.iamlab.engine.world.SamlProvider;
import org.iamlab.engine.world.Session;
import org.iamlab.engine.world.User;
import org.iamlab.engine.world.World;

/**
 * Turns what scripts write (names, ARNs, world objects, closures, maps, JSON, files) into world values; the
 * lessons module reads exercise requests through the same {@link #arnOf} and {@link #actor}.
 */
public final class Refs {

    private static final Pattern STATEMENT_INDEX = Pattern.compile("Statement\\[(\\d+)]");

    private Refs() {
    }

    /** The ARN (or text) a value stands for in a policy or request. */
    public static String arnOf(Object v) {
        if (v instanceof PolicyHolder h) {
            return h.arn();
        }
        if (v instanceof Session s) {
            return s.arn();
        }
        if (v instanceof Resource r) {
            return r.arn();
        }
        if (v instanceof Policy p) {
            return p.arn();
        }
        if (v instanceof InstanceProfile p) {
            return p.arn();
        }
        if (v instanceof Instance i) {
            return i.arn();
        }
        if (v instanceof OidcProvider p) {
            return p.arn();
        }
        if (v instanceof SamlProvider p) {
            return p.arn();
        }
        if (v instanceof Actor.RootUser r) {
            return r.principal();
        }
        if (v instanceof Account a) {
            return a.id();
        }
        if (v == null) {
            throw new DslException("a value is missing (null) where a name or ARN was expected");
        }
        return v.toString();
    }

    /**
     * The caller a value stands for: a user, role or session; an EC2 instance or Lambda function (their role's
     * session), an API or other resource (its service acting for it), an account (its root user), an ARN, a
     * service principal, {@code anonymous}, or the name of a user or role.
     */
    public static Actor actor(World world, Object who) {
        if (who instanceof Actor a) {
            return a;
        }
        if (who instanceof Instance i) {
            return i.session();
        }
        if (who instanceof Resource r) {
            return r.actor();
        }
        if (who instanceof Account a) {
            return a.root();
        }
        String text = arnOf(who);
        if (text.startsWith("arn:") || text.equals("anonymous") || text.equals("*") || text.contains(".")
                || text.matches("\\d{12}")) {
            return world.actor(text);
        }
        List<Actor> found = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (Account a : world.accounts()) {
            a.findUser(text).ifPresent(found::add);
            a.findRole(text).ifPresent(found::add);
            names.addAll(a.names("user"));
            names.addAll(a.names("role"));
        }
        if (found.size() == 1) {
            return found.get(0);
        }
        if (found.isEmpty()) {
            String hint = Hints.didYouMean(text, names);
            throw new DslException("no user or role `" + text + "` in the world" + (hint == null ? "" : "; " + hint));
        }
        throw new DslException("`" + text + "` names " + found.size() + " users and roles "
                + found.stream().map(Actor::principal).toList() + "; pass one of them, e.g. user('" + text + "')");
    }

    /** A policy document from a closure of statements, a map, JSON text, a file, or another policy. */
    static PolicyText policy(Lab lab, Object input, PolicyKind kind, String name, List<String> defaultResources) {
        String json;
        if (input instanceof Closure<?> c) {
            return policy(lab, Specs.configure(new PolicySpec(defaultResources, lab, accountAround(c)), c), kind,
                    name);
        } else if (input instanceof java.util.Map<?, ?> m) {
            json = Json.write(m);
        } else if (input instanceof File f) {
            json = read(lab, f.toPath());
        } else if (input instanceof Path p) {
            json = read(lab, p);
        } else if (input instanceof PolicyText t) {
            json = t.json();
        } else if (input instanceof Policy p) {
            json = p.text().json();
        } else if (input instanceof CharSequence s) {
            json = s.toString();
        } else {
            throw new DslException("policy `" + name + "` is given as a " + (input == null ? "null"
                    : input.getClass().getSimpleName()) + "; write it as a block of statements { allow ... },"
                    + " a map, JSON text, or file('policy.json')");
        }
        return parsed(lab, json, kind, name, null);
    }

    /** The document a policy block wrote, its warnings shown at the lines of its statements. */
    static PolicyText policy(Lab lab, PolicySpec spec, PolicyKind kind, String name) {
        return parsed(lab, Json.write(spec.toMap()), kind, name, spec);
    }

    private static PolicyText parsed(Lab lab, String json, PolicyKind kind, String name, PolicySpec spec) {
        PolicyText text;
        try {
            text = PolicyText.parse(json, kind);
        } catch (PolicyParseException e) {
            throw new DslException("in " + kind.description() + " `" + name + "`: " + e.getMessage(), e);
        }
        warn(lab, text, kind, name, spec);
        return text;
    }

    /**
     * Shows the policy's warnings: for a block of statements at the line of the statement concerned (the JSON
     * was written by the DSL, so its positions mean nothing to the learner), for JSON text at the policy's line,
     * with the position inside the text.
     */
    private static void warn(Lab lab, PolicyText text, PolicyKind kind, String name, PolicySpec spec) {
        for (PolicyWarning w : text.warnings()) {
            String where = "in " + kind.description() + " `" + name + "`: ";
            if (spec == null) {
                lab.warn(lab.currentLine(), where + w.message());
                continue;
            }
            Matcher m = STATEMENT_INDEX.matcher(w.path());
            int line = m.lookingAt() ? spec.lineOf(Integer.parseInt(m.group(1))) : 0;
            lab.warn(line > 0 ? line : lab.currentLine(), where + w.text());
        }
    }

    /**
     * The account of the innermost account block around {@code block} (its lookups look there), or {@code null}
     * when it is written outside any.
     */
    private static Account accountAround(Closure<?> block) {
        Object owner = block.getOwner();
        while (owner instanceof Closure<?> outer) {
            if (outer.getDelegate() instanceof Specs.AccountSpec a) {
                return a.account();
            }
            owner = outer.getOwner();
        }
        return null;
    }

    private static String read(Lab lab, Path path) {
        Path p = path.isAbsolute() ? path : lab.baseDir().resolve(path);
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new DslException("cannot read `" + path + "`: " + (e instanceof java.nio.file.NoSuchFileException
                    ? "no such file" : e.getMessage()));
        }
    }

    static Role role(Object v, Account account) {
        if (v instanceof Role r) {
            return r;
        }
        return account.role(arnOf(v).startsWith("arn:") ? arnOf(v).substring(arnOf(v).lastIndexOf('/') + 1)
                : arnOf(v));
    }

    static User user(Object v, Account account) {
        if (v instanceof User u) {
            return u;
        }
        String s = arnOf(v);
        return account.user(s.startsWith("arn:") ? s.substring(s.lastIndexOf('/') + 1) : s);
    }
}
