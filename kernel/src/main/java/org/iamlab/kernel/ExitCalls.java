package org.iamlab.kernel;

import java.util.Map;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * Rewrites the bytecode of a Java cell's classes so that the calls that would end the kernel go to
 * {@link ExitGuard}: {@code System.exit}, {@code Runtime.exit} and {@code Runtime.halt} (called, or taken as a
 * method reference such as {@code System::exit}) become calls of the guard's methods with the same arguments,
 * {@code MethodHandles.Lookup.findStatic}, {@code findVirtual} and {@code unreflect} go through the guard, and
 * {@code Method.invoke} first shows its method to the guard. Each replacement takes and leaves the same values on
 * the operand stack, so the class's stack map frames stay valid. Classes without such calls are returned as they
 * were.
 */
final class ExitCalls {

    private static final String GUARD = Type.getInternalName(ExitGuard.class);
    private static final String LOOKUP = "java/lang/invoke/MethodHandles$Lookup";
    private static final String HANDLE_ARGS = "(Ljava/lang/Class;Ljava/lang/String;Ljava/lang/invoke/MethodType;)"
            + "Ljava/lang/invoke/MethodHandle;";
    private static final String REFLECT_INVOKE = "java/lang/reflect/Method.invoke"
            + "(Ljava/lang/Object;[Ljava/lang/Object;)Ljava/lang/Object;";

    /** A call (owner.name descriptor) and the guard method that replaces it (name, descriptor). */
    private record Replacement(String name, String descriptor) {
    }

    private static final Map<String, Replacement> REPLACED = Map.of(
            "java/lang/System.exit(I)V", new Replacement("systemExit", "(I)V"),
            "java/lang/Runtime.exit(I)V", new Replacement("runtimeExit", "(Ljava/lang/Runtime;I)V"),
            "java/lang/Runtime.halt(I)V", new Replacement("runtimeHalt", "(Ljava/lang/Runtime;I)V"),
            LOOKUP + ".findStatic" + HANDLE_ARGS, new Replacement("findStatic", "(L" + LOOKUP + ";" + HANDLE_ARGS.substring(1)),
            LOOKUP + ".findVirtual" + HANDLE_ARGS, new Replacement("findVirtual", "(L" + LOOKUP + ";" + HANDLE_ARGS.substring(1)),
            LOOKUP + ".unreflect(Ljava/lang/reflect/Method;)Ljava/lang/invoke/MethodHandle;",
            new Replacement("unreflect", "(L" + LOOKUP + ";Ljava/lang/reflect/Method;)Ljava/lang/invoke/MethodHandle;"));

    private ExitCalls() {
    }

    /** The class file {@code bytes} with its exit calls guarded (the same array when it has none). */
    static byte[] guard(byte[] bytes) {
        ClassReader reader = new ClassReader(bytes);
        ClassNode node = new ClassNode();
        reader.accept(node, 0);
        boolean changed = false;
        for (MethodNode method : node.methods) {
            int freeLocal = method.maxLocals;
            for (AbstractInsnNode insn : method.instructions.toArray()) {
                if (insn instanceof MethodInsnNode call) {
                    changed |= guardCall(method, call, freeLocal);
                } else if (insn instanceof InvokeDynamicInsnNode indy) {
                    changed |= guardReference(indy);
                }
            }
        }
        if (!changed) {
            return bytes;
        }
        ClassWriter writer = new ClassWriter(reader, 0);
        node.accept(writer);
        return writer.toByteArray();
    }

    /** Guards {@code call} if it is one to guard; {@code freeLocal} and the next are unused locals of the method. */
    private static boolean guardCall(MethodNode method, MethodInsnNode call, int freeLocal) {
        String key = call.owner + "." + call.name + call.desc;
        Replacement r = REPLACED.get(key);
        if (r != null) {
            method.instructions.set(call, new MethodInsnNode(Opcodes.INVOKESTATIC, GUARD, r.name(), r.descriptor(),
                    false));
            return true;
        }
        if (key.equals(REFLECT_INVOKE)) {
            // The stack is (method, target, arguments): park the two on top in new locals, show the method to the
            // guard, and put them back. No branch lands between, so the frames need not know the new locals.
            int target = freeLocal;
            int args = freeLocal + 1;
            InsnList check = new InsnList();
            check.add(new VarInsnNode(Opcodes.ASTORE, args));
            check.add(new VarInsnNode(Opcodes.ASTORE, target));
            check.add(new InsnNode(Opcodes.DUP));
            check.add(new MethodInsnNode(Opcodes.INVOKESTATIC, GUARD, "checkReflective",
                    "(Ljava/lang/reflect/Method;)V", false));
            check.add(new VarInsnNode(Opcodes.ALOAD, target));
            check.add(new VarInsnNode(Opcodes.ALOAD, args));
            method.instructions.insertBefore(call, check);
            method.maxLocals = Math.max(method.maxLocals, freeLocal + 2);
            return true;
        }
        return false;
    }

    /** {@code System::exit} and kin: the method handle given to the lambda factory points at the guard instead. */
    private static boolean guardReference(InvokeDynamicInsnNode indy) {
        boolean changed = false;
        for (int i = 0; i < indy.bsmArgs.length; i++) {
            if (indy.bsmArgs[i] instanceof Handle h) {
                Replacement r = REPLACED.get(h.getOwner() + "." + h.getName() + h.getDesc());
                if (r != null && !h.getOwner().equals(LOOKUP)) {
                    indy.bsmArgs[i] = new Handle(Opcodes.H_INVOKESTATIC, GUARD, r.name(), r.descriptor(), false);
                    changed = true;
                }
            }
        }
        return changed;
    }
}
