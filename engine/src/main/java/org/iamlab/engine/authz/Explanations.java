package org.iamlab.engine.authz;

import java.util.List;
import java.util.stream.Collectors;
import org.iamlab.engine.eval.PreparedRequest;
import org.iamlab.engine.trace.StatementRef;

/** Step explanations that name statements, in words. */
final class Explanations {

    private Explanations() {
    }

    static String denied(List<StatementRef> denies, PreparedRequest request) {
        String which = denies.stream()
                .map(d -> "statement " + d.label() + " in " + d.policy().kind().description() + " " + d.policy().name())
                .collect(Collectors.joining("; "));
        return which + (denies.size() == 1 ? " denies " : " deny ") + request.request().action()
                + "; an explicit deny overrides every allow";
    }
}
