package org.iamlab.lessons.check;

import java.util.LinkedHashMap;
import java.util.Map;
import org.iamlab.lessons.model.Slot;

/**
 * A learner's work on a policy or fix exercise, as data: what each slot holds, or (when {@code notAttempted} is
 * set) why there is nothing to check yet.
 */
public record Work(Map<Slot, SlotContent> slots, String notAttempted) {

    public Work {
        slots = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(slots));
    }

    public static Work of(Map<Slot, SlotContent> slots) {
        return new Work(slots, null);
    }

    public static Work missing(String why) {
        return new Work(Map.of(), why);
    }
}
