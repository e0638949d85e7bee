package org.iamlab.lessons.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.iamlab.engine.policy.PolicyKind;
import org.iamlab.engine.world.Account;
import org.iamlab.engine.world.ControlPolicy;
import org.iamlab.engine.world.InlinePolicy;
import org.iamlab.engine.world.OrgUnit;
import org.iamlab.engine.world.Organization;
import org.iamlab.engine.world.Policy;
import org.iamlab.engine.world.PolicyHolder;
import org.iamlab.engine.world.PolicyText;
import org.iamlab.engine.world.Resource;
import org.iamlab.engine.world.Role;
import org.iamlab.engine.world.User;
import org.iamlab.engine.world.World;
import org.iamlab.lessons.model.Slot;

/**
 * Reads the policy a {@link Slot} names out of one world and writes it into another: how a learner's answer in
 * the notebook's world is checked in a fresh copy of the exercise's world, where nothing else they did counts.
 */
final class Slots {

    private Slots() {
    }

    /** What the slot's holder is missing from a world: the learner has not built it (yet). */
    static final class Missing extends RuntimeException {
        Missing(String message) {
            super(message, null, false, false);
        }
    }

    /** The slot's policy in {@code w}, or empty when the slot is empty; {@link Missing} when its holder is. */
    static Optional<PolicyText> read(ExerciseWorld w, Slot slot) {
        return switch (slot.type()) {
            case INLINE -> Optional.ofNullable(holder(w, slot).inlinePolicies().get(slot.name()))
                    .map(InlinePolicy::text);
            case MANAGED -> managed(w.world(), slot.name()).map(Policy::text);
            case TRUST -> Optional.of(role(w, slot).trustPolicy());
            case RESOURCE_POLICY -> resource(w, slot).policy();
            case BOUNDARY -> boundary(holder(w, slot)).map(Policy::text);
            case SCP -> scp(w.world(), slot.name()).map(ControlPolicy::text);
        };
    }

    /** Puts {@code text} in the slot of {@code w} (empty: removes the policy, where IAM lets one be removed). */
    static void write(ExerciseWorld w, Slot slot, Optional<PolicyText> text) {
        switch (slot.type()) {
            case INLINE -> {
                PolicyHolder h = holder(w, slot);
                if (text.isPresent()) {
                    h.putInline(new InlinePolicy(slot.name(), text.get()));
                } else if (h.inlinePolicies().containsKey(slot.name())) {
                    h.deleteInline(slot.name());
                }
            }
            case MANAGED -> replaceManaged(w.world(), slot.name(), text);
            case TRUST -> role(w, slot).trustPolicy(text.orElseThrow(() -> new Missing("a role always has a trust"
                    + " policy")));
            case RESOURCE_POLICY -> resource(w, slot).policy(text.orElse(null));
            case BOUNDARY -> {
                PolicyHolder h = holder(w, slot);
                Policy p = text.map(t -> h.account().createPolicy(freeName(h.account(), "answer-boundary"), "/", t,
                        null)).orElse(null);
                setBoundary(h, p);
            }
            case SCP -> replaceScp(w.world(), slot.name(), text);
        }
    }

    private static PolicyHolder holder(ExerciseWorld w, Slot slot) {
        Object v = value(w, slot);
        if (v instanceof PolicyHolder h) {
            return h;
        }
        throw new IllegalArgumentException("`" + slot.of() + "` is not a user, group or role");
    }

    private static Role role(ExerciseWorld w, Slot slot) {
        if (value(w, slot) instanceof Role r) {
            return r;
        }
        throw new IllegalArgumentException("`" + slot.of() + "` is not a role");
    }

    private static Resource resource(ExerciseWorld w, Slot slot) {
        if (value(w, slot) instanceof Resource r) {
            return r;
        }
        throw new IllegalArgumentException("`" + slot.of() + "` is not a resource");
    }

    private static Object value(ExerciseWorld w, Slot slot) {
        try {
            return w.value(slot.of());
        } catch (RuntimeException e) {
            throw new Missing(e instanceof org.iamlab.lessons.format.ExerciseFormatException f ? f.problem()
                    : e.getMessage());
        }
    }

    private static Optional<Policy> boundary(PolicyHolder h) {
        if (h instanceof User u) {
            return u.permissionsBoundary();
        }
        if (h instanceof Role r) {
            return r.permissionsBoundary();
        }
        throw new IllegalArgumentException("a group has no permissions boundary; name a user or a role");
    }

    private static void setBoundary(PolicyHolder h, Policy p) {
        if (h instanceof User u) {
            u.permissionsBoundary(p);
        } else if (h instanceof Role r) {
            r.permissionsBoundary(p);
        } else {
            throw new IllegalArgumentException("a group has no permissions boundary; name a user or a role");
        }
    }

    private static Optional<Policy> managed(World world, String name) {
        for (Account a : world.accounts()) {
            Optional<Policy> p = a.findCustomerPolicy(name);
            if (p.isPresent()) {
                return p;
            }
        }
        return Optional.empty();
    }

    /** IAM keeps a managed policy's versions; the world has no versions, so the policy is replaced in place. */
    private static void replaceManaged(World world, String name, Optional<PolicyText> text) {
        Policy old = managed(world, name).orElseThrow(() -> new Missing("there is no customer managed policy `"
                + name + "`"));
        Account account = world.accounts().stream().filter(a -> a.findCustomerPolicy(name).isPresent()).findFirst()
                .orElseThrow();
        List<PolicyHolder> holders = new ArrayList<>(old.attachedTo());
        List<PolicyHolder> bounded = new ArrayList<>(old.boundaryOf());
        holders.forEach(h -> h.detach(old));
        bounded.forEach(h -> setBoundary(h, null));
        account.deletePolicy(old.arn());
        if (text.isPresent()) {
            Policy fresh = account.createPolicy(name, old.path(), text.get(), old.description());
            holders.forEach(h -> h.attach(fresh));
            bounded.forEach(h -> setBoundary(h, fresh));
        }
    }

    private static Optional<ControlPolicy> scp(World world, String name) {
        return world.organization().flatMap(o -> o.policies().stream()
                .filter(p -> p.name().equals(name) && p.kind() == PolicyKind.SERVICE_CONTROL).findFirst());
    }

    /** Organizations keep SCP names unique, so the answer is a new SCP where the old one was attached. */
    private static void replaceScp(World world, String name, Optional<PolicyText> text) {
        Organization org = world.organization().orElseThrow(() -> new Missing("there is no organization"));
        ControlPolicy old = scp(world, name).orElseThrow(() -> new Missing("there is no SCP `" + name + "`"));
        List<Object> targets = new ArrayList<>();
        for (OrgUnit u : org.units()) {
            targets.add(u);
        }
        targets.addAll(org.accounts());
        ControlPolicy fresh = text.map(t -> org.createPolicy(PolicyKind.SERVICE_CONTROL, freeScpName(org, name), t))
                .orElse(null);
        for (Object target : targets) {
            if (org.attached(target).contains(old)) {
                org.detach(old, target);
                if (fresh != null) {
                    org.attach(fresh, target);
                }
            }
        }
    }

    private static String freeScpName(Organization org, String name) {
        String candidate = name + "-answer";
        for (int i = 2; hasPolicy(org, candidate); i++) {
            candidate = name + "-answer-" + i;
        }
        return candidate;
    }

    private static boolean hasPolicy(Organization org, String name) {
        return org.policies().stream().anyMatch(p -> p.name().equals(name));
    }

    private static String freeName(Account account, String base) {
        String candidate = base;
        for (int i = 2; account.findCustomerPolicy(candidate).isPresent(); i++) {
            candidate = base + "-" + i;
        }
        return candidate;
    }
}
