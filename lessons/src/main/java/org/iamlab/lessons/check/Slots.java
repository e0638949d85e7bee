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

    /** The slot's content in {@code w}; {@link Missing} when its holder is missing. */
    static SlotContent read(ExerciseWorld w, Slot slot) {
        return switch (slot.type()) {
            case INLINE -> content(Optional.ofNullable(holder(w, slot).inlinePolicies().get(slot.name()))
                    .map(InlinePolicy::text));
            case MANAGED -> managed(w.world(), slot.name()).map(p -> new SlotContent(Optional.of(p.text()),
                    p.attachedTo().stream().map(PolicyHolder::arn).sorted().toList())).orElse(SlotContent.empty());
            case TRUST -> content(Optional.of(role(w, slot).trustPolicy()));
            case RESOURCE_POLICY -> content(resource(w, slot).policy());
            case BOUNDARY -> content(boundary(holder(w, slot)).map(Policy::text));
            case SCP -> scp(w.world(), slot.name()).map(p -> new SlotContent(Optional.of(p.text()),
                    targets(w.world().organization().orElseThrow(), p))).orElse(SlotContent.empty());
        };
    }

    private static SlotContent content(Optional<PolicyText> text) {
        return new SlotContent(text, List.of());
    }

    /** Puts {@code content} in the slot of {@code w} (no policy: removes it, where IAM lets one be removed). */
    static void write(ExerciseWorld w, Slot slot, SlotContent content) {
        Optional<PolicyText> text = content.policy();
        switch (slot.type()) {
            case INLINE -> {
                PolicyHolder h = holder(w, slot);
                if (text.isPresent()) {
                    h.putInline(new InlinePolicy(slot.name(), text.get()));
                } else if (h.inlinePolicies().containsKey(slot.name())) {
                    h.deleteInline(slot.name());
                }
            }
            case MANAGED -> replaceManaged(w.world(), slot.name(), content);
            case TRUST -> role(w, slot).trustPolicy(text.orElseThrow(() -> new Missing("a role always has a trust"
                    + " policy")));
            case RESOURCE_POLICY -> resource(w, slot).policy(text.orElse(null));
            case BOUNDARY -> {
                PolicyHolder h = holder(w, slot);
                Policy p = text.map(t -> h.account().createPolicy(freeName(h.account(), "answer-boundary"), "/", t,
                        null)).orElse(null);
                setBoundary(h, p);
            }
            case SCP -> replaceScp(w.world(), slot.name(), content);
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
        } catch (IllegalArgumentException e) {
            throw new Missing(e.getMessage());
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

    /**
     * The answer's policy, attached where the answer had it (or, when the answer does not say, where the exercise's
     * world had it). A policy the exercise's world already has gets the answer's document as a new default
     * version, as editing it in IAM does; one the answer created is created; one the answer deleted is deleted.
     */
    private static void replaceManaged(World world, String name, SlotContent content) {
        Optional<Policy> old = managed(world, name);
        List<PolicyHolder> holders = new ArrayList<>();
        for (String arn : content.attachedTo()) {
            holders.add(holder(world, arn));
        }
        if (content.attachedTo().isEmpty() && old.isPresent()) {
            holders.addAll(old.get().attachedTo());
        }
        if (old.isPresent() && content.policy().isPresent()) {
            Policy p = old.get();
            world.accountOf(p).createPolicyVersion(p.arn(), content.policy().get(), true);
            new ArrayList<>(p.attachedTo()).stream().filter(h -> !holders.contains(h)).forEach(h -> h.detach(p));
            holders.stream().filter(h -> !p.attachedTo().contains(h)).forEach(h -> h.attach(p));
            return;
        }
        if (old.isPresent()) { // the answer has no such policy: it was deleted
            Policy p = old.get();
            new ArrayList<>(p.attachedTo()).forEach(h -> h.detach(p));
            new ArrayList<>(p.boundaryOf()).forEach(h -> setBoundary(h, null));
            world.accountOf(p).deletePolicy(p.arn());
        } else if (content.policy().isPresent()) {
            Account account = holders.isEmpty() ? world.defaultAccount() : holders.get(0).account();
            Policy fresh = account.createPolicy(name, "/", content.policy().get(), null);
            holders.forEach(h -> h.attach(fresh));
        }
    }

    /** The user, group or role an ARN such as {@code arn:aws:iam::111122223333:group/team} names. */
    private static PolicyHolder holder(World world, String arn) {
        String[] parts = arn.split(":", 6);
        Account account = world.account(parts[4]);
        String kind = parts[5].substring(0, parts[5].indexOf('/'));
        String name = parts[5].substring(parts[5].lastIndexOf('/') + 1);
        Optional<? extends PolicyHolder> h = switch (kind) {
            case "user" -> account.findUser(name);
            case "group" -> account.findGroup(name);
            default -> account.findRole(name);
        };
        return h.orElseThrow(() -> new IllegalArgumentException("the exercise's world has no " + kind + " `" + name
                + "` to attach the policy to"));
    }

    private static Optional<ControlPolicy> scp(World world, String name) {
        return world.organization().flatMap(o -> o.policies().stream()
                .filter(p -> p.name().equals(name) && p.kind() == PolicyKind.SERVICE_CONTROL).findFirst());
    }

    /** Where an SCP is attached: {@code root}, {@code ou/NAME}, {@code account/ID}. */
    private static List<String> targets(Organization org, ControlPolicy p) {
        List<String> out = new ArrayList<>();
        for (Object target : allTargets(org)) {
            if (org.attached(target).contains(p)) {
                out.add(label(target));
            }
        }
        return out;
    }

    private static List<Object> allTargets(Organization org) {
        List<Object> targets = new ArrayList<>(org.units());
        targets.addAll(org.accounts());
        return targets;
    }

    private static String label(Object target) {
        if (target instanceof OrgUnit u) {
            return u.isRoot() ? "root" : "ou/" + u.name();
        }
        return "account/" + ((Account) target).id();
    }

    /**
     * Organizations keep SCP names unique, so an answer to an SCP the exercise's world has is a new SCP where the
     * old one was attached (or where the answer says); an SCP it lacks is created under its name.
     */
    private static void replaceScp(World world, String name, SlotContent content) {
        Organization org = world.organization().orElseThrow(() -> new Missing("there is no organization"));
        Optional<ControlPolicy> old = scp(world, name);
        List<String> where = !content.attachedTo().isEmpty() ? content.attachedTo()
                : old.map(p -> targets(org, p)).orElse(List.of());
        if (old.isPresent()) {
            for (Object target : allTargets(org)) {
                if (org.attached(target).contains(old.get())) {
                    org.detach(old.get(), target);
                }
            }
        }
        if (content.policy().isEmpty()) {
            return;
        }
        ControlPolicy fresh = org.createPolicy(PolicyKind.SERVICE_CONTROL, old.isPresent() ? freeScpName(org, name)
                : name, content.policy().get());
        for (Object target : allTargets(org)) {
            if (where.contains(label(target))) {
                org.attach(fresh, target);
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
