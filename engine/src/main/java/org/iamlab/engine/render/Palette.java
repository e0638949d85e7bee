package org.iamlab.engine.render;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The HTML view's colours, one palette for light themes and one for dark. Each text colour is chosen to reach
 * WCAG AA contrast (4.5:1) on the backgrounds it is drawn on; {@code PaletteTests} checks every pair.
 * Colour is never the only signal: every coloured thing also carries a word and an icon.
 */
record Palette(String name, Map<String, String> colours) {

    /** Text and surfaces. */
    static final String FG = "fg";
    static final String BG = "bg";
    static final String MUTED = "muted";
    static final String LINE = "line";
    static final String CODE = "code";
    /** Allowed / holds: text, tinted background, border. */
    static final String OK = "ok";
    static final String OK_BG = "ok-bg";
    static final String OK_LINE = "ok-line";
    /** Explicitly denied / a matching Deny. */
    static final String DENY = "deny";
    static final String DENY_BG = "deny-bg";
    static final String DENY_LINE = "deny-line";
    /** Implicitly denied / no allow / no match. */
    static final String MISS = "miss";
    static final String MISS_BG = "miss-bg";
    static final String MISS_LINE = "miss-line";

    static final Palette LIGHT = new Palette("light", colours(
            FG, "#1f2328", BG, "#ffffff", MUTED, "#57606a", LINE, "#d0d7de", CODE, "#f6f8fa",
            OK, "#116329", OK_BG, "#dafbe1", OK_LINE, "#1a7f37",
            DENY, "#a40e26", DENY_BG, "#ffebe9", DENY_LINE, "#cf222e",
            MISS, "#7a4900", MISS_BG, "#fff8c5", MISS_LINE, "#9a6700"));

    static final Palette DARK = new Palette("dark", colours(
            FG, "#e6edf3", BG, "#0d1117", MUTED, "#9da7b3", LINE, "#3d444d", CODE, "#161b22",
            OK, "#7ee787", OK_BG, "#0f2e1a", OK_LINE, "#3fb950",
            DENY, "#ffa198", DENY_BG, "#3d1117", DENY_LINE, "#f85149",
            MISS, "#e3b341", MISS_BG, "#2e2206", MISS_LINE, "#d29922"));

    private static Map<String, String> colours(String... pairs) {
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            out.put(pairs[i], pairs[i + 1]);
        }
        return Map.copyOf(out);
    }

    String get(String role) {
        return colours.get(role);
    }

    /** The palette as CSS custom properties, {@code --iam-fg:#1f2328;...}, in a fixed order. */
    String cssVariables() {
        StringBuilder out = new StringBuilder();
        for (String role : new String[] {FG, BG, MUTED, LINE, CODE, OK, OK_BG, OK_LINE, DENY, DENY_BG, DENY_LINE,
                MISS, MISS_BG, MISS_LINE}) {
            out.append("--iam-").append(role).append(':').append(colours.get(role)).append(';');
        }
        return out.toString();
    }
}
