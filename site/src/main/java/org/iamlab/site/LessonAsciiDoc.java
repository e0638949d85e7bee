package org.iamlab.site;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.iamlab.kernel.CellOutput;
import org.iamlab.lessons.render.FeedbackView;

/**
 * An executed lesson as an AsciiDoc document: Markdown cells as AsciiDoc, code cells as highlighted source
 * blocks ({@code %%iam} cells as Groovy, {@code %%aws} cells as shell, the rest as Java), traces, worlds and
 * other HTML outputs as passthrough blocks, printed text as literal blocks, JSON as highlighted JSON. The student
 * edition shows each cell as the lessons module's student edition makes it (solutions replaced by stubs, hidden
 * checks removed), leaves out the outputs of a cell whose solution was taken out, and says what a check cell
 * checks instead of its result (which the solution earned), except for an answer left in sight; the instructor
 * edition shows the stub and, folded below it, the solution, and every check's feedback.
 */
final class LessonAsciiDoc {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private static final Pattern ANSWER = Pattern.compile("answer\\b");

    private LessonAsciiDoc() {
    }

    /** The document, and its sections' text for the search index. */
    record Document(String adoc, List<Section> sections) {
    }

    /** A part of a page for search: its anchor (empty for the page's top), its title and its words. */
    record Section(String anchor, String title, String text) {
        Section {
            Objects.requireNonNull(anchor, "anchor");
            Objects.requireNonNull(title, "title");
            Objects.requireNonNull(text, "text");
        }
    }

    static Document write(ExecutedLesson executed, Map<String, Lesson> byId, Edition edition) {
        Lesson lesson = executed.lesson();
        StringBuilder out = new StringBuilder();
        List<Section> sections = new ArrayList<>();
        Map<String, Integer> used = new HashMap<>();
        String[] current = {"", lesson.title()};
        StringBuilder text = new StringBuilder();
        MarkdownToAsciiDoc.Anchors anchors = title -> {
            sections.add(new Section(current[0], current[1], text.toString().strip()));
            text.setLength(0);
            String base = slug(title);
            int n = used.merge(base, 1, Integer::sum);
            current[0] = n == 1 ? base : base + "-" + n;
            current[1] = title;
            return current[0];
        };
        out.append("= ").append(MarkdownToAsciiDoc.escape(lesson.title())).append("\n\n");
        if (!lesson.objectives().isEmpty()) {
            out.append("[.objectives]\n.In this lesson you learn to\n****\n");
            lesson.objectives().forEach(o -> out.append("* ").append(MarkdownToAsciiDoc.escape(o)).append('\n'));
            out.append("****\n\n");
        }
        if (!lesson.prerequisites().isEmpty()) {
            out.append("[.prerequisites]\nBefore this lesson: ");
            List<String> links = new ArrayList<>();
            for (String id : lesson.prerequisites()) {
                Lesson before = byId.get(id);
                links.add(before == null ? MarkdownToAsciiDoc.escape(id)
                        : "link:++" + before.page() + "++[" + MarkdownToAsciiDoc.escape(before.title())
                        .replace("]", "\\]") + "]");
            }
            out.append(String.join(", ", links)).append(".\n\n");
        }
        for (ExecutedLesson.Cell c : executed.cells()) {
            Notebook.Cell cell = c.cell();
            if (cell.tags().contains("remove-cell")) {
                continue;
            }
            if (edition == Edition.STUDENT && c.student().isEmpty()) {
                continue;
            }
            String source = edition == Edition.STUDENT ? c.student().get() : cell.source();
            if (cell.isMarkdown()) {
                out.append(MarkdownToAsciiDoc.convert(source, anchors));
                text.append(MarkdownToAsciiDoc.plainText(source)).append('\n');
            } else if (cell.isCode()) {
                code(out, c, edition);
                text.append(source).append('\n');
            }
        }
        sections.add(new Section(current[0], current[1], text.toString().strip()));
        sections.removeIf(s -> s.text().isEmpty() && !s.anchor().isEmpty());
        return new Document(out.toString(), sections);
    }

    /**
     * A code cell as the edition shows it. Student: the cell as {@code iamlab student} makes it, without the
     * outputs of a cell whose solution was taken out. Instructor: the student's cell, then the cell as it ran
     * (folded, titled "Solution"), then its outputs; a cell the student edition removes (hidden checks) is shown
     * as it ran, titled as such.
     */
    private static void code(StringBuilder out, ExecutedLesson.Cell c, Edition edition) {
        String source = c.cell().source();
        if (source.isBlank()) {
            return;
        }
        String language = language(source);
        if (c.student().isEmpty()) {
            out.append(".Hidden checks (the student edition leaves this cell out)\n[.cell.hidden-checks]\n")
                    .append(Blocks.source(language, source));
        } else {
            out.append("[.cell]\n").append(Blocks.source(language, c.student().get()));
            if (c.changedForStudents()) {
                if (edition == Edition.STUDENT) {
                    return;
                }
                out.append(".Solution\n[%collapsible.solution]\n====\n").append(Blocks.source(language, source))
                        .append("====\n\n");
            }
        }
        boolean answerInSight = !c.changedForStudents() && answersOnly(source);
        for (CellOutput output : c.outputs()) {
            out.append(edition == Edition.STUDENT && !answerInSight ? forStudents(output) : output(output));
        }
    }

    /**
     * Whether {@code source} is a {@code %%iam} cell of {@code answer} statements only (comments aside). When the
     * student edition leaves such a cell as it is (no solution taken out), the answer is on the page anyway, so its
     * feedback gives nothing away: lesson 16 answers wrongly on purpose to show how a wrong answer is explained.
     */
    private static boolean answersOnly(String source) {
        List<String> lines = source.strip().lines().map(String::strip).toList();
        return lines.size() > 1 && lines.get(0).startsWith("%%iam") && lines.stream().skip(1)
                .allMatch(l -> l.isEmpty() || l.startsWith("//") || ANSWER.matcher(l).lookingAt())
                && lines.stream().anyMatch(l -> ANSWER.matcher(l).lookingAt());
    }

    /**
     * An output as the student edition shows it: a check's result (a display carrying the check JSON) was
     * computed against the solution (or a world that the solutions built), so it would give the answer away; the
     * student reads what the cell checks and how many points it is worth instead, from the check JSON.
     */
    private static String forStudents(CellOutput output) {
        if (output instanceof CellOutput.Display d && d.data().containsKey(FeedbackView.CHECK_MIME)) {
            try {
                JsonNode check = JSON.readTree(d.data().get(FeedbackView.CHECK_MIME));
                int total = check.path("total").asInt();
                int points = check.path("max_points").asInt();
                return Blocks.passthrough("<div class=\"output check-pending\">\u25cb Running this cell checks"
                        + " your answer to <code>" + PageShell.escape(check.path("exercise").asText()) + "</code>"
                        + (total > 0 ? " against " + total + (total == 1 ? " requirement" : " requirements") : "")
                        + ", for " + points + (points == 1 ? " point" : " points") + ".</div>");
            } catch (IOException e) {
                return "";
            }
        }
        return output(output);
    }

    /** The language a code cell is highlighted as. */
    static String language(String source) {
        String first = source.stripLeading();
        if (first.startsWith("%%iam")) {
            return "groovy";
        }
        if (first.startsWith("%%aws") || first.startsWith("%aws")) {
            return "shell";
        }
        return "java";
    }

    private static String output(CellOutput output) {
        if (output instanceof CellOutput.Stream s) {
            return Blocks.literal(s.text(), ".output." + s.name());
        }
        if (output instanceof CellOutput.Error e) {
            return Blocks.literal(String.join("\n", e.traceback()), ".output.error");
        }
        CellOutput.Display d = (CellOutput.Display) output;
        String html = d.data().get("text/html");
        if (html != null) {
            return Blocks.passthrough("<div class=\"output output-html\">" + html + "</div>");
        }
        String json = d.data().get("application/json");
        if (json != null) {
            try {
                return "[.output]\n" + Blocks.source("json", JSON.writeValueAsString(JSON.readTree(json)));
            } catch (IOException e) {
                return Blocks.literal(json, ".output");
            }
        }
        String svg = d.data().get("image/svg+xml");
        if (svg != null) {
            return Blocks.passthrough("<div class=\"output output-html\">" + svg + "</div>");
        }
        return Blocks.literal(d.data().getOrDefault("text/plain", ""), ".output");
    }

    /** An id made of the title's lower-case letters and digits, joined by hyphens. */
    static String slug(String title) {
        String s = title.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        return s.isEmpty() ? "section" : s;
    }
}
