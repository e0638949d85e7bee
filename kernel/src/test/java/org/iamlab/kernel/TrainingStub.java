package org.iamlab.kernel;

/** A stand-in for the kernel's training run in {@link KernelSpecTests}: loads a few classes and exits 0. */
public final class TrainingStub {

    private TrainingStub() {
    }

    public static void main(String[] args) {
        System.out.println(new java.util.TreeMap<>(java.util.Map.of("trained", args.length)));
    }
}
