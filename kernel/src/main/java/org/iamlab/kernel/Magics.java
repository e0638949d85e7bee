package org.iamlab.kernel;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.iamlab.engine.parse.Hints;

/**
 * The kernel's magics: {@code %%iam}, {@code %%aws} and {@code %aws}, {@code %reset}, {@code %clock},
 * {@code %lsmagic}, {@code %help}. A cell whose first line is {@code %%NAME ARGS} is a cell magic; a line whose
 * first non-blank character is {@code %} is a line magic, and the rest of such a cell is Java. Magics run where
 * Java snippets run (so that an interrupt stops them too): the kernel replaces each with a call to
 * {@link Notebook#magic(int)} and evaluates the cell in JShell.
 */
final class Magics {

    private static final Pattern CELL_MAGIC = Pattern.compile("\\A%%([A-Za-z][\\w-]*)([^\\n]*)(?:\\R([\\s\\S]*))?\\z");
    private static final Pattern LINE_MAGIC = Pattern.compile("^([ \\t]*)%([A-Za-z][\\w-]*)(.*)$", Pattern.MULTILINE);

    /** A magic found in a cell: its name, the rest of its line, its body (cell magics) and its cell line. */
    record Call(String name, boolean cell, String arguments, String body, int line) {
    }

    /** A cell with its magics replaced by calls, and the magics in the order of their indexes. */
    record Transpiled(String java, List<Call> calls) {
        boolean usesMagic(String name) {
            return calls.stream().anyMatch(c -> c.name().equals(name));
        }
    }

    /** What a magic does with its call. */
    @FunctionalInterface
    interface Action {
        Object run(Call call) throws Exception;
    }

    /** A magic: how it is written, what it does in one line, and its action. */
    record Magic(String name, boolean cell, String usage, String summary, Action action) {
        String written() {
            return (cell ? "%%" : "%") + name;
        }
    }

    /** Text for the pager (Jupyter's help panel), from {@code %help}. */
    record Page(DisplayData data) {
    }

    private final Map<String, Magic> lineMagics = new LinkedHashMap<>();
    private final Map<String, Magic> cellMagics = new LinkedHashMap<>();

    /** The magics of a kernel whose {@code %%iam} cells go to {@code iam}. */
    Magics(IamCells iam) {
        add(new Magic("iam", true, "%%iam",
                "runs the cell as IAM Lab's Groovy language against the notebook's world; names it assigns stay",
                c -> iam.run(c.body(), c.line() + 1)));
        add(new Magic("aws", true, "%%aws",
                "runs AWS CLI commands as the course prints them (one per line, `\\` continues a line)",
                c -> {
                    iam.aws(c.body(), c.line() + 1);
                    return null;
                }));
        add(new Magic("aws", false, "%aws iam create-user --user-name alice",
                "runs one AWS CLI command against the world and shows its JSON output",
                c -> {
                    iam.aws(c.arguments().startsWith("aws ") ? c.arguments() : "aws " + c.arguments(), c.line());
                    return null;
                }));
        add(new Magic("reset", false, "%reset",
                "starts a fresh world and forgets the names %%iam cells defined (Java variables stay)",
                c -> {
                    iam.reset();
                    System.out.println("a fresh world: no accounts, principals or policies");
                    return null;
                }));
        add(new Magic("clock", false, "%clock [+2h | +15m | 2026-03-01T12:00:00Z]",
                "shows the world's clock, or moves it (temporary credentials expire as it moves)",
                c -> iam.clock(c.arguments())));
        add(new Magic("lsmagic", false, "%lsmagic", "lists the magics", c -> list()));
        add(new Magic("help", false, "%help [MAGIC]",
                "shows the magics and what the kernel offers, in the help panel", c -> help(c.arguments())));
    }

    private void add(Magic m) {
        (m.cell() ? cellMagics : lineMagics).put(m.name(), m);
    }

    /** Every magic, line magics first. */
    Collection<Magic> all() {
        List<Magic> all = new ArrayList<>(lineMagics.values());
        all.addAll(cellMagics.values());
        return all;
    }

    /** Replaces the magics of {@code cell} by calls; a cell without magics comes back unchanged. */
    Transpiled transpile(String cell) {
        Matcher m = CELL_MAGIC.matcher(cell);
        if (m.matches()) {
            Call call = new Call(m.group(1), true, m.group(2).strip(), m.group(3) == null ? "" : m.group(3), 1);
            return new Transpiled("org.iamlab.kernel.Notebook.magic(0)", List.of(call));
        }
        List<Call> calls = new ArrayList<>();
        Matcher line = LINE_MAGIC.matcher(cell);
        StringBuilder java = new StringBuilder();
        while (line.find()) {
            calls.add(new Call(line.group(2), false, line.group(3).strip(), null,
                    JavaShell.lineAt(cell, line.start(2))));
            line.appendReplacement(java, Matcher.quoteReplacement(
                    line.group(1) + "org.iamlab.kernel.Notebook.magic(" + (calls.size() - 1) + ");"));
        }
        line.appendTail(java);
        return new Transpiled(java.toString(), calls);
    }

    /** Runs {@code call}. */
    Object run(Call call) throws Exception {
        Magic magic = (call.cell() ? cellMagics : lineMagics).get(call.name());
        if (magic == null) {
            throw unknown(call);
        }
        return magic.action().run(call);
    }

    private CellError unknown(Call call) {
        String written = (call.cell() ? "%%" : "%") + call.name();
        List<String> names = all().stream().map(Magic::written).toList();
        String hint = Hints.didYouMean(written, names);
        Magic other = (call.cell() ? lineMagics : cellMagics).get(call.name());
        String message = "line " + call.line() + ": `" + written + "` is not a magic"
                + (other != null ? "; did you mean `" + other.written() + "`?"
                : hint != null ? "; " + hint : "") + " (%lsmagic lists them)";
        return CellError.of("UnknownMagic", message);
    }

    /** The names to offer when completing {@code prefix} ({@code %} or {@code %%} and the start of a name). */
    List<String> complete(String prefix) {
        boolean cell = prefix.startsWith("%%");
        String start = prefix.substring(cell ? 2 : 1);
        List<String> out = new ArrayList<>();
        for (Magic m : all()) {
            if ((m.cell() == cell || !cell) && m.name().startsWith(start)
                    && m.written().startsWith(prefix)) {
                out.add(m.written());
            }
        }
        return out;
    }

    /** {@code %lsmagic}: the magics with what each does. */
    DisplayData list() {
        StringBuilder text = new StringBuilder();
        StringBuilder html = new StringBuilder("<table class=\"iamlab-magics\"><thead><tr><th>magic</th>"
                + "<th>what it does</th></tr></thead><tbody>");
        for (Magic m : all()) {
            text.append(String.format("%-44s %s%n", m.usage(), m.summary()));
            html.append("<tr><td><code>").append(Displays.escape(m.usage())).append("</code></td><td>")
                    .append(Displays.escape(m.summary())).append("</td></tr>");
        }
        return Displays.bundle(text.toString().stripTrailing(), html.append("</tbody></table>").toString());
    }

    /** {@code %help}: the magics, and the notebook helpers, for the pager. */
    Page help(String topic) {
        if (!topic.isBlank()) {
            String name = topic.strip().replaceFirst("^%%?", "");
            List<Magic> found = all().stream().filter(m -> m.name().equals(name)).toList();
            if (found.isEmpty()) {
                throw CellError.of("UnknownMagic", "`" + topic.strip() + "` is not a magic (%lsmagic lists them)");
            }
            StringBuilder text = new StringBuilder();
            found.forEach(m -> text.append(m.usage()).append("\n    ").append(m.summary()).append('\n'));
            return new Page(Displays.bundle(text.toString(), "<pre>" + Displays.escape(text.toString()) + "</pre>"));
        }
        String helpers = """

                Java cells run in JShell; the value of the last expression is shown.
                  display(value)   shows a value now (a decision as its trace)
                  html("<b>..</b>") a value shown as HTML
                  clearOutput()    clears the cell's output
                Tab completes, Shift-Tab shows signatures and summaries of IAM Lab values.
                """;
        DisplayData magics = list();
        String text = "IAM Lab kernel magics\n\n" + magics.getData(
                org.dflib.jjava.jupyter.kernel.display.mime.MIMEType.TEXT_PLAIN) + "\n" + helpers;
        String html = "<h3>IAM Lab kernel magics</h3>" + magics.getData(
                org.dflib.jjava.jupyter.kernel.display.mime.MIMEType.TEXT_HTML)
                + "<pre>" + Displays.escape(helpers) + "</pre>";
        return new Page(Displays.bundle(text, html));
    }
}
