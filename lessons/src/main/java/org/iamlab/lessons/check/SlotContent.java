package org.iamlab.lessons.check;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.iamlab.engine.world.PolicyText;

/**
 * What a policy slot holds in one world: the policy (empty when there is none) and, for a managed policy or an
 * SCP, where it is attached (holder ARNs; {@code root}, {@code ou/NAME} or {@code account/ID}), so that a policy
 * the learner created and attached is created and attached alike in the exercise's world. Empty
 * {@code attachedTo} keeps the attachments the exercise's world has.
 */
public record SlotContent(Optional<PolicyText> policy, List<String> attachedTo) {

    public SlotContent {
        Objects.requireNonNull(policy, "policy");
        attachedTo = List.copyOf(attachedTo);
    }

    /** {@code policy}, attached where the exercise's world attaches the slot's policy. */
    public static SlotContent of(PolicyText policy) {
        return new SlotContent(Optional.of(policy), List.of());
    }

    /** No policy. */
    public static SlotContent empty() {
        return new SlotContent(Optional.empty(), List.of());
    }
}
