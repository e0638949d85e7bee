package org.iamlab.site;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.iamlab.dsl.Lab;
import org.iamlab.engine.render.HtmlTraceView;
import org.iamlab.engine.world.Answer;
import org.iamlab.engine.world.World;

/**
 * The one-page reference "How AWS decides": the evaluation order in words ({@code decides.adoc}), then three
 * requests of one small world ({@code decides.groovy}) decided by the evaluator and drawn by the engine's HTML
 * trace view, each with its evaluation flow.
 */
final class DecidesPage {

    static final String FILE = "how-aws-decides.html";
    static final String TITLE = "How AWS decides";
    private static final List<String> CAPTIONS = List.of("Allowed: a group's policy allows it",
            "Explicitly denied: a deny wins over the allow", "Implicitly denied: nothing allows it");

    private DecidesPage() {
    }

    static String adoc() throws IOException {
        List<Answer> answers = new ArrayList<>();
        new Lab(new World(), value -> {
            if (value instanceof Answer a) {
                answers.add(a);
            }
        }).run(resource("decides.groovy"), "decides.groovy");
        StringBuilder out = new StringBuilder(resource("decides.adoc")).append('\n');
        for (int i = 0; i < answers.size(); i++) {
            out.append("=== ").append(i < CAPTIONS.size() ? CAPTIONS.get(i) : answers.get(i).decision().label())
                    .append("\n\n").append(Blocks.passthrough("<div class=\"output output-html\">"
                            + HtmlTraceView.fragment(answers.get(i).trace()) + "</div>"));
        }
        return out.toString();
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = DecidesPage.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
