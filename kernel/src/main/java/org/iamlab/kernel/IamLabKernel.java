package org.iamlab.kernel;

import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.lang.model.SourceVersion;
import org.dflib.jjava.jupyter.channels.JupyterConnection;
import org.dflib.jjava.jupyter.channels.ShellReplyEnvironment;
import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.JupyterIO;
import org.dflib.jjava.jupyter.kernel.LanguageInfo;
import org.dflib.jjava.jupyter.kernel.ReplacementOptions;
import org.dflib.jjava.jupyter.kernel.comm.CommManager;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;
import org.dflib.jjava.jupyter.kernel.history.HistoryEntry;
import org.dflib.jjava.jupyter.kernel.history.HistoryManager;
import org.dflib.jjava.jupyter.kernel.magic.MagicsRegistry;
import org.dflib.jjava.jupyter.kernel.util.StringStyler;
import org.dflib.jjava.jupyter.kernel.util.TextColor;
import org.dflib.jjava.jupyter.messages.Header;
import org.dflib.jjava.jupyter.messages.Message;
import org.dflib.jjava.jupyter.messages.MessageType;
import org.dflib.jjava.jupyter.messages.publish.PublishClearOutput;
import org.dflib.jjava.jupyter.messages.publish.PublishDisplayData;
import org.dflib.jjava.jupyter.messages.publish.PublishError;
import org.dflib.jjava.jupyter.messages.publish.PublishExecuteInput;
import org.dflib.jjava.jupyter.messages.publish.PublishExecuteResult;
import org.dflib.jjava.jupyter.messages.request.CommInfoRequest;
import org.dflib.jjava.jupyter.messages.request.ExecuteRequest;
import org.dflib.jjava.jupyter.messages.request.HistoryRequest;
import org.dflib.jjava.jupyter.messages.request.InterruptRequest;
import org.dflib.jjava.jupyter.messages.request.KernelInfoRequest;
import org.dflib.jjava.jupyter.messages.request.ShutdownRequest;

/**
 * The IAM Lab Jupyter kernel: Java cells in an in-process JShell, {@code %%iam} cells in IAM Lab's Groovy
 * language against one world, and values shown as rich MIME bundles (decisions as their traces).
 *
 * <p>Threads: requests of the shell channel (execute, complete, inspect, is_complete, history, kernel_info) are
 * handled one at a time on the shell thread; a cell's code runs on JShell's execution thread while the shell
 * thread waits; interrupt and shutdown arrive on the control thread. JShell and Groovy start in the background
 * when the kernel starts, so kernel_info is answered at once and the first cell waits only for what is left.
 */
public final class IamLabKernel extends BaseKernel {

    /** The kernel's version, as kernel_info reports it. */
    static final String VERSION = Optional.ofNullable(IamLabKernel.class.getPackage().getImplementationVersion())
            .orElse("development");

    /** How long an interrupted cell may take to stop by itself before the kernel stops it by force. */
    static final long FORCE_STOP_AFTER_MILLIS = 500;

    /** How long a shutdown waits for a running cell to end before the process exits anyway. */
    static final long EXIT_AFTER_MILLIS = 2_000;

    private static final Set<String> WORLD_MAGICS = Set.of("iam", "aws", "reset", "clock");
    private static final Pattern MAGIC_LINE = Pattern.compile("^[ \\t]*%.*$", Pattern.MULTILINE);
    private static final Pattern MAGIC_PREFIX = Pattern.compile("^\\s*(%%?[\\w-]*)$");
    private static final Pattern CELL_MAGIC_HEAD = Pattern.compile("\\A%%([\\w-]*)");

    private final KernelIO kernelIO;
    private final IamCells iam;
    private final Magics magics;
    private final History history;
    private final Executor background;
    private final StopOnError stopOnError = new StopOnError();
    private final CompletableFuture<JavaShell> javaStart = new CompletableFuture<>();
    private final CompletableFuture<Void> groovy = new CompletableFuture<>();

    private CellStreams streams;
    private volatile ShellReplyEnvironment cellEnv;
    private volatile boolean interrupted;
    private final AtomicLong cells = new AtomicLong();
    private volatile long runningCell = -1;
    private List<Magics.Call> calls = List.of();
    /** What the running cell has shown with {@code display} (or the language's {@code show}, {@code explain}). */
    private final List<Object> shown = Collections.synchronizedList(new ArrayList<>());
    /** Where displays go when no front end runs the cell: the in-process {@link NotebookRunner}. */
    private volatile java.util.function.Consumer<DisplayData> displaySink;

    /** {@code %%iam} names not yet declared in JShell, declared when a Java cell first mentions them. */
    private final Set<String> pendingNames = new LinkedHashSet<>();
    /** For each shared name, the object Java and Groovy last agreed on (compared by identity). */
    private final Map<String, Object> agreed = new HashMap<>();
    /** The shared names an {@code %%iam} cell defined first ({@code %reset} forgets them, not Java's). */
    private final Set<String> iamBorn = new HashSet<>();

    private IamLabKernel(KernelIO io, History history, Executor background) {
        super("iamlab", VERSION,
                new LanguageInfo.Builder("java").version(Runtime.version().toString()).mimetype("text/x-java-source")
                        .fileExtension(".jshell").pygments("java").codemirror("text/x-java").build(),
                List.of(), history, io, new CommManager(), new Renderer(), null, new MagicsRegistry(), false,
                new StringStyler.Builder().addPrimaryStyle(TextColor.BOLD_RESET_FG)
                        .addSecondaryStyle(TextColor.BOLD_RED_FG).addHighlightStyle(TextColor.BOLD_RESET_FG)
                        .build());
        this.kernelIO = io;
        this.history = history;
        this.iam = new IamCells(this::display);
        this.magics = new Magics(iam);
        this.background = background;
    }

    /** A kernel; {@link #startEngines()} starts its JShell and Groovy. */
    public static IamLabKernel create() {
        return new IamLabKernel(new KernelIO(), new History(), runnable -> {
            Thread t = new Thread(runnable, "iamlab-startup");
            t.setDaemon(true);
            t.start();
        });
    }

    /**
     * Starts JShell and Groovy in the background. The kernel calls this once it is connected, so that they do
     * not slow down its first answers; the first cell waits for what is left.
     */
    public void startEngines() {
        startEngines(System.getProperty("java.class.path"));
    }

    /** Reads the relative files of {@code %%iam} and {@code aws} cells from {@code dir} (see {@link NotebookRunner}). */
    void workingDir(java.nio.file.Path dir) {
        iam.workingDir(dir);
    }

    /** Starts JShell, with {@code classPath} for its compiler, and Groovy in the background. */
    void startEngines(String classPath) {
        javaStart.completeAsync(() -> JavaShell.start(classPath), background);
        groovy.completeAsync(() -> {
            iam.warmUp();
            return null;
        }, background);
    }

    @Override
    public String getBanner() {
        return "IAM Lab kernel " + VERSION + " - Java " + Runtime.version().feature()
                + " (JShell) with %%iam cells for IAM Lab's language; %lsmagic lists the magics";
    }

    @Override
    public void onStartup() {
        super.onStartup();
        streams = CellStreams.install();
        System.setIn(kernelIO.in);
    }

    @Override
    public void onShutdown(boolean isRestarting) {
        stopEngines();
        if (streams != null) {
            streams.close();
        }
        super.onShutdown(isRestarting);
    }

    /**
     * Closes JShell (once it has started). All a {@link NotebookRunner}'s kernel needs on shutdown: it was never
     * jjava's notebook kernel and never had the console's streams.
     */
    void stopEngines() {
        javaStart.thenAccept(JavaShell::close);
    }

    /** Waits until JShell has started; returns it. */
    private JavaShell javaShell() {
        try {
            return javaStart.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw CellError.interrupted();
        } catch (ExecutionException e) {
            throw new IllegalStateException("JShell did not start: " + e.getCause(), e.getCause());
        }
    }

    /** Waits, at most {@code millis}, for JShell and Groovy to be ready (used to measure start-up). */
    boolean awaitReady(long millis) {
        try {
            CompletableFuture.allOf(javaStart, groovy).get(millis, TimeUnit.MILLISECONDS);
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    /** Runs sample cells and renders their values, without a front end: {@link KernelMain#train()}. */
    void train() {
        awaitReady(180_000);
        Object value = execute("java.util.List.of(1, 2).stream().mapToInt(i -> i).sum()", 1).value();
        Displays.render(value, renderer);
        execute("""
                %%iam
                account('111122223333') {
                    group('g') { inline('Read') { allow 's3:GetObject' on 'arn:aws:s3:::b/*' } }
                    role('r') { trustAccount '111122223333' }
                    user('u') { groups 'g' }
                }
                explain user('u'), 's3:GetObject', 'arn:aws:s3:::b/k'
                whoCan 's3:GetObject', 'arn:aws:s3:::b/k'
                show world
                """, 2);
        execute("%aws iam get-user --user-name u", 3);
        Displays.render(execute("%lsmagic", 4).value(), renderer);
    }

    // Requests

    @Override
    public void becomeHandlerForConnection(JupyterConnection connection) {
        super.becomeHandlerForConnection(connection);
        connection.setHandler(MessageType.COMM_INFO_REQUEST, this::handleCommInfoRequest);
        if (connection instanceof KernelConnection kernelConnection) {
            stopOnError.watch(kernelConnection.shell());
        }
    }

    @Override
    protected void handleKernelInfoRequest(ShellReplyEnvironment env, Message<KernelInfoRequest> message) {
        env.setBusyDeferIdle();
        Replies.send(env, MessageType.KERNEL_INFO_REPLY, new Replies.KernelInfo(Header.PROTOCOL_VERISON, name,
                version, getLanguageInfo(), getBanner(), getHelpLinks()));
    }

    private void handleCommInfoRequest(ShellReplyEnvironment env, Message<CommInfoRequest> message) {
        env.setBusyDeferIdle();
        Replies.send(env, MessageType.COMM_INFO_REPLY,
                Replies.CommInfo.of(commManager, message.getContent().getTargetName()));
    }

    @Override
    protected void handleInterruptRequest(ShellReplyEnvironment env, Message<InterruptRequest> message) {
        env.setBusyDeferIdle();
        interrupt();
        Replies.send(env, MessageType.INTERRUPT_REPLY, new Replies.Interrupt());
    }

    @Override
    protected void handleShutdownRequest(ShellReplyEnvironment env, Message<ShutdownRequest> message) {
        boolean restart = message.getContent().isRestart();
        env.setBusyDeferIdle();
        Replies.send(env, MessageType.SHUTDOWN_REPLY, new Replies.Shutdown(restart));
        interrupt();
        onShutdown(restart);
        env.resolveDeferrals();
        env.markForShutdown();
        exitSoon();
    }

    /**
     * Ends the process {@value #EXIT_AFTER_MILLIS} ms after a shutdown request even if a cell still runs (a cell
     * that ignores interrupts would otherwise keep the shell thread, and so the process, alive).
     */
    private static void exitSoon() {
        Thread exit = new Thread(() -> {
            try {
                Thread.sleep(EXIT_AFTER_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            System.exit(0);
        }, "iamlab-shutdown");
        exit.setDaemon(true);
        exit.start();
    }

    @Override
    protected void handleHistoryRequest(ShellReplyEnvironment env, Message<HistoryRequest> message) {
        HistoryRequest request = message.getContent();
        env.setBusyDeferIdle();
        Set<HistoryManager.ResultFlag> flags = EnumSet.noneOf(HistoryManager.ResultFlag.class);
        if (request.includeOutput()) {
            flags.add(HistoryManager.ResultFlag.INCLUDE_OUTPUT);
        }
        List<HistoryEntry> entries = switch (request.getAccessType()) {
            case TAIL -> history.lookupTail(((HistoryRequest.Tail) request).getMaxReturnLength(), flags);
            case RANGE -> {
                HistoryRequest.Range range = (HistoryRequest.Range) request;
                yield history.lookupRange(range.getSessionIndex(), range.getStart(), range.getStop(), flags);
            }
            case SEARCH -> {
                HistoryRequest.Search search = (HistoryRequest.Search) request;
                if (search.filterUnique()) {
                    flags.add(HistoryManager.ResultFlag.UNIQUE);
                }
                yield history.search(search.getPattern(), search.getMaxReturnLength(), flags);
            }
        };
        Replies.send(env, MessageType.HISTORY_REPLY, new Replies.History(entries));
    }

    @Override
    protected void handleExecuteRequest(ShellReplyEnvironment env, Message<ExecuteRequest> message) {
        if (stopOnError.abort(env)) {
            return;
        }
        commManager.setMessageContext(message);
        ExecuteRequest request = message.getContent();
        boolean silent = request.isSilent();
        boolean store = request.shouldStoreHistory() && !silent;
        int count = store ? executionCount.getAndIncrement() : executionCount.get();
        env.setBusyDeferIdle();
        if (!silent) {
            env.publish(new PublishExecuteInput(request.getCode(), count));
            streams.attach(env);
            kernelIO.attach(env, request.isStdinEnabled());
            cellEnv = env;
        }
        try {
            JavaShell.Outcome outcome = execute(request.getCode(), count, cellKey(message));
            streams.flush();
            List<Map<String, Object>> payload = List.of();
            String shown = null;
            if (outcome.value() instanceof Magics.Page page) {
                payload = List.of(page(page.data()));
            } else if (outcome.hasValue() && outcome.value() != null && !silent && !alreadyShown(outcome.value())) {
                DisplayData data = Displays.render(outcome.value(), renderer);
                env.publish(new PublishExecuteResult(count, data));
                shown = String.valueOf(data.getData(MIMEType.TEXT_PLAIN));
            }
            if (store) {
                history.record(count, request.getCode(), shown);
            }
            Replies.send(env, MessageType.EXECUTE_REPLY, new Replies.ExecuteOk(count, payload));
        } catch (CellError e) {
            stopOnError.failing(request);
            fail(env, count, store, request.getCode(), e);
        } catch (RuntimeException e) {
            stopOnError.failing(request);
            fail(env, count, store, request.getCode(), new CellError("KernelError", String.valueOf(e),
                    formatError(e)));
        } finally {
            cellEnv = null;
            if (!silent) {
                streams.detach();
                kernelIO.detach(env);
            }
        }
    }

    /**
     * What identifies the cell across runs: the cell ID JupyterLab, Notebook 7 and VS Code send in the request's
     * metadata, or else (nbclient 0.7, {@code jupyter console}) the cell's code.
     */
    private static String cellKey(Message<ExecuteRequest> message) {
        Object id = message.getMetadata() == null ? null : message.getMetadata().get("cellId");
        return id instanceof String s && !s.isBlank() ? "id:" + s : "code:" + message.getContent().getCode();
    }

    /**
     * Whether the cell's value was shown while it ran: the same object (e.g. {@code explain}'s answer), or the
     * maps and lists {@code aws} returns after showing the CLI's output.
     */
    boolean alreadyShown(Object value) {
        synchronized (shown) {
            for (Object o : shown) {
                if (o == value) {
                    return true;
                }
            }
            return !shown.isEmpty() && shown.get(shown.size() - 1) instanceof org.iamlab.dsl.aws.CliOutput
                    && (value instanceof Map || value instanceof List);
        }
    }

    private void fail(ShellReplyEnvironment env, int count, boolean store, String code, CellError e) {
        streams.flush();
        if (store) {
            history.record(count, code, null);
        }
        env.publish(new PublishError(e.name(), e.value(), e.traceback()));
        Replies.send(env, MessageType.EXECUTE_REPLY, new Replies.ExecuteError(count, e));
    }

    private static Map<String, Object> page(DisplayData data) {
        Map<String, Object> bundle = new LinkedHashMap<>();
        bundle.put("text/plain", data.getData(MIMEType.TEXT_PLAIN));
        if (data.hasDataForType(MIMEType.TEXT_HTML)) {
            bundle.put("text/html", data.getData(MIMEType.TEXT_HTML));
        }
        return Map.of("source", "page", "data", bundle, "start", 0);
    }

    // Running cells

    /** Runs a cell known by its code (see {@link #execute(String, int, String)}). */
    JavaShell.Outcome execute(String code, int count) {
        return execute(code, count, "code:" + code);
    }

    /**
     * Runs a cell: its magics become calls, and the cell runs in JShell; names shared between Java and
     * {@code %%iam} cells are brought up to date first. The world is snapshotted first: a re-run of the cell
     * known by {@code key} replaces what its last run defined, and a cell that fails leaves the world (and the
     * {@code %%iam} names) as they were before it.
     */
    JavaShell.Outcome execute(String code, int count, String key) {
        Magics.Transpiled cell = magics.transpile(code);
        JavaShell shell = javaShell();
        boolean world = cell.calls().stream().anyMatch(c -> WORLD_MAGICS.contains(c.name()));
        if (world) {
            shareJavaNames(shell);
        }
        declarePendingNames(shell, JavaShell.identifiers(cell.java()));
        interrupted = false;
        shown.clear();
        calls = cell.calls();
        IamCells.CellRun run = iam.begin(key, "cell [" + count + "]");
        runningCell = cells.incrementAndGet();
        try {
            JavaShell.Outcome outcome = shell.eval(cell.java(), count);
            if (interrupted) {
                throw CellError.interrupted();
            }
            run.commit();
            return outcome;
        } catch (CellError e) {
            run.rollback();
            throw interrupted ? CellError.interrupted() : e;
        } catch (RuntimeException e) {
            run.rollback();
            throw e;
        } finally {
            runningCell = -1;
            calls = List.of();
            if (cell.usesMagic("reset")) {
                agreed.keySet().retainAll(iamBorn);
                pendingNames.clear();
            }
            if (world) {
                noteIamNames();
            }
        }
    }

    /** Runs magic {@code index} of the running cell (called on JShell's execution thread). */
    Object runMagic(int index) {
        Magics.Call call = calls.get(index);
        try {
            return magics.run(call);
        } catch (CellError e) {
            throw e;
        } catch (Exception e) {
            if (interrupted) {
                throw CellError.interrupted();
            }
            String message = "line " + call.line() + ": " + (e.getMessage() == null ? e.getClass().getSimpleName()
                    : e.getMessage());
            throw new CellError(e.getClass().getName(), message, List.of(e.getClass().getName() + ": " + message));
        }
    }

    @Override
    public Object evalRaw(String source) {
        if (runningCell >= 0) {
            throw new IllegalStateException("a cell cannot run code as another cell while it runs");
        }
        JavaShell.Outcome outcome = execute(source, executionCount.get());
        return outcome.hasValue() ? outcome.value() : null;
    }

    /** The {@code %%iam} cells' lab: their world and the learner's workbook. */
    org.iamlab.dsl.Lab lab() {
        return iam.lab();
    }

    @Override
    public void interrupt() {
        long cell = runningCell;
        JavaShell shell = javaStart.getNow(null);
        if (cell < 0 || shell == null) {
            return;
        }
        interrupted = true;
        shell.stop();
        CompletableFuture.delayedExecutor(FORCE_STOP_AFTER_MILLIS, TimeUnit.MILLISECONDS).execute(() -> {
            if (runningCell == cell) {
                shell.forceStop();
            }
        });
    }

    // Names shared by Java and %%iam cells

    /** Before a cell that uses the world: Java variables that changed since last time become Groovy names. */
    private void shareJavaNames(JavaShell shell) {
        shell.variables().forEach((name, variable) -> {
            Object value = variable.value();
            if (!pendingNames.contains(name) && (!agreed.containsKey(name) || agreed.get(name) != value)) {
                iam.define(name, value);
                agreed.put(name, value);
            }
        });
    }

    /** After a cell that used the world: names it assigned wait to be declared in Java. */
    private void noteIamNames() {
        iam.names().forEach((name, value) -> {
            if (!agreed.containsKey(name) || agreed.get(name) != value) {
                if (!agreed.containsKey(name)) {
                    iamBorn.add(name);
                }
                agreed.put(name, value);
                if (SourceVersion.isName(name) && !name.startsWith("$")) {
                    pendingNames.add(name);
                }
            }
        });
    }

    /** Declares in JShell the pending names among {@code wanted} (a Java cell's identifiers). */
    private void declarePendingNames(JavaShell shell, Set<String> wanted) {
        for (String name : List.copyOf(pendingNames)) {
            if (wanted.contains(name)) {
                pendingNames.remove(name);
                Map<String, Object> names = iam.names();
                if (names.containsKey(name)) {
                    Object value = names.get(name);
                    shell.declare(name, javaType(shell, name, value),
                            "org.iamlab.kernel.Notebook.shared(\"" + name + "\")");
                }
            }
        }
    }

    /** The value of the {@code %%iam} name {@code name}. */
    Object sharedValue(String name) {
        return iam.names().get(name);
    }

    /** The Java type to declare {@code name} with: its class, or the nearest public superclass Java can name. */
    private static String javaType(JavaShell shell, String name, Object value) {
        if (value == null) {
            return "Object";
        }
        Optional<String> declared = shell.variable(name).map(jdk.jshell.VarSnippet::typeName);
        if (declared.isPresent() && declared.get().equals(primitiveOf(value.getClass()))) {
            return declared.get();
        }
        for (Class<?> c = value.getClass(); c != null; c = c.getSuperclass()) {
            if (nameable(c)) {
                return c.getCanonicalName();
            }
        }
        return "Object";
    }

    private static String primitiveOf(Class<?> box) {
        return Map.of(Integer.class, "int", Long.class, "long", Double.class, "double", Boolean.class, "boolean",
                Character.class, "char", Byte.class, "byte", Short.class, "short", Float.class, "float")
                .get(box);
    }

    private static boolean nameable(Class<?> c) {
        for (Class<?> k = c; k != null; k = k.getEnclosingClass()) {
            if (!Modifier.isPublic(k.getModifiers()) || k.isAnonymousClass() || k.isLocalClass() || k.isSynthetic()) {
                return false;
            }
        }
        ClassLoader loader = c.getClassLoader();
        return c.getCanonicalName() != null && (loader == null || loader == ClassLoader.getSystemClassLoader()
                || loader == ClassLoader.getPlatformClassLoader());
    }

    // Display

    /** Shows {@code value} below the running cell (called from cells, on JShell's execution thread). */
    void display(Object value) {
        shown.add(value);
        ShellReplyEnvironment env = cellEnv;
        DisplayData data = Displays.render(value, renderer);
        if (env == null) {
            java.util.function.Consumer<DisplayData> sink = displaySink;
            if (sink != null) {
                sink.accept(data);
            } else {
                System.out.println(data.getData(MIMEType.TEXT_PLAIN));
            }
            return;
        }
        streams.flush();
        env.publish(new PublishDisplayData(data));
    }

    /** Sends what cells display, when no front end runs them, to {@code sink} (see {@link NotebookRunner}). */
    void displayTo(java.util.function.Consumer<DisplayData> sink) {
        displaySink = sink;
    }

    /** Clears the running cell's output; with {@code wait}, when the next output arrives. */
    void clearOutput(boolean wait) {
        ShellReplyEnvironment env = cellEnv;
        if (env != null) {
            streams.flush();
            env.publish(wait ? PublishClearOutput.BEFORE_NEXT_OUTPUT : PublishClearOutput.NOW);
        }
    }

    // Completion, inspection, is_complete

    @Override
    public ReplacementOptions complete(String code, int at) {
        String line = code.substring(code.lastIndexOf('\n', Math.max(0, at - 1)) + 1, at);
        Matcher magic = MAGIC_PREFIX.matcher(line);
        if (magic.matches()) {
            return new ReplacementOptions(magics.complete(magic.group(1)), at - magic.group(1).length(), at);
        }
        Matcher head = CELL_MAGIC_HEAD.matcher(code);
        if (head.find()) {
            return head.group(1).equals("iam") ? completeIam(code, at) : new ReplacementOptions(List.of(), at, at);
        }
        JavaShell shell = javaShell();
        declarePendingNames(shell, Set.copyOf(pendingNames));
        JavaShell.Completions c = shell.complete(blankMagicLines(code), at);
        return new ReplacementOptions(c.matches(), c.start(), c.end());
    }

    private ReplacementOptions completeIam(String code, int at) {
        int start = at;
        while (start > 0 && Character.isJavaIdentifierPart(code.charAt(start - 1))) {
            start--;
        }
        String prefix = code.substring(start, at);
        Set<String> names = new java.util.TreeSet<>(iam.names().keySet());
        names.addAll(org.iamlab.dsl.Blocks.commandsAt(code, at).orElseGet(() -> Set.copyOf(iam.vocabulary())));
        List<String> matches = new ArrayList<>();
        for (String n : names) {
            if (n.startsWith(prefix) && !n.equals(prefix)) {
                matches.add(n);
            }
        }
        return new ReplacementOptions(matches, start, at);
    }

    @Override
    public DisplayData inspect(String code, int at, boolean extraDetail) {
        String name = JavaShell.identifierAt(code, Math.min(at, code.length()));
        if (CELL_MAGIC_HEAD.matcher(code).find()) {
            Map<String, Object> names = iam.names();
            if (names.containsKey(name)) {
                return summary(name, names.get(name));
            }
            List<String> signatures = iam.signatures(name);
            if (signatures.isEmpty()) {
                return null;
            }
            String text = String.join("\n", signatures);
            return Displays.bundle(text, "<pre>" + Displays.escape(text) + "</pre>");
        }
        JavaShell shell = javaShell();
        declarePendingNames(shell, Set.of(name));
        if (!name.isEmpty()) {
            Optional<jdk.jshell.VarSnippet> variable = shell.variable(name);
            if (variable.isPresent()) {
                return summary(name, shell.liveValue(variable.get()));
            }
        }
        List<String> docs = shell.documentation(blankMagicLines(code), Math.min(at, code.length()));
        if (docs.isEmpty()) {
            return null;
        }
        String text = String.join("\n\n", docs);
        return Displays.bundle(text, "<pre>" + Displays.escape(text) + "</pre>");
    }

    /** What Shift-Tab shows for a variable: its type and its value, drawn as in a cell. */
    private DisplayData summary(String name, Object value) {
        String type = value == null ? "null" : value.getClass().getName();
        DisplayData shown = value == null ? new DisplayData("null") : Displays.render(value, renderer);
        Object plain = shown.getData(MIMEType.TEXT_PLAIN);
        String text = name + " : " + type + "\n" + plain;
        String html = "<p><code>" + Displays.escape(name) + "</code> : <code>" + Displays.escape(type) + "</code></p>"
                + (shown.hasDataForType(MIMEType.TEXT_HTML) ? shown.getData(MIMEType.TEXT_HTML)
                : "<pre>" + Displays.escape(String.valueOf(plain)) + "</pre>");
        return Displays.bundle(text, html);
    }

    @Override
    public String isComplete(String code) {
        if (code.startsWith("%%")) {
            return IS_COMPLETE_YES;
        }
        String result = javaShell().isComplete(blankMagicLines(code));
        return switch (result) {
            case "complete" -> IS_COMPLETE_YES;
            case "invalid" -> IS_COMPLETE_BAD;
            default -> result;
        };
    }

    /** {@code code} with each magic line replaced by spaces, so that JShell sees Java and offsets still hold. */
    private static String blankMagicLines(String code) {
        Matcher m = MAGIC_LINE.matcher(code);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, " ".repeat(m.group().length()));
        }
        return m.appendTail(out).toString();
    }

    /** The kernel's Jupyter I/O, which this package may attach to a cell. */
    static final class KernelIO extends JupyterIO {

        KernelIO() {
            super(StandardCharsets.UTF_8);
        }

        void attach(ShellReplyEnvironment env, boolean stdin) {
            setEnv(env);
            setJupyterInEnabled(stdin);
        }

        void detach(ShellReplyEnvironment env) {
            retractEnv(env);
        }
    }
}
