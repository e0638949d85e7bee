package org.iamlab.dsl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every example of docs/dsl.md: {@code groovy} blocks must run, {@code groovy-error} blocks must stop with
 * the message of the {@code text} block after them, {@code groovy-warning} blocks must run and show exactly the
 * warnings of the {@code text} block after them. Blocks of one section share a world.
 */
class DocumentationTests {

    private static final Pattern BLOCK = Pattern.compile("```(groovy|groovy-error|groovy-warning|text)\\n(.*?)```",
            Pattern.DOTALL);

    private record Example(String section, String kind, String code, String expected) {
    }

    static Path docs() {
        String dir = System.getProperty("iamlab.docs", "../docs");
        return Path.of(dir, "dsl.md");
    }

    static List<Example> examples() throws IOException {
        String text = Files.readString(docs());
        List<Example> out = new ArrayList<>();
        String[] sections = text.split("\n## ");
        for (String section : sections) {
            String title = section.lines().findFirst().orElse("").strip();
            Matcher m = BLOCK.matcher(section);
            List<String[]> blocks = new ArrayList<>();
            while (m.find()) {
                blocks.add(new String[] {m.group(1), m.group(2)});
            }
            for (int i = 0; i < blocks.size(); i++) {
                String kind = blocks.get(i)[0];
                if (kind.equals("text")) {
                    continue;
                }
                String expected = null;
                if (kind.equals("groovy-error") || kind.equals("groovy-warning")) {
                    assertTrue(i + 1 < blocks.size() && blocks.get(i + 1)[0].equals("text"),
                            "a " + kind + " block in `" + title + "` is followed by its message in a text block");
                    expected = blocks.get(i + 1)[1].strip();
                }
                out.add(new Example(title, kind, blocks.get(i)[1], expected));
            }
        }
        return out;
    }

    @TestFactory
    Stream<DynamicTest> everyExampleRuns() throws IOException {
        List<Example> all = examples();
        assertFalse(all.isEmpty());
        List<DynamicTest> tests = new ArrayList<>();
        String[] current = {null};
        LabFixture[] lab = {null};
        for (Example e : all) {
            tests.add(DynamicTest.dynamicTest(e.section() + ": " + e.code().lines().findFirst().orElse(""), () -> {
                if (!e.section().equals(current[0])) {
                    current[0] = e.section();
                    lab[0] = new LabFixture();
                }
                if (e.kind().equals("groovy")) {
                    lab[0].run(e.code());
                } else if (e.kind().equals("groovy-warning")) {
                    LabFixture own = new LabFixture();
                    own.run(e.code());
                    assertEquals(e.expected(), String.join("\n", own.shown.stream()
                            .filter(ScriptWarning.class::isInstance).map(Object::toString).toList()));
                } else {
                    ScriptFailure failure = assertThrows(ScriptFailure.class, () -> new LabFixture().run(e.code()));
                    assertEquals(e.expected(), failure.getMessage());
                }
            }));
        }
        return tests.stream();
    }

    @org.junit.jupiter.api.Test
    void theReadmesExampleRunsAndExplainsTheDeny() throws IOException {
        String readme = Files.readString(docs().getParent().resolveSibling("README.md"));
        Matcher m = BLOCK.matcher(readme);
        assertTrue(m.find() && m.group(1).equals("groovy"), "the README shows a groovy example");
        LabFixture lab = new LabFixture();
        lab.run(m.group(2));
        assertTrue(lab.shownText().startsWith("ExplicitlyDenied: statement #1 in identity-based policy NoSecrets"
                + " (inline) denies it"), lab.shownText());
        assertTrue(m.group(2).lines().count() <= 5, "five lines");
    }

    @TestFactory
    Stream<DynamicTest> everySectionHasAnExample() throws IOException {
        String text = Files.readString(docs());
        List<DynamicTest> tests = new ArrayList<>();
        for (String section : text.split("\n## ")) {
            String title = section.lines().findFirst().orElse("");
            if (section.startsWith("# ")) {
                continue;
            }
            tests.add(DynamicTest.dynamicTest(title, () -> assertTrue(section.contains("```groovy"),
                    "section `" + title + "` shows an example")));
        }
        return tests.stream();
    }
}
