package org.iamlab.engine.condition;

import java.util.List;
import org.iamlab.engine.pattern.VariableSource;

/** The request context as conditions see it. */
public interface ContextValues extends VariableSource {

    /**
     * The values of {@code lowerCaseKey} (key names are case-insensitive), or {@code null} when the request
     * does not carry the key. A single-valued key yields a list of one.
     */
    List<String> values(String lowerCaseKey);
}
