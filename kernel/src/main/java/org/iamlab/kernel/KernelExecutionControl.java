package org.iamlab.kernel;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Map;
import jdk.jshell.execution.LocalExecutionControl;
import jdk.jshell.spi.ExecutionControl;
import jdk.jshell.spi.ExecutionControlProvider;
import jdk.jshell.spi.ExecutionEnv;

/**
 * JShell's in-process execution engine, extended so that the kernel sees live objects instead of strings.
 * <ul>
 *   <li>{@link #varValue} keeps the variable's object (read with {@link #takeValue()}) and does not call its
 *       {@code toString}, so a cell's value is rendered by the kernel's renderers, not by JShell;</li>
 *   <li>a cell's uncaught exception is kept as the object it was ({@link #takeFailure()}), so that errors of
 *       {@code %%iam} cells keep the line numbers the kernel computed for them;</li>
 *   <li>the snippet runs through {@link Trampoline#run()}, which knows the snippet's thread (so an interrupt can
 *       reach blocking calls) and hands JShell {@code null} as the snippet's result (so JShell never calls
 *       {@code toString} on it).</li>
 * </ul>
 * Every class a cell defines is loaded with its {@code System.exit}, {@code Runtime.exit} and {@code Runtime.halt}
 * calls refused ({@link ExitCalls}, {@link ExitGuard}): a cell must not end the kernel.
 * Stopping a snippet is JShell's own {@link LocalExecutionControl#stop()}: {@code Thread.stop} on JDK 17 to 19,
 * and on JDK 20 and later a stop flag that JShell checks at every backward branch of the snippet's bytecode.
 */
final class KernelExecutionControl extends LocalExecutionControl {

    private volatile Object value;
    private volatile Throwable failure;
    private volatile Thread snippetThread;

    @Override
    public String varValue(String className, String varName)
            throws RunException, EngineTerminationException, InternalException {
        try {
            java.lang.reflect.Field field = findClass(className).getDeclaredField(varName);
            field.setAccessible(true);
            value = field.get(null);
            return "";
        } catch (ReflectiveOperationException | LinkageError e) {
            throw new InternalException("cannot read `" + varName + "`: " + e);
        }
    }

    /** The object of the last {@link #varValue} call, forgotten once taken. */
    Object takeValue() {
        Object v = value;
        value = null;
        return v;
    }

    @Override
    protected String throwConvertedInvocationException(Throwable cause) throws RunException, InternalException {
        failure = cause;
        return super.throwConvertedInvocationException(cause);
    }

    /** The exception that ended the last snippet, if any, forgotten once taken. */
    Throwable takeFailure() {
        Throwable f = failure;
        failure = null;
        return f;
    }

    @Override
    protected void clientCodeEnter() {
        failure = null;
        super.clientCodeEnter();
    }

    @Override
    public void load(ClassBytecodes[] classes)
            throws ClassInstallException, NotImplementedException, EngineTerminationException {
        super.load(guarded(classes));
    }

    @Override
    public void redefine(ClassBytecodes[] classes)
            throws ClassInstallException, NotImplementedException, EngineTerminationException {
        super.redefine(guarded(classes));
    }

    private static ClassBytecodes[] guarded(ClassBytecodes[] classes) {
        ClassBytecodes[] out = new ClassBytecodes[classes.length];
        for (int i = 0; i < classes.length; i++) {
            out[i] = new ClassBytecodes(classes[i].name(), ExitCalls.guard(classes[i].bytecodes()));
        }
        return out;
    }

    @Override
    protected String invoke(Method doitMethod) throws Exception {
        Trampoline.PENDING.set(new Trampoline.Call(doitMethod, this));
        try {
            return super.invoke(Trampoline.RUN);
        } finally {
            Trampoline.PENDING.remove();
        }
    }

    /** Interrupts the thread of the running snippet: ends its sleeps and waits, and stops Groovy loops. */
    void interruptSnippet() {
        Thread t = snippetThread;
        if (t != null) {
            t.interrupt();
        }
    }

    /**
     * What JShell's execution thread calls instead of the snippet's method: records the thread, runs the
     * snippet and rethrows what it threw, as if JShell had called the snippet directly.
     */
    public static final class Trampoline {

        static final Method RUN;

        static {
            try {
                RUN = Trampoline.class.getMethod("run");
            } catch (NoSuchMethodException e) {
                throw new ExceptionInInitializerError(e);
            }
        }

        /**
         * The snippet to run and its control, handed to the execution thread that JShell starts for it from the
         * thread that called {@link #invoke} (inherited, so that kernels running at once in one JVM, as the site
         * builder's lessons do, never run each other's snippets).
         */
        private static final InheritableThreadLocal<Call> PENDING = new InheritableThreadLocal<>();

        private record Call(Method snippet, KernelExecutionControl control) {
        }

        private Trampoline() {
        }

        /** Runs the pending snippet on the calling thread. */
        public static Object run() throws Throwable {
            Call call = PENDING.get();
            KernelExecutionControl owner = call.control();
            owner.snippetThread = Thread.currentThread();
            try {
                call.snippet().invoke(null);
                return null;
            } catch (InvocationTargetException e) {
                throw e.getCause();
            } finally {
                owner.snippetThread = null;
            }
        }
    }

    /** Creates the one execution control of a kernel's JShell and hands it to the kernel. */
    static final class Provider implements ExecutionControlProvider {

        private volatile KernelExecutionControl created;

        @Override
        public String name() {
            return "iamlab";
        }

        @Override
        public ExecutionControl generate(ExecutionEnv env, Map<String, String> parameters) {
            created = new KernelExecutionControl();
            return created;
        }

        KernelExecutionControl created() {
            return created;
        }
    }
}
