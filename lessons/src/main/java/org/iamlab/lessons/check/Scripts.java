package org.iamlab.lessons.check;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.iamlab.dsl.Lab;
import org.iamlab.engine.world.World;

/**
 * The DSL snippets and expressions of exercises, each compiled once: checking builds an exercise's world again
 * for every answer, and compiling Groovy costs far more than running it.
 */
final class Scripts {

    private final Lab compiler = new Lab(new World(), value -> { });
    private final Map<String, Lab.Compiled> compiled = new ConcurrentHashMap<>();

    /** {@code code} compiled (a syntax error is the DSL's {@link org.iamlab.dsl.ScriptFailure}). */
    Lab.Compiled of(String code) {
        Lab.Compiled c = compiled.get(code);
        if (c == null) {
            synchronized (compiler) {
                c = compiled.computeIfAbsent(code, compiler::compile);
            }
        }
        return c;
    }
}
