package org.iamlab.engine.arn;

import java.util.ArrayList;
import java.util.List;
import org.iamlab.engine.pattern.Template;
import org.iamlab.engine.pattern.VariableSource;
import org.iamlab.engine.pattern.Wildcard;

/**
 * An ARN as written in a policy's Resource element or an Arn condition: matched segment by segment, so a
 * wildcard stays within its segment, except in the resource segment, which may contain {@code :} and
 * {@code /} (IAM User Guide, "IAM JSON policy elements: Resource"). Matching is case-sensitive.
 *
 * <p>In a Resource element, a pattern that is not a six-segment ARN (only {@code *} in practice) is matched
 * against the whole string; an ARN condition operator never matches such a pattern ({@link #matchesFields}).
 */
public final class ArnPattern {

    private final String raw;
    /** Each segment as written, when some segment has policy variables; otherwise null. */
    private final Template[] segments;
    /** Each segment's pattern (null for one with variables), or null when the pattern is not ARN-shaped. */
    private final Wildcard[] compiled;
    private final Template whole;
    private final Wildcard compiledWhole;
    /** An ARN without wildcards or variables, compared field by field with no pattern objects at all. */
    private final boolean literal;

    /** A literal ARN. */
    private ArnPattern(String raw) {
        this.raw = raw;
        this.segments = null;
        this.compiled = null;
        this.whole = null;
        this.compiledWhole = null;
        this.literal = true;
    }

    private ArnPattern(String raw, Template[] segments, Template whole) {
        this.literal = false;
        this.raw = raw;
        this.segments = segments;
        this.whole = whole;
        if (segments != null) {
            this.compiled = new Wildcard[segments.length];
            for (int i = 0; i < segments.length; i++) {
                compiled[i] = segments[i].hasVariables() ? null : Wildcard.compile(segments[i].raw(), false);
            }
            this.compiledWhole = null;
        } else {
            this.compiled = null;
            this.compiledWhole = whole.hasVariables() ? null : Wildcard.compile(raw, false);
        }
    }

    /** An ARN with wildcards and no policy variables: its segments' patterns, without templates. */
    private ArnPattern(String raw, Wildcard[] compiled) {
        this.literal = false;
        this.raw = raw;
        this.segments = null;
        this.compiled = compiled;
        this.whole = null;
        this.compiledWhole = null;
    }

    /** Compiles {@code raw}; with {@code variablesEnabled}, {@code ${...}} are policy variables. */
    public static ArnPattern compile(String raw, boolean variablesEnabled) {
        if (raw.indexOf('*') < 0 && raw.indexOf('?') < 0 && (!variablesEnabled || !raw.contains("${"))
                && raw.startsWith("arn:") && colons(raw) >= Arn.SEGMENTS - 1) {
            return new ArnPattern(raw);
        }
        if (!variablesEnabled || !raw.contains("${")) {
            // Without variables the segments are those of Arn.split, the request's own split.
            String[] parts = Arn.split(raw);
            if (parts != null) {
                Wildcard[] compiled = new Wildcard[parts.length];
                for (int i = 0; i < parts.length; i++) {
                    compiled[i] = Wildcard.compile(parts[i], false);
                }
                return new ArnPattern(raw, compiled);
            }
        }
        List<String> parts = splitOutsideVariables(raw, variablesEnabled);
        if (parts == null) {
            return new ArnPattern(raw, null, Template.parse(raw, variablesEnabled));
        }
        Template[] segments = new Template[Arn.SEGMENTS];
        for (int i = 0; i < segments.length; i++) {
            segments[i] = Template.parse(parts.get(i), variablesEnabled);
        }
        return new ArnPattern(raw, segments, null);
    }

    /** Whether {@code raw} has the six segments of an ARN (a lone {@code *} does not). */
    public static boolean isArnShaped(String raw) {
        if (raw.indexOf('$') < 0) {
            // Without a variable every colon counts: the split below succeeds exactly when there are five.
            return raw.startsWith("arn:") && colons(raw) >= Arn.SEGMENTS - 1;
        }
        return splitOutsideVariables(raw, true) != null;
    }

    private static int colons(String raw) {
        int n = 0;
        for (int i = raw.indexOf(':'); i >= 0; i = raw.indexOf(':', i + 1)) {
            n++;
        }
        return n;
    }

    /**
     * Splits at the first five colons, except those inside a policy variable ({@code ${aws:username}}), when
     * variables are enabled. Text that {@link Template} reads literally (no variables, or a malformed
     * {@code ${...}}) is split at every colon, exactly as {@link Arn#parse} splits the request's ARN, so that a
     * pattern equal to an ARN matches it.
     */
    private static List<String> splitOutsideVariables(String raw, boolean variablesEnabled) {
        if (!raw.startsWith("arn:")) {
            return null;
        }
        List<String> parts = new ArrayList<>(Arn.SEGMENTS);
        int start = 0;
        int i = 0;
        while (i < raw.length() && parts.size() < Arn.SEGMENTS - 1) {
            char c = raw.charAt(i);
            if (variablesEnabled && c == '$' && raw.startsWith("${", i)) {
                int close = raw.indexOf('}', i + 2);
                if (close >= 0 && Template.parse(raw.substring(i, close + 1), true).hasVariables()) {
                    i = close + 1;
                    continue;
                }
            } else if (c == ':') {
                parts.add(raw.substring(start, i));
                start = i + 1;
            }
            i++;
        }
        if (parts.size() < Arn.SEGMENTS - 1) {
            return null;
        }
        parts.add(raw.substring(start));
        return parts;
    }

    /** The pattern as written. */
    public String raw() {
        return raw;
    }

    /** True when the pattern uses policy variables and so is resolved per request. */
    public boolean hasVariables() {
        if (literal) {
            return false;
        }
        if (whole != null) {
            return whole.hasVariables();
        }
        if (segments == null) {
            return false;
        }
        for (Template t : segments) {
            if (t.hasVariables()) {
                return true;
            }
        }
        return false;
    }

    /** True for {@code *}. */
    public boolean matchesEverything() {
        return compiledWhole != null && compiledWhole.matchesEverything();
    }

    /**
     * Whether the resource matches. {@code arn} is the parsed form of {@code text}, or {@code null} when
     * {@code text} is not an ARN.
     */
    public boolean matches(String text, Arn arn, VariableSource variables) {
        if (literal) {
            return arn != null && equalsFields(arn);
        }
        if (compiled == null) {
            Wildcard w = compiledWhole != null ? compiledWhole : whole.resolvePattern(variables, false);
            return w != null && w.matches(text);
        }
        return arn != null && matchesSegments(arn, variables);
    }

    /**
     * Whether {@code arn} matches the way the ARN condition operators compare (IAM User Guide, "Amazon Resource
     * Name (ARN) condition operators"): each of the six colon-separated fields on its own, each field's
     * wildcards staying within it, the sixth being the rest of the ARN. A pattern of fewer than six fields, such
     * as {@code arn:aws:*} or a lone {@code *}, matches no ARN (unlike {@code *} in a Resource element).
     * {@code arn} is {@code null} when the request's value is not an ARN, which then matches nothing.
     */
    public boolean matchesFields(Arn arn, VariableSource variables) {
        if (arn == null) {
            return false;
        }
        if (literal) {
            return equalsFields(arn);
        }
        if (compiled != null) {
            return matchesSegments(arn, variables);
        }
        if (!whole.hasVariables()) {
            return false;
        }
        // A pattern that is a variable as a whole (${aws:PrincipalArn}) shows its fields only once filled in.
        String resolved = whole.resolveText(variables);
        return resolved != null && compile(resolved, false).matchesFields(arn, variables);
    }

    /** For a literal pattern: whether fields 1 to 5 (the first is {@code arn} in both) equal {@code arn}'s. */
    private boolean equalsFields(Arn arn) {
        int start = 4;
        for (int i = 1; i < Arn.SEGMENTS - 1; i++) {
            int colon = raw.indexOf(':', start);
            String field = arn.segment(i);
            if (colon - start != field.length() || !raw.startsWith(field, start)) {
                return false;
            }
            start = colon + 1;
        }
        String last = arn.segment(Arn.SEGMENTS - 1);
        return raw.length() - start == last.length() && raw.startsWith(last, start);
    }

    private boolean matchesSegments(Arn arn, VariableSource variables) {
        for (int i = Arn.SEGMENTS - 1; i >= 1; i--) {
            Wildcard w = compiled[i] != null ? compiled[i] : segments[i].resolvePattern(variables, false);
            if (w == null || !w.matches(arn.segment(i))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return raw;
    }
}
