package org.iamlab.kernel;

import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;

/**
 * What Java cells can call without a prefix (the kernel imports these statically): {@code display(value)} as in
 * IJava, {@code html("...")}, {@code clearOutput()}.
 */
public final class Notebook {

    private Notebook() {
    }

    /** Shows {@code value} now, below the cell, as rich as it can be shown (a trace as its picture). */
    public static void display(Object value) {
        kernel().display(value);
    }

    /** A value that shows as the given HTML (and as {@code text/plain}, the same text). */
    public static DisplayData html(String html) {
        return Displays.bundle(html, html);
    }

    /** Clears the cell's output, e.g. to redraw a progress line. */
    public static void clearOutput() {
        kernel().clearOutput(false);
    }

    /** The value of a name an {@code %%iam} cell defined; the kernel declares Java variables with it. */
    public static Object shared(String name) {
        return kernel().sharedValue(name);
    }

    /** Runs the magic the kernel found at this place in the cell (code the kernel generates calls this). */
    public static Object magic(int index) {
        return kernel().runMagic(index);
    }

    /** The kernel running this cell: a {@link NotebookRunner}'s, else the Jupyter kernel of this process. */
    private static IamLabKernel kernel() {
        IamLabKernel runner = RunnerThreads.kernel();
        return runner != null ? runner : (IamLabKernel) BaseKernel.notebookKernel();
    }
}
