package org.iamlab.kernel;

import groovy.transform.ThreadInterrupt;
import java.util.List;
import org.codehaus.groovy.ast.ASTNode;
import org.codehaus.groovy.ast.AnnotationNode;
import org.codehaus.groovy.ast.ClassHelper;
import org.codehaus.groovy.ast.ClassNode;
import org.codehaus.groovy.control.CompilePhase;
import org.codehaus.groovy.control.SourceUnit;
import org.codehaus.groovy.transform.ASTTransformation;
import org.codehaus.groovy.transform.GroovyASTTransformation;
import org.codehaus.groovy.transform.ThreadInterruptibleASTTransformation;

/**
 * Makes every Groovy script compiled where the kernel runs answer an interrupt, as {@code @ThreadInterrupt}
 * does: each loop, closure and method checks the thread's interrupt flag. That is how an interrupted
 * {@code %%iam} cell stops on JDK 20 and later, where {@code Thread.stop} is gone and JShell's own stop reaches only
 * Java snippets. A global AST transformation (registered in {@code META-INF/services}), so that the language's
 * compiler configuration need not know about the kernel.
 */
@GroovyASTTransformation(phase = CompilePhase.CONVERSION)
public final class InterruptibleScripts implements ASTTransformation {

    private static final ClassNode THREAD_INTERRUPT = ClassHelper.make(ThreadInterrupt.class);

    @Override
    public void visit(ASTNode[] nodes, SourceUnit source) {
        List<ClassNode> classes = source.getAST() == null ? List.of() : source.getAST().getClasses();
        if (!classes.isEmpty()) {
            new ThreadInterruptibleASTTransformation().visit(
                    new ASTNode[] {new AnnotationNode(THREAD_INTERRUPT), classes.get(0)}, source);
        }
    }
}
