package org.iamlab.kernel;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.iamlab.dsl.IamScript;
import org.iamlab.dsl.Lab;
import org.iamlab.dsl.ScriptFailure;
import org.iamlab.engine.world.Cells;
import org.iamlab.engine.world.Durations;
import org.iamlab.engine.world.World;
import org.iamlab.engine.world.WorldClock;
import org.iamlab.lessons.Workbook;

/**
 * The one place where the kernel meets IAM Lab's language (the {@code dsl} module): {@code %%iam} cells run as
 * scripts of one {@link Lab}, whose world and names outlive the cell; {@code %aws} and {@code %%aws} run the
 * {@code aws} command subset in the same lab; errors come back with the cell's line numbers. Everything else in
 * the kernel knows only this class.
 */
final class IamCells {

    private static final String WARM_UP = """
            account('111122223333') {
                user('warm') { inline('Read') { allow 's3:GetObject' on 'arn:aws:s3:::warm/*' } }
            }
            explain user('warm'), 's3:GetObject', 'arn:aws:s3:::warm/a'
            """;

    private final Consumer<Object> display;
    private volatile World world = new World();
    private volatile Lab lab;
    /** Where relative files of {@code %%iam} and {@code aws} cells are read: the kernel's working directory. */
    private volatile Path workingDir = Path.of("").toAbsolutePath();

    /** Cells whose shown values ({@code explain}'s answers, {@code aws} output, {@code show}) go to {@code display}. */
    IamCells(Consumer<Object> display) {
        this.display = display;
    }

    /** The lab over the world, made (and Groovy loaded) on first use. */
    synchronized Lab lab() {
        if (lab == null) {
            ExitGuard.guardGroovy();
            lab = Workbook.install(new Lab(world, display).baseDir(workingDir));
        }
        return lab;
    }

    /**
     * Reads relative files of {@code %%iam} and {@code aws} cells ({@code file://policy.json}) from {@code dir},
     * as Jupyter's kernel reads them from the notebook's folder, its working directory.
     */
    synchronized void workingDir(Path dir) {
        workingDir = dir.toAbsolutePath().normalize();
        if (lab != null) {
            lab.baseDir(workingDir);
        }
    }

    /** Forgets the world and every name {@code %%iam} cells defined. */
    synchronized void reset() {
        world = new World();
        lab = null;
        lab();
    }

    /**
     * A run of one notebook cell (of any kind: Java cells reach the world through the objects they hold), begun
     * before the cell runs: the world's {@link Cells} withdraw what the same cell defined before, and a failed
     * run is undone, the names {@code %%iam} cells assigned included.
     */
    final class CellRun {

        private final Cells.Run run;
        private final World runWorld;
        private final Map<String, Object> names;

        private CellRun(String key, String label) {
            runWorld = world;
            Lab current = lab;
            names = current == null ? Map.of() : variables(current);
            run = runWorld.cells().begin(key, label);
        }

        /** The cell ran: what it created is now its definitions. */
        void commit() {
            run.commit();
        }

        /** The cell failed: the world and the {@code %%iam} names are as they were before it. */
        void rollback() {
            run.rollback();
            synchronized (IamCells.this) {
                if (lab != null && lab.world() == runWorld) {
                    Map<Object, Object> variables = lab.binding().getVariables();
                    variables.clear();
                    variables.putAll(names);
                }
            }
        }
    }

    /**
     * Begins a run of the cell known by {@code key} (the cell ID the front end sends, or else its code), shown
     * in messages as {@code label}. It does not wait for Groovy to load: a lab that does not exist yet has no
     * names to keep.
     */
    CellRun begin(String key, String label) {
        return new CellRun(key, label);
    }

    private static Map<String, Object> variables(Lab l) {
        Map<String, Object> out = new LinkedHashMap<>();
        l.binding().getVariables().forEach((k, v) -> out.put(String.valueOf(k), v));
        return out;
    }

    /** Loads Groovy and runs a small script in a lab of its own, so that the first cell does not pay for it. */
    void warmUp() {
        lab();
        new Lab(new World(), value -> { }).run(WARM_UP, "warm-up");
    }

    /**
     * Runs the body of an {@code %%iam} cell and returns the value of its last statement.
     *
     * @param code      the cell body
     * @param firstLine the cell line of the body's first line
     * @throws CellError when the body does not compile or fails, with the cell's line
     */
    Object run(String code, int firstLine) {
        try {
            return lab().run(code, "cell");
        } catch (ScriptFailure f) {
            throw error(f, code, firstLine);
        }
    }

    /** Runs AWS CLI commands as the course prints them ({@code %aws}, {@code %%aws}); shows their output. */
    void aws(String commands, int firstLine) {
        String literal = commands.replace("\\", "\\\\").replace("'", "\\'");
        try {
            lab().run("aws '''" + literal + "'''", "aws");
        } catch (ScriptFailure f) {
            throw error(f, commands, firstLine);
        }
    }

    /**
     * {@code %clock}: with no argument, the world's time; {@code +2h} or {@code 2h} moves it forward (temporary
     * credentials expire as it does); an ISO instant sets it. Returns the time after the move.
     */
    Instant clock(String argument) {
        WorldClock clock = world().clock();
        String arg = argument.strip();
        if (arg.isEmpty()) {
            return clock.instant();
        }
        if (Character.isDigit(arg.charAt(0)) && arg.contains("T")) {
            try {
                clock.set(Instant.parse(arg));
                return clock.instant();
            } catch (DateTimeParseException | IllegalArgumentException e) {
                throw CellError.of("ClockError", "`" + arg + "` is not an ISO instant such as 2026-03-01T12:00:00Z");
            }
        }
        try {
            clock.advance(Durations.parse(arg.startsWith("+") ? arg.substring(1) : arg));
            return clock.instant();
        } catch (RuntimeException e) {
            throw CellError.of("ClockError", "`" + arg + "`: " + e.getMessage() + "; write +15m, +2h, +1d or an"
                    + " ISO instant");
        }
    }

    /** The names {@code %%iam} cells defined, with their values. */
    Map<String, Object> names() {
        return variables(lab());
    }

    /** Makes {@code name} (e.g. a Java variable) visible to later {@code %%iam} cells. */
    void define(String name, Object value) {
        lab().binding().setVariable(name, value);
    }

    /** The world the cells build. */
    World world() {
        return world;
    }

    /** The commands of the language (the script's public methods), for completion. */
    List<String> vocabulary() {
        TreeSet<String> names = new TreeSet<>();
        for (Method m : IamScript.class.getMethods()) {
            if (m.getDeclaringClass() == IamScript.class && Modifier.isPublic(m.getModifiers()) && !m.isSynthetic()
                    && !m.getName().startsWith("get") && !m.getName().startsWith("set")) {
                names.add(m.getName());
            }
        }
        names.addAll(List.of("clock", "org", "world"));
        return new ArrayList<>(names);
    }

    /** The signatures of the language's command {@code name}, e.g. {@code Answer explain(Object, String, Object)}. */
    List<String> signatures(String name) {
        TreeSet<String> out = new TreeSet<>();
        for (Method m : IamScript.class.getMethods()) {
            if (m.getDeclaringClass() == IamScript.class && m.getName().equals(name)) {
                StringBuilder s = new StringBuilder(m.getReturnType().getSimpleName()).append(' ').append(name)
                        .append('(');
                for (int i = 0; i < m.getParameterCount(); i++) {
                    s.append(i == 0 ? "" : ", ").append(m.getParameterTypes()[i].getSimpleName());
                }
                out.add(s.append(')').toString());
            }
        }
        return new ArrayList<>(out);
    }

    private static CellError error(ScriptFailure f, String code, int firstLine) {
        String name = f.getCause() != null ? f.getCause().getClass().getSimpleName()
                : f.problem().contains("syntax error") ? "SyntaxError" : "IamLabError";
        String problem = f.getCause() instanceof ExitRefused refused ? refused.getMessage() : f.problem();
        if (f.line() <= 0) {
            return CellError.of(name, problem);
        }
        int line = firstLine + f.line() - 1;
        String message = "line " + line + ": " + problem;
        List<String> traceback = new ArrayList<>();
        traceback.add(name + ": " + message);
        List<String> lines = code.lines().toList();
        if (f.line() <= lines.size()) {
            traceback.add(String.format("%5d | %s", line, lines.get(f.line() - 1)));
        }
        return new CellError(name, message, traceback);
    }
}
