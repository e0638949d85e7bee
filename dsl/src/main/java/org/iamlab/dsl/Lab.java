package org.iamlab.dsl;

import groovy.lang.Binding;
import groovy.lang.GroovyRuntimeException;
import groovy.lang.GroovyShell;
import groovy.lang.MissingMethodException;
import groovy.lang.MissingPropertyException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.codehaus.groovy.control.CompilerConfiguration;
import org.codehaus.groovy.control.MultipleCompilationErrorsException;
import org.codehaus.groovy.control.messages.Message;
import org.codehaus.groovy.control.messages.SyntaxErrorMessage;
import org.codehaus.groovy.runtime.InvokerHelper;
import org.codehaus.groovy.syntax.SyntaxException;
import org.iamlab.dsl.aws.AwsCli;
import org.iamlab.dsl.aws.AwsCliException;
import org.iamlab.engine.parse.Hints;
import org.iamlab.engine.parse.PolicyParseException;
import org.iamlab.engine.world.Account;
import org.iamlab.engine.world.Actor;
import org.iamlab.engine.world.World;
import org.iamlab.engine.world.WorldException;

/**
 * Runs DSL scripts against one {@link World}. Names a script defines stay in the lab's binding, so a later
 * script (a later notebook cell) sees them. What a script shows ({@code explain}'s answers, {@code aws} output,
 * {@code whoCan}, {@code whatCan}, {@code show}) goes to the {@code display} given at construction; errors come
 * back as a {@link ScriptFailure} naming the script's line, never as a bare stack trace.
 */
public final class Lab {

    private final World world;
    private final Consumer<Object> display;
    private final Binding binding = new Binding();
    private final GroovyShell shell;
    private final Set<String> scriptNames = new HashSet<>();
    private final Deque<Runnable> deferred = new ArrayDeque<>();
    private final Deque<Runnable> atEnd = new ArrayDeque<>();
    private final AwsCli aws;
    private Path baseDir = Path.of(".");
    private Coursework coursework = Coursework.NONE;
    private Actor awsCaller;
    private int scripts;

    /** A lab over {@code world} that shows values through {@code display}. */
    public Lab(World world, Consumer<Object> display) {
        this.world = Objects.requireNonNull(world, "world");
        this.display = Objects.requireNonNull(display, "display");
        CompilerConfiguration config = new CompilerConfiguration();
        config.setScriptBaseClass(IamScript.class.getName());
        this.shell = new GroovyShell(Lab.class.getClassLoader(), binding, config);
        this.aws = new AwsCli(world);
    }

    /** A lab over a new world that shows nothing. */
    public static Lab create() {
        return new Lab(new World(), v -> { });
    }

    public World world() {
        return world;
    }

    public Binding binding() {
        return binding;
    }

    /** Where relative file names in scripts ({@code file('policy.json')}, {@code file://...}) are read from. */
    public Lab baseDir(Path dir) {
        this.baseDir = Objects.requireNonNull(dir, "dir");
        aws.baseDir(dir);
        return this;
    }

    Path baseDir() {
        return baseDir;
    }

    /** Who answers {@code exercise}, {@code check} and {@code answer} in this lab's scripts (the lessons module). */
    public Lab coursework(Coursework c) {
        this.coursework = Objects.requireNonNull(c, "coursework");
        return this;
    }

    public Coursework coursework() {
        return coursework;
    }

    AwsCli aws() {
        return aws;
    }

    void show(Object value) {
        display.accept(value);
    }

    /** Who {@code aws} commands run as: the default account's root user unless {@code actingAs} says otherwise. */
    Actor awsCaller() {
        return awsCaller != null ? awsCaller : world.defaultAccount().root();
    }

    /** The caller {@code actingAs} set, or {@code null} for the default. */
    Actor explicitAwsCaller() {
        return awsCaller;
    }

    void awsCaller(Actor caller) {
        this.awsCaller = caller;
    }

    /** Runs {@code work} when the current top-level block ends, reporting a failure at {@code line}. */
    void later(Runnable work) {
        int line = currentLine();
        deferred.add(() -> {
            try {
                work.run();
            } catch (Located e) {
                throw e;
            } catch (RuntimeException e) {
                throw new Located(line, e);
            }
        });
    }

    /** Shows a warning about line {@code line} of the script; the script goes on. */
    void warn(int line, String message) {
        show(new ScriptWarning(line, message));
    }

    /** Runs {@code check} when the script ends (after every block), reporting a failure at the current line. */
    void atEnd(Runnable check) {
        int line = currentLine();
        atEnd.add(() -> {
            try {
                check.run();
            } catch (Located e) {
                throw e;
            } catch (RuntimeException e) {
                throw new Located(line, e);
            }
        });
    }

    /**
     * A {@code kind} called {@code name} that a policy names before it is defined: its ARN {@code arn} now, and
     * when the script ends, {@code resolve} (which finds it, or fails as a lookup does) must give the same ARN.
     */
    ForwardReference forward(String kind, String name, String arn, java.util.function.Supplier<String> resolve) {
        atEnd(() -> {
            String defined = resolve.get();
            if (!defined.equals(arn)) {
                throw new DslException(kind + " `" + name + "` is named here as `" + arn + "` before its definition,"
                        + " which makes it `" + defined + "`; define it before this line or write its ARN");
            }
        });
        return new ForwardReference(kind, name, arn);
    }

    /** Runs the deferred work of the block that just ended. */
    void flush() {
        while (!deferred.isEmpty()) {
            deferred.poll().run();
        }
    }

    /** Runs a script; {@code name} (e.g. the file name) is only used in messages. Returns the script's value. */
    public Object run(String script, String name) {
        return run(compile(script));
    }

    /**
     * A script compiled once, to run in any lab ({@link #run(Compiled)}): exercise worlds are built again and
     * again from the same snippets, and compiling is what costs.
     */
    public static final class Compiled {
        private final Class<?> type;
        private final String fileName;
        private final String source;

        private Compiled(Class<?> type, String fileName, String source) {
            this.type = type;
            this.fileName = fileName;
            this.source = source;
        }
    }

    /** Compiles {@code script}; a syntax error is a {@link ScriptFailure} with its line. */
    public Compiled compile(String script) {
        String fileName = "IamLabScript" + (++scripts) + ".groovy";
        try {
            return new Compiled(shell.parse(script, fileName).getClass(), fileName, script);
        } catch (MultipleCompilationErrorsException e) {
            throw syntaxFailure(e, script);
        }
    }

    /**
     * Runs a compiled script in this lab: its blocks' deferred work, then the checks left for the script's end
     * (forward references, trusted principals that must exist). Returns the script's value.
     */
    public Object run(Compiled compiled) {
        scriptNames.add(compiled.fileName);
        deferred.clear();
        atEnd.clear();
        try {
            IamScript s = (IamScript) InvokerHelper.createScript(compiled.type, binding);
            s.lab(this);
            Object value = s.run();
            flush();
            while (!atEnd.isEmpty()) {
                atEnd.poll().run();
            }
            return value;
        } catch (ScriptFailure e) {
            throw e;
        } catch (Throwable e) {
            throw failure(e, compiled.source);
        } finally {
            deferred.clear();
            atEnd.clear();
        }
    }

    /** The line of the innermost script frame that is running now, or 0. */
    int currentLine() {
        return lineIn(new Throwable().getStackTrace());
    }

    private int lineIn(StackTraceElement[] frames) {
        for (StackTraceElement f : frames) {
            if (f.getFileName() != null && scriptNames.contains(f.getFileName()) && f.getLineNumber() > 0) {
                return f.getLineNumber();
            }
        }
        return 0;
    }

    private ScriptFailure syntaxFailure(MultipleCompilationErrorsException e, String script) {
        // Groovy reports a missing `}` at the end of the text, echoing the script; the block left open is the news.
        Optional<Blocks.Open> unclosed = Blocks.unclosed(script);
        if (unclosed.isPresent()) {
            Blocks.Open open = unclosed.get();
            return new ScriptFailure(open.line(), "the block " + (open.command().isEmpty() ? ""
                    : "of `" + open.command() + "` ") + "opened on this line is never closed; add its `}`", null);
        }
        List<? extends Message> errors = e.getErrorCollector().getErrors();
        for (Message m : errors) {
            if (m instanceof SyntaxErrorMessage sm) {
                SyntaxException se = sm.getCause();
                String text = se.getOriginalMessage().replaceAll("\\s+@ line \\d+, column \\d+\\.?$", "").strip();
                if (text.startsWith("Unexpected input: '") && (text.indexOf('\n') >= 0 || text.length() > 60)) {
                    text = "unexpected input";
                }
                return new ScriptFailure(se.getStartLine(), "column " + se.getStartColumn() + ": syntax error: "
                        + text, null);
            }
        }
        return new ScriptFailure(0, "the script does not compile: " + e.getMessage().lines()
                .filter(l -> !l.isBlank()).skip(1).findFirst().orElse(e.getMessage()).strip(), null);
    }

    private ScriptFailure failure(Throwable e, String script) {
        int line = e instanceof Located l ? l.line() : 0;
        Throwable cause = e instanceof Located ? e.getCause() : e;
        if (line == 0) {
            line = lineIn(cause.getStackTrace());
        }
        Optional<String> quoted = cause instanceof GroovyRuntimeException ? Misuse.quotedVariable(script, line)
                : Optional.empty();
        return new ScriptFailure(line, quoted.orElseGet(() -> describe(cause)), cause);
    }

    private String describe(Throwable e) {
        if (e instanceof WorldException w) {
            return w.getMessage();
        }
        if (e instanceof AwsCliException a) {
            return a.getMessage();
        }
        if (e instanceof PolicyParseException p) {
            return "policy: " + p.getMessage();
        }
        if (e instanceof DslException) {
            return e.getMessage();
        }
        if (e instanceof MissingMethodException m) {
            Optional<String> misuse = Misuse.of(m.getMethod(), m.getType());
            if (misuse.isPresent()) {
                return misuse.get();
            }
            String hint = Hints.didYouMean(m.getMethod(), vocabulary());
            return "`" + m.getMethod() + "` is not a command here" + (hint != null ? "; " + hint
                    : m.getArguments().length > 0 ? " (or it does not take " + types(m.getArguments()) + ")" : "");
        }
        if (e instanceof MissingPropertyException m) {
            if (vocabulary().contains(m.getProperty())) {
                return "`" + m.getProperty() + "` is a command, not a value: call it with its arguments";
            }
            Set<String> names = new TreeSet<>(vocabulary());
            for (Object k : binding.getVariables().keySet()) {
                names.add(k.toString());
            }
            for (Account a : world().accounts()) { // a user's or role's bare name stands for it (IamScript)
                names.addAll(a.names("user"));
                names.addAll(a.names("role"));
            }
            String hint = Hints.didYouMean(m.getProperty(), names);
            return "`" + m.getProperty() + "` is not defined" + (hint != null ? "; " + hint
                    : "; quote names ('alice') and define variables with def");
        }
        if (e instanceof IllegalArgumentException) {
            return e.getMessage();
        }
        if (e instanceof GroovyRuntimeException g) {
            return g.getMessageWithoutLocationText();
        }
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }

    private static String types(Object[] args) {
        List<String> out = new ArrayList<>();
        for (Object a : args) {
            out.add(a == null ? "null" : a.getClass().getSimpleName());
        }
        return "(" + String.join(", ", out) + ")";
    }

    /** Every command of the language, for suggestions. */
    static Set<String> vocabulary() {
        Set<String> names = new TreeSet<>();
        for (Class<?> c : List.of(IamScript.class, Specs.AccountSpec.class, Specs.UserSpec.class, Specs.GroupSpec.class,
                Specs.RoleSpec.class, Specs.OrgSpec.class, Specs.ResourceSpec.class, PolicySpec.class,
                PolicySpec.StatementSpec.class)) {
            for (Method m : c.getDeclaredMethods()) {
                if (Modifier.isPublic(m.getModifiers()) && !m.isSynthetic() && !m.getName().contains("$")
                        && !m.getName().startsWith("get") && !m.getName().equals("run")) {
                    names.add(m.getName());
                }
            }
        }
        return names;
    }
}
