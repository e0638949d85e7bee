package org.iamlab.dsl;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import org.iamlab.engine.parse.Hints;
import org.iamlab.engine.world.Account;
import org.iamlab.engine.world.Resource;
import org.iamlab.engine.world.ResourceType;
import org.iamlab.engine.world.World;

/**
 * Finds the world's objects by name or ARN across its accounts, for the script's lookups ({@code user('alice')})
 * and a policy block's: exactly one must match, or the error says what to write instead.
 */
final class Lookups {

    private final World world;

    Lookups(World world) {
        this.world = world;
    }

    /** The {@code kind} called {@code nameOrArn} in any account; an ARN limits the search to its account. */
    <T> T find(String kind, String nameOrArn, BiFunction<Account, String, T> finder) {
        String name = simpleName(nameOrArn);
        List<T> found = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (Account a : world.accounts()) {
            if (nameOrArn.startsWith("arn:") && !nameOrArn.contains(":" + a.id() + ":")) {
                continue;
            }
            T t = finder.apply(a, name);
            if (t != null) {
                found.add(t);
            }
            names.addAll(a.names(kind));
        }
        if (found.size() == 1) {
            return found.get(0);
        }
        if (found.isEmpty()) {
            String hint = Hints.didYouMean(name, names);
            throw new DslException("no " + kind + " `" + nameOrArn + "` in the world" + (hint != null ? "; " + hint
                    : names.isEmpty() ? "; define it first, e.g. " + kind + "('" + name + "') { ... } or inside"
                    + " account('111122223333') { ... }" : ""));
        }
        throw new DslException(kind + " `" + name + "` exists in several accounts; use account('ID')." + kind
                + "('" + name + "') or its ARN");
    }

    /** Whether some account has a {@code kind} called {@code name}. */
    <T> boolean exists(String name, BiFunction<Account, String, T> finder) {
        return world.accounts().stream().anyMatch(a -> finder.apply(a, name) != null);
    }

    /** The resource of {@code type} with this name or ARN, in any account. */
    Resource resource(ResourceType type, String name) {
        List<Resource> found = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (Account a : world.accounts()) {
            for (Resource r : a.resources()) {
                if (r.type() == type) {
                    names.add(r.name());
                    if (r.name().equals(name) || r.arn().equals(name)) {
                        found.add(r);
                    }
                }
            }
        }
        if (found.size() == 1) {
            return found.get(0);
        }
        if (found.isEmpty()) {
            String hint = Hints.didYouMean(name, names);
            throw new DslException("no " + type.description() + " `" + name + "` in the world"
                    + (hint != null ? "; " + hint : ""));
        }
        throw new DslException(type.description() + " `" + name + "` exists in several accounts; use its ARN");
    }

    /** The last part of an IAM ARN ({@code arn:aws:iam::1:role/app/deployer} is {@code deployer}), or the name. */
    static String simpleName(String nameOrArn) {
        return nameOrArn.startsWith("arn:") ? nameOrArn.substring(nameOrArn.lastIndexOf('/') + 1) : nameOrArn;
    }
}
