package org.iamlab.engine.eval;

import java.util.List;
import org.iamlab.engine.arn.ArnPattern;
import org.iamlab.engine.policy.ResourceElement;

/** The compiled Resource or NotResource of one statement: ARN patterns, case-sensitive, segment by segment. */
final class ResourceMatcher {

    private final boolean not;
    private final ArnPattern[] patterns;
    private final boolean everything;

    ResourceMatcher(ResourceElement element, boolean variablesEnabled) {
        this.not = element.not();
        List<String> values = element.patterns().values();
        this.patterns = new ArnPattern[values.size()];
        boolean all = false;
        for (int i = 0; i < patterns.length; i++) {
            patterns[i] = ArnPattern.compile(values.get(i), variablesEnabled);
            all |= patterns[i].matchesEverything();
        }
        this.everything = all;
    }

    boolean not() {
        return not;
    }

    /** The first pattern that matches the request's resource, or {@code null}. */
    String match(PreparedRequest request) {
        if (everything) {
            return "*";
        }
        for (ArnPattern p : patterns) {
            if (p.matches(request.resource(), request.resourceArn(), request)) {
                return p.raw();
            }
        }
        return null;
    }
}
