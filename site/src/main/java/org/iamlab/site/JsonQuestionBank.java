package org.iamlab.site;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A question bank exported as JSON: an array (or {@code {"questions": [...]}}) of
 * {@code {id, topic, stem, options: [{id, text, correct, feedback}], explanation}}.
 */
public final class JsonQuestionBank implements QuestionBank {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final List<Question> questions;

    private JsonQuestionBank(List<Question> questions) {
        this.questions = List.copyOf(questions);
    }

    /** Reads {@code file}; a question without an id, stem or correct option is an error naming it. */
    public static JsonQuestionBank read(Path file) throws IOException {
        JsonNode root = JSON.readTree(file.toFile());
        JsonNode list = root != null && root.has("questions") ? root.get("questions") : root;
        if (list == null || !list.isArray()) {
            throw new IOException(file + ": expected an array of questions");
        }
        List<Question> questions = new ArrayList<>();
        int index = 0;
        for (JsonNode q : list) {
            String where = file + ": question " + (++index);
            List<Option> options = new ArrayList<>();
            for (JsonNode o : q.path("options")) {
                options.add(new Option(o.path("id").asText(String.valueOf((char) ('a' + options.size()))),
                        required(o, "text", where), o.path("correct").asBoolean(false), o.path("feedback").asText("")));
            }
            try {
                questions.add(new Question(required(q, "id", where), q.path("topic").asText(""),
                        required(q, "stem", where), options, q.path("explanation").asText("")));
            } catch (IllegalArgumentException e) {
                throw new IOException(where + ": " + e.getMessage(), e);
            }
        }
        return new JsonQuestionBank(questions);
    }

    private static String required(JsonNode node, String field, String where) throws IOException {
        String value = node.path(field).asText("");
        if (value.isBlank()) {
            throw new IOException(where + ": `" + field + "` is missing");
        }
        return value;
    }

    @Override
    public List<Question> questions() {
        return questions;
    }
}
