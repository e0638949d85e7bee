package org.iamlab.kernel;

import groovy.lang.Closure;
import groovy.lang.ExpandoMetaClass;
import groovy.lang.GroovyObject;
import groovy.lang.GroovySystem;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Where the calls that would end the kernel go instead. On JDK 17 the Security Manager could have refused them,
 * but it is deprecated and gone on the newer JDKs the kernel also runs on, so the code the kernel compiles is
 * changed to call here:
 * <ul>
 *   <li>Java cells: {@link ExitCalls} rewrites the bytecode of every JShell snippet class (so also methods and
 *       lambdas defined in earlier cells) to call {@link #systemExit}, {@link #runtimeExit}, {@link #runtimeHalt}
 *       instead, and to check {@code Method.invoke} and {@code MethodHandles.Lookup} look-ups first;</li>
 *   <li>{@code %%iam} cells: Groovy calls methods through meta classes, so {@link #guardGroovy()} gives
 *       {@code System} and {@code Runtime} meta classes whose {@code exit} and {@code halt} refuse.</li>
 * </ul>
 * The kernel's own code (and the libraries it loads) is not changed: it still ends the process on shutdown.
 */
public final class ExitGuard {

    private static final AtomicBoolean GROOVY_GUARDED = new AtomicBoolean();

    private ExitGuard() {
    }

    /** Instead of {@code System.exit(status)}. */
    public static void systemExit(int status) {
        throw new ExitRefused("System.exit(" + status + ")");
    }

    /** Instead of {@code runtime.exit(status)}. */
    public static void runtimeExit(Runtime runtime, int status) {
        throw new ExitRefused("Runtime.exit(" + status + ")");
    }

    /** Instead of {@code runtime.halt(status)}. */
    public static void runtimeHalt(Runtime runtime, int status) {
        throw new ExitRefused("Runtime.halt(" + status + ")");
    }

    /** Before {@code method.invoke(...)}: refuses when {@code method} ends the process. */
    public static void checkReflective(Method method) {
        if (method != null && ends(method.getDeclaringClass(), method.getName())) {
            throw new ExitRefused(method.getDeclaringClass().getSimpleName() + "." + method.getName()
                    + " (by reflection)");
        }
    }

    /** Instead of {@code lookup.findStatic(owner, name, type)}. */
    public static MethodHandle findStatic(MethodHandles.Lookup lookup, Class<?> owner, String name, MethodType type)
            throws NoSuchMethodException, IllegalAccessException {
        refuseHandle(owner, name);
        return lookup.findStatic(owner, name, type);
    }

    /** Instead of {@code lookup.findVirtual(owner, name, type)}. */
    public static MethodHandle findVirtual(MethodHandles.Lookup lookup, Class<?> owner, String name, MethodType type)
            throws NoSuchMethodException, IllegalAccessException {
        refuseHandle(owner, name);
        return lookup.findVirtual(owner, name, type);
    }

    /** Instead of {@code lookup.unreflect(method)}. */
    public static MethodHandle unreflect(MethodHandles.Lookup lookup, Method method) throws IllegalAccessException {
        checkReflective(method);
        return lookup.unreflect(method);
    }

    private static void refuseHandle(Class<?> owner, String name) {
        if (ends(owner, name)) {
            throw new ExitRefused(owner.getSimpleName() + "." + name + " (by method handle)");
        }
    }

    private static boolean ends(Class<?> owner, String name) {
        return owner == System.class && name.equals("exit")
                || owner == Runtime.class && (name.equals("exit") || name.equals("halt"));
    }

    /**
     * Makes Groovy's {@code System.exit}, {@code Runtime.exit} and {@code Runtime.halt} refuse, however the script
     * calls them (directly, through a variable, a method pointer {@code System.&exit}, a name in a string or
     * {@code invokeMethod}): every dynamic Groovy call goes through the class's meta class. Once per JVM; a kernel
     * starting while another installs them waits until they are installed.
     */
    static synchronized void guardGroovy() {
        if (!GROOVY_GUARDED.compareAndSet(false, true)) {
            return;
        }
        ExpandoMetaClass system = new ExpandoMetaClass(System.class, false, true);
        // System.metaClass.static.exit = {...}, as a script would write it (the registering method is protected).
        ((GroovyObject) system.getProperty("static")).setProperty("exit", new Refusal("System.exit"));
        system.initialize();
        ExpandoMetaClass runtime = new ExpandoMetaClass(Runtime.class, false, true);
        runtime.registerInstanceMethod("exit", new Refusal("Runtime.exit"));
        runtime.registerInstanceMethod("halt", new Refusal("Runtime.halt"));
        runtime.initialize();
        GroovySystem.getMetaClassRegistry().setMetaClass(System.class, system);
        GroovySystem.getMetaClassRegistry().setMetaClass(Runtime.class, runtime);
    }

    /** A Groovy method that takes the exit status and refuses. */
    private static final class Refusal extends Closure<Void> {

        private static final long serialVersionUID = 1L;

        private final String call;

        Refusal(String call) {
            super(ExitGuard.class);
            this.call = call;
        }

        /** Groovy calls this with the status. */
        public Void doCall(int status) {
            throw new ExitRefused(call + "(" + status + ")");
        }
    }
}
