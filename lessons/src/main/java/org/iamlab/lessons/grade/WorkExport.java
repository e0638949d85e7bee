package org.iamlab.lessons.grade;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.iamlab.dsl.Lab;
import org.iamlab.engine.trace.Decision;
import org.iamlab.engine.world.PolicyText;
import org.iamlab.lessons.Workbook;
import org.iamlab.lessons.check.Checker;
import org.iamlab.lessons.check.SlotContent;
import org.iamlab.lessons.check.Work;
import org.iamlab.lessons.format.Catalog;
import org.iamlab.lessons.model.Exercise;
import org.iamlab.lessons.model.Slot;

/**
 * What a student built and answered, as data that crosses from the JVM that ran their notebook to the grader:
 * per exercise, the answer given ({@code {"answer": "B"}}), or what each policy slot holds
 * ({@code {"slots": [{"policy": "{...}", "attachedTo": [...]}]}}), or why nothing is there
 * ({@code {"notAttempted": "..."}}). Only the public part of an exercise (its world and slots) is needed to
 * read it, so the hidden checks stay with the grader.
 */
public final class WorkExport {

    private static final ObjectMapper JSON = new ObjectMapper();

    private WorkExport() {
    }

    /** The work on {@code ids} in {@code lab} (its world, and its workbook's answers). */
    public static ObjectNode of(Lab lab, Catalog catalog, Checker checker, List<String> ids) {
        Map<String, Object> answers = lab.coursework() instanceof Workbook w ? w.answers() : Map.of();
        ObjectNode out = JSON.createObjectNode();
        for (String id : ids) {
            ObjectNode item = out.putObject(id);
            try {
                Exercise e = catalog.get(id);
                if (e instanceof Exercise.Decision || e instanceof Exercise.Choice) {
                    Object given = answers.get(id);
                    if (given == null) {
                        item.put("notAttempted", "not answered");
                    } else {
                        item.set("answer", answer(given));
                    }
                    continue;
                }
                Work work = checker.work(e, lab.world());
                if (work.notAttempted() != null) {
                    item.put("notAttempted", work.notAttempted());
                    continue;
                }
                ArrayNode slots = item.putArray("slots");
                for (SlotContent c : work.slots().values()) {
                    ObjectNode s = slots.addObject();
                    s.put("policy", c.policy().map(PolicyText::json).orElse(null));
                    c.attachedTo().forEach(s.putArray("attachedTo")::add);
                }
            } catch (RuntimeException ex) {
                item.removeAll();
                item.put("notAttempted", "your world could not be read: " + ex.getMessage());
            }
        }
        return out;
    }

    private static JsonNode answer(Object given) {
        if (given instanceof Iterable<?> it) {
            ArrayNode list = JSON.createArrayNode();
            it.forEach(x -> list.add(String.valueOf(x)));
            return list;
        }
        return JSON.getNodeFactory().textNode(given instanceof Decision d ? d.label() : String.valueOf(given));
    }

    /** The answer exported for a decision or choice exercise, as {@link Checker#answer} takes it, or null. */
    static Object answerOf(JsonNode item) {
        JsonNode a = item.get("answer");
        if (a == null) {
            return null;
        }
        if (a.isArray()) {
            List<String> out = new ArrayList<>();
            a.forEach(x -> out.add(x.asText()));
            return out;
        }
        return a.asText();
    }

    /** The work exported for a policy or fix exercise {@code e}. */
    static Work workOf(Exercise e, JsonNode item) {
        if (item == null || item.has("notAttempted")) {
            return Work.missing(item == null ? "nothing was exported" : item.get("notAttempted").asText());
        }
        List<Slot> slots = Checker.slots(e);
        JsonNode given = item.path("slots");
        if (given.size() != slots.size()) {
            throw new IllegalArgumentException("the export has " + given.size() + " slots for `" + e.id()
                    + "`, which has " + slots.size());
        }
        Map<Slot, SlotContent> out = new LinkedHashMap<>();
        for (int i = 0; i < slots.size(); i++) {
            JsonNode s = given.get(i);
            Optional<PolicyText> policy = s.path("policy").isTextual()
                    ? Optional.of(PolicyText.parse(s.get("policy").asText(), slots.get(i).type().policyKind()))
                    : Optional.empty();
            List<String> attached = new ArrayList<>();
            s.path("attachedTo").forEach(x -> attached.add(x.asText()));
            out.put(slots.get(i), new SlotContent(policy, attached));
        }
        return Work.of(out);
    }
}
