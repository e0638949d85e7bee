package org.iamlab.kernel;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import jdk.jshell.Diag;
import jdk.jshell.EvalException;
import jdk.jshell.ExpressionSnippet;
import jdk.jshell.JShell;
import jdk.jshell.JShellException;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.SourceCodeAnalysis.Completeness;
import jdk.jshell.SourceCodeAnalysis.CompletionInfo;
import jdk.jshell.SourceCodeAnalysis.Documentation;
import jdk.jshell.SourceCodeAnalysis.Suggestion;
import jdk.jshell.UnresolvedReferenceException;
import jdk.jshell.VarSnippet;

/**
 * The Java side of the kernel: one in-process JShell whose snippets share classes (and objects) with the
 * kernel, the engine and Groovy. Splits a cell into snippets, evaluates them in order and returns the live
 * value of the last one; reports errors with the cell's own line numbers. Not thread-safe: the kernel calls it
 * from its shell thread only, except {@link #stop()}.
 */
final class JavaShell implements AutoCloseable {

    /** What every cell can use without importing it. */
    static final List<String> IMPORTS = List.of(
            "java.util.*", "java.util.function.*", "java.util.stream.*", "java.time.*", "java.io.*",
            "java.nio.file.*", "java.math.*",
            "org.iamlab.engine.authz.*", "org.iamlab.engine.trace.*", "org.iamlab.engine.policy.*",
            "org.iamlab.engine.parse.*", "org.iamlab.engine.render.*", "org.iamlab.engine.world.*");
    private static final String STATIC_IMPORT = "import static org.iamlab.kernel.Notebook.*;";

    private static final Pattern SNIPPET_FRAME = Pattern.compile("#(\\d+)");
    private static final Pattern IDENTIFIER = Pattern.compile("[\\p{L}_$][\\p{L}\\p{N}_$]*");

    /** Where a snippet's source sits: the cell it came from and the cell line of its first line. */
    private record Place(int cell, int firstLine) {
    }

    /** One snippet of a cell: its source as JShell evaluates it and the cell line it starts on. */
    record Piece(String source, int line) {

        /** The cell line where the snippet's code starts (after blanks and comments): JShell counts from there. */
        int firstCodeLine() {
            int i = 0;
            while (i < source.length()) {
                if (Character.isWhitespace(source.charAt(i))) {
                    i++;
                } else if (source.startsWith("//", i)) {
                    int end = source.indexOf('\n', i);
                    i = end < 0 ? source.length() : end;
                } else if (source.startsWith("/*", i)) {
                    int end = source.indexOf("*/", i + 2);
                    i = end < 0 ? source.length() : end + 2;
                } else {
                    break;
                }
            }
            return line + lineAt(source, i) - 1;
        }
    }

    private final JShell jshell;
    private final KernelExecutionControl control;
    private final SourceCodeAnalysis analysis;
    private final Map<String, Place> places = new HashMap<>();

    private JavaShell(JShell jshell, KernelExecutionControl control) {
        this.jshell = jshell;
        this.control = control;
        this.analysis = jshell.sourceCodeAnalysis();
    }

    /** A JShell with the kernel's class path and the default imports, compiled once so that the next is quick. */
    static JavaShell start(String classPath) {
        KernelExecutionControl.Provider provider = new KernelExecutionControl.Provider();
        JShell jshell = JShell.builder()
                .executionEngine(provider, Map.of())
                .compilerOptions("-Xlint:none")
                .build();
        jshell.addToClasspath(classPath);
        JavaShell shell = new JavaShell(jshell, provider.created());
        String imports = IMPORTS.stream().map(i -> "import " + i + ";").collect(Collectors.joining(" "));
        for (String source : (imports + " " + STATIC_IMPORT).split("(?<=;) ")) {
            shell.jshell.eval(source);
        }
        shell.jshell.eval("Objects.hash(1);");
        return shell;
    }

    /** The result of a cell: the live value of its last snippet, when that snippet is an expression. */
    record Outcome(boolean hasValue, Object value) {
        static final Outcome NONE = new Outcome(false, null);
    }

    /**
     * Evaluates {@code cell} snippet by snippet; stops at the first that fails.
     *
     * @param cell   the cell's Java source (magics already turned into calls)
     * @param number the cell's execution count, for error locations in later cells
     * @throws CellError when a snippet does not compile or throws
     */
    Outcome eval(String cell, int number) {
        Outcome outcome = Outcome.NONE;
        for (Piece piece : split(cell)) {
            outcome = evalPiece(piece, number);
        }
        return outcome;
    }

    private Outcome evalPiece(Piece piece, int number) {
        Outcome outcome = Outcome.NONE;
        for (SnippetEvent event : jshell.eval(piece.source())) {
            if (event.causeSnippet() != null) {
                continue;
            }
            Snippet snippet = event.snippet();
            places.put(snippet.id(), new Place(number, piece.firstCodeLine()));
            if (event.status() == Snippet.Status.REJECTED) {
                throw compileError(snippet, piece);
            }
            if (event.exception() != null) {
                throw runtimeError(event.exception(), control.takeFailure(), number);
            }
            if (event.status() == Snippet.Status.RECOVERABLE_DEFINED
                    || event.status() == Snippet.Status.RECOVERABLE_NOT_DEFINED) {
                System.err.println(unresolvedNote(snippet));
            }
            outcome = valueOf(snippet);
        }
        return outcome;
    }

    private Outcome valueOf(Snippet snippet) {
        if (snippet instanceof VarSnippet v && v.subKind() == Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND) {
            return new Outcome(true, liveValue(v));
        }
        if (snippet instanceof ExpressionSnippet e) {
            return variable(e.name()).map(v -> new Outcome(true, liveValue(v))).orElse(Outcome.NONE);
        }
        return Outcome.NONE;
    }

    /** Splits a cell into the snippets JShell evaluates one by one, each with the cell line it starts on. */
    List<Piece> split(String cell) {
        List<Piece> pieces = new ArrayList<>();
        int pos = 0;
        while (pos < cell.length()) {
            String rest = cell.substring(pos);
            CompletionInfo info = analysis.analyzeCompletion(rest);
            if (info.completeness() == Completeness.EMPTY) {
                break;
            }
            if (!info.completeness().isComplete()) {
                pieces.add(new Piece(rest, lineAt(cell, pos)));
                break;
            }
            pieces.add(new Piece(info.source(), lineAt(cell, pos)));
            pos += rest.length() - info.remaining().length();
        }
        return pieces;
    }

    /** The 1-based line of {@code offset} in {@code text}. */
    static int lineAt(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    private CellError compileError(Snippet snippet, Piece piece) {
        List<Diag> diags = jshell.diagnostics(snippet).filter(Diag::isError).toList();
        if (diags.isEmpty()) {
            diags = jshell.diagnostics(snippet).toList();
        }
        List<String> lines = new ArrayList<>();
        String first = diags.isEmpty() ? "the snippet was rejected"
                : diags.get(0).getMessage(Locale.ROOT).lines().findFirst().orElse("");
        int firstLine = piece.line();
        for (Diag d : diags) {
            int pos = (int) Math.max(0, d.getStartPosition());
            int line = piece.line() + lineAt(piece.source(), pos) - 1;
            if (d == diags.get(0)) {
                firstLine = line;
            }
            lines.add("line " + line + ": " + d.getMessage(Locale.ROOT));
            String sourceLine = lineOf(piece.source(), pos);
            lines.add("    " + sourceLine);
            lines.add("    " + " ".repeat(Math.max(0, column(piece.source(), pos))) + "^");
        }
        if (diags.isEmpty()) {
            lines.add("line " + firstLine + ": " + first);
        }
        lines.add(0, "CompilationError: " + first + " (line " + firstLine + ")");
        return new CellError("CompilationError", first + " (line " + firstLine + ")", lines);
    }

    private static String lineOf(String source, int pos) {
        int start = source.lastIndexOf('\n', Math.max(0, pos - 1)) + 1;
        if (pos == 0) {
            start = 0;
        }
        int end = source.indexOf('\n', pos);
        return source.substring(start, end < 0 ? source.length() : end);
    }

    private static int column(String source, int pos) {
        int start = pos == 0 ? 0 : source.lastIndexOf('\n', pos - 1) + 1;
        return pos - start;
    }

    private CellError runtimeError(JShellException e, Throwable live, int number) {
        if (live instanceof CellError cellError) {
            return cellError;
        }
        if (e instanceof UnresolvedReferenceException u) {
            Snippet s = u.getSnippet();
            String msg = "`" + name(s) + "` cannot be used until " + unresolved(s) + " is defined";
            return new CellError("UnresolvedReference", msg, List.of("UnresolvedReference: " + msg));
        }
        String className = e instanceof EvalException ev ? ev.getExceptionClassName() : e.getClass().getName();
        String message = e.getMessage() == null ? "" : e.getMessage();
        List<String> traceback = new ArrayList<>();
        traceback.add(className + (message.isEmpty() ? "" : ": " + message));
        addFrames(e, number, traceback);
        Throwable cause = e.getCause();
        while (cause != null) {
            String causeName = cause instanceof EvalException ev ? ev.getExceptionClassName()
                    : cause.getClass().getName();
            traceback.add("caused by " + causeName + (cause.getMessage() == null ? "" : ": " + cause.getMessage()));
            addFrames(cause, number, traceback);
            cause = cause.getCause();
        }
        return new CellError(className, message, traceback);
    }

    /** The frames up to the cell's own code, snippet frames written as cell lines. */
    private void addFrames(Throwable t, int number, List<String> out) {
        StackTraceElement[] frames = t.getStackTrace();
        int last = -1;
        for (int i = 0; i < frames.length; i++) {
            if (frames[i].getFileName() != null && SNIPPET_FRAME.matcher(frames[i].getFileName()).matches()) {
                last = i;
            }
        }
        for (int i = 0; i <= last; i++) {
            out.add("    at " + frame(frames[i], number));
        }
    }

    private String frame(StackTraceElement f, int number) {
        Matcher m = f.getFileName() == null ? null : SNIPPET_FRAME.matcher(f.getFileName());
        if (m == null || !m.matches()) {
            return f.toString();
        }
        Place place = places.get(m.group(1));
        String method = f.getMethodName() == null || f.getMethodName().isEmpty() ? "" : f.getMethodName() + " ";
        if (place == null) {
            return method + "(snippet " + m.group(1) + ", line " + f.getLineNumber() + ")";
        }
        int line = place.firstLine() + f.getLineNumber() - 1;
        return method + (place.cell() == number ? "(line " + line + ")"
                : "(cell [" + place.cell() + "], line " + line + ")");
    }

    private String unresolvedNote(Snippet snippet) {
        return "note: `" + name(snippet) + "` is defined, but it cannot be used until " + unresolved(snippet)
                + " is defined";
    }

    private String unresolved(Snippet snippet) {
        if (snippet instanceof jdk.jshell.DeclarationSnippet d) {
            List<String> names = jshell.unresolvedDependencies(d).toList();
            if (!names.isEmpty()) {
                return names.stream().map(n -> "`" + n + "`").collect(Collectors.joining(", "));
            }
        }
        return "what it refers to";
    }

    private static String name(Snippet s) {
        if (s instanceof jdk.jshell.DeclarationSnippet d) {
            return d.name();
        }
        return s.source().strip();
    }

    /** The active variable called {@code name}. */
    Optional<VarSnippet> variable(String name) {
        return jshell.variables().filter(v -> v.name().equals(name)).reduce((a, b) -> b);
    }

    /** The object in {@code variable}. */
    Object liveValue(VarSnippet variable) {
        jshell.varValue(variable);
        return control.takeValue();
    }

    /** The user's variables (not JShell's {@code $1}, {@code $2}), with their declared types and values. */
    Map<String, Variable> variables() {
        Map<String, Variable> out = new LinkedHashMap<>();
        jshell.variables().filter(v -> !v.name().startsWith("$"))
                .filter(v -> jshell.status(v) == Snippet.Status.VALID)
                .forEach(v -> out.put(v.name(), new Variable(v.typeName(), liveValue(v))));
        return out;
    }

    /** A Java variable: its declared type and its value. */
    record Variable(String type, Object value) {
    }

    /**
     * Declares (or redeclares) a variable whose value comes from the kernel, e.g. a name defined by an
     * {@code %%iam} cell: {@code TYPE NAME = (TYPE) Notebook.shared("NAME");}.
     */
    void declare(String name, String type, String valueExpression) {
        for (SnippetEvent event : jshell.eval(type + " " + name + " = (" + type + ") " + valueExpression + ";")) {
            if (event.causeSnippet() == null && event.status() == Snippet.Status.REJECTED
                    && !"Object".equals(type)) {
                declare(name, "Object", valueExpression);
                return;
            }
        }
    }

    /** The identifiers in {@code code}: the names a Java cell may refer to. */
    static Set<String> identifiers(String code) {
        Set<String> names = new LinkedHashSet<>();
        Matcher m = IDENTIFIER.matcher(code);
        while (m.find()) {
            names.add(m.group());
        }
        return names;
    }

    /** Jupyter's is_complete answer for a Java cell: complete, incomplete (with an indent), invalid. */
    String isComplete(String cell) {
        String rest = cell;
        while (true) {
            CompletionInfo info = analysis.analyzeCompletion(rest);
            switch (info.completeness()) {
                case EMPTY:
                    return "complete";
                case DEFINITELY_INCOMPLETE:
                    return indent(rest);
                case UNKNOWN:
                    return "invalid";
                default:
                    if (info.remaining().isBlank()) {
                        return "complete";
                    }
                    rest = info.remaining();
            }
        }
    }

    private static String indent(String code) {
        int depth = 0;
        for (char c : code.toCharArray()) {
            if (c == '{' || c == '(') {
                depth++;
            } else if ((c == '}' || c == ')') && depth > 0) {
                depth--;
            }
        }
        return "    ".repeat(Math.max(depth, 0));
    }

    /** Completions at {@code cursor}: the replacement range and the candidates, best first. */
    record Completions(int start, int end, List<String> matches) {
    }

    Completions complete(String cell, int cursor) {
        int start = snippetStart(cell, cursor);
        String code = cell.substring(start, cursor);
        int[] anchor = new int[1];
        List<Suggestion> suggestions = analysis.completionSuggestions(code, code.length(), anchor);
        List<String> matches = new ArrayList<>();
        suggestions.stream().filter(Suggestion::matchesType).map(Suggestion::continuation).forEach(matches::add);
        suggestions.stream().filter(s -> !s.matchesType()).map(Suggestion::continuation).forEach(matches::add);
        return new Completions(start + anchor[0], cursor, matches.stream().distinct().toList());
    }

    /** Where the snippet that holds {@code cursor} starts. */
    private int snippetStart(String cell, int cursor) {
        int pos = 0;
        while (pos < cursor) {
            String rest = cell.substring(pos, cursor);
            CompletionInfo info = analysis.analyzeCompletion(rest);
            if (!info.completeness().isComplete() || info.remaining().isEmpty()) {
                return pos;
            }
            pos += rest.length() - info.remaining().length();
        }
        return Math.min(pos, cursor);
    }

    /** Signatures (and javadoc, when the JDK ships its sources) of what is at {@code cursor}. */
    List<String> documentation(String cell, int cursor) {
        int start = snippetStart(cell, cursor);
        int end = cursor;
        while (end < cell.length() && (Character.isJavaIdentifierPart(cell.charAt(end)))) {
            end++;
        }
        String code = cell.substring(start, end);
        List<Documentation> docs = analysis.documentation(code, code.length(), true);
        if (docs.isEmpty()) {
            docs = analysis.documentation(code + "(", code.length() + 1, true);
        }
        return docs.stream().map(d -> d.javadoc() == null || d.javadoc().isBlank() ? d.signature()
                : d.signature() + "\n" + d.javadoc().strip()).toList();
    }

    /** The identifier around {@code cursor}, or empty. */
    static String identifierAt(String cell, int cursor) {
        int start = Math.min(cursor, cell.length());
        while (start > 0 && Character.isJavaIdentifierPart(cell.charAt(start - 1))) {
            start--;
        }
        int end = Math.min(cursor, cell.length());
        while (end < cell.length() && Character.isJavaIdentifierPart(cell.charAt(end))) {
            end++;
        }
        return cell.substring(start, end);
    }

    /** Stops the running snippet: the control thread calls this while the shell thread waits in {@link #eval}. */
    void stop() {
        control.interruptSnippet();
    }

    /** Forces the running snippet to stop, for code that does not answer an interrupt. */
    void forceStop() {
        jshell.stop();
    }

    @Override
    public void close() {
        jshell.close();
    }
}
