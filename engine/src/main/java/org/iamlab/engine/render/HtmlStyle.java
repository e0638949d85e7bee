package org.iamlab.engine.render;

/**
 * The HTML view's stylesheet. Every rule is scoped under {@code .iamlab-trace}, so a fragment can sit in any
 * page (a notebook, the course site) without touching it. Light colours by default; dark ones when the reader
 * prefers a dark scheme, or when JupyterLab or VS Code says its theme is dark, and light again when they say it
 * is light (their word beats the operating system's). Layout is fluid from 320 px up: grids fall back to one
 * column, long ARNs and JSON lines wrap instead of overflowing. Sizes are in {@code em} of the view's own 14 px
 * font, never in {@code rem}: Jupyter Notebook 6 sets the page's root font to 10 px, which would shrink a
 * {@code rem}-sized flow diagram (and its words) to two thirds of the text around it.
 */
final class HtmlStyle {

    private HtmlStyle() {
    }

    private static final String MONO = "ui-monospace,SFMono-Regular,Menlo,Consolas,\"DejaVu Sans Mono\","
            + "\"Liberation Mono\",monospace";
    private static final String SANS = "system-ui,-apple-system,\"Segoe UI\",Roboto,\"Helvetica Neue\","
            + "\"DejaVu Sans\",Arial,sans-serif";

    static final String CSS = css();

    private static String css() {
        String t = ".iamlab-trace";
        String light = Palette.LIGHT.cssVariables() + "color-scheme:light;";
        String dark = Palette.DARK.cssVariables() + "color-scheme:dark;";
        StringBuilder c = new StringBuilder(6000);
        c.append(t).append('{').append(light)
                .append("color:var(--iam-fg);background:var(--iam-bg);border:1px solid var(--iam-line);")
                .append("border-radius:8px;padding:clamp(6px,2.5vw,12px);margin:4px 0;box-sizing:border-box;max-width:100%;")
                .append("font:14px/1.45 ").append(SANS).append(";text-align:left;overflow-wrap:anywhere}");
        c.append("@media (prefers-color-scheme:dark){").append(t).append('{').append(dark).append("}}");
        c.append("[data-jp-theme-light=false] ").append(t).append(",body.vscode-dark ").append(t)
                .append(",body.vscode-high-contrast ").append(t).append('{').append(dark).append('}');
        c.append("[data-jp-theme-light=true] ").append(t).append(",body.vscode-light ").append(t)
                .append('{').append(light).append('}');
        rule(c, t + " *", "box-sizing:border-box");
        rule(c, t + " h3", "font-size:1.05em;margin:1em 0 .4em;font-weight:700");
        rule(c, t + " h4", "font-size:1em;margin:0 0 .3em;font-weight:700");
        rule(c, t + " p", "margin:.25em 0");
        rule(c, t + " code", "font-family:" + MONO + ";font-size:.92em");
        rule(c, t + " .ok", "color:var(--iam-ok);background:var(--iam-ok-bg);border-color:var(--iam-ok-line)");
        rule(c, t + " .deny", "color:var(--iam-deny);background:var(--iam-deny-bg);border-color:var(--iam-deny-line)");
        rule(c, t + " .miss", "color:var(--iam-miss);background:var(--iam-miss-bg);border-color:var(--iam-miss-line)");
        rule(c, t + " .skip", "color:var(--iam-muted);background:var(--iam-bg);border-color:var(--iam-line)");
        rule(c, t + " .iam-head", "display:flex;gap:.7em;align-items:center;padding:.6em .8em;border:2px solid;"
                + "border-radius:6px");
        rule(c, t + " .iam-head svg", "flex:none;width:2.2em;height:2.2em");
        rule(c, t + " .iam-decision", "font-size:1.4em;font-weight:700;margin:0;line-height:1.2");
        rule(c, t + " .iam-reason", "margin:.15em 0 0;color:var(--iam-fg)");
        rule(c, t + " .iam-warnings", "margin:.5em 0;padding:.3em .8em;border:1px dashed var(--iam-miss-line);"
                + "border-radius:6px;color:var(--iam-fg)");
        rule(c, t + " .iam-warnings p,.iamlab-trace .iam-warnings ul", "margin:.2em 0");
        rule(c, t + " .iam-top", "display:grid;gap:4px 16px;grid-template-columns:repeat(auto-fit,"
                + "minmax(min(100%,22em),1fr));align-items:start");
        rule(c, t + " .iam-top>*,.iamlab-trace .iam-cols>*", "min-width:0");
        rule(c, t + " .iam-flow svg", "display:block;width:100%;max-width:"
                + FlowDiagram.widestEm() + "em;height:auto");
        rule(c, t + " .iam-flow text", "fill:var(--iam-fg);font-family:" + SANS);
        rule(c, t + " .iam-flow .t", "font-weight:700");
        rule(c, t + " .iam-flow rect", "stroke-width:1.5");
        rule(c, t + " .iam-flow .n-ok rect", "fill:var(--iam-ok-bg);stroke:var(--iam-ok-line)");
        rule(c, t + " .iam-flow .n-ok .v", "fill:var(--iam-ok)");
        rule(c, t + " .iam-flow .n-deny rect", "fill:var(--iam-deny-bg);stroke:var(--iam-deny-line)");
        rule(c, t + " .iam-flow .n-deny .v", "fill:var(--iam-deny)");
        rule(c, t + " .iam-flow .n-miss rect", "fill:var(--iam-miss-bg);stroke:var(--iam-miss-line)");
        rule(c, t + " .iam-flow .n-miss .v", "fill:var(--iam-miss)");
        rule(c, t + " .iam-flow .n-skip rect", "fill:var(--iam-bg);stroke:var(--iam-line);stroke-dasharray:5 4");
        rule(c, t + " .iam-flow .n-skip text", "fill:var(--iam-muted)");
        rule(c, t + " .iam-flow .n-end rect", "stroke-width:3");
        rule(c, t + " .iam-flow .on", "stroke:var(--iam-fg);stroke-width:3;fill:none");
        rule(c, t + " .iam-flow .on-head", "fill:var(--iam-fg)");
        rule(c, t + " .iam-flow .off", "stroke:var(--iam-line);stroke-width:1.5;stroke-dasharray:3 4;fill:none");
        rule(c, t + " .iam-req", "display:grid;grid-template-columns:auto minmax(0,1fr);gap:.1em .8em;margin:.6em 0");
        // Jupyter's own styles give dt and dd widths and floats; reset them, or labels wrap a letter a line.
        rule(c, t + " .iam-req dt", "color:var(--iam-muted);font-weight:600;float:none;width:auto;margin:0;"
                + "padding:0;white-space:nowrap");
        rule(c, t + " .iam-req dd", "margin:0;min-width:0;float:none;width:auto;padding:0");
        rule(c, t + " .iam-muted", "color:var(--iam-muted)");
        rule(c, t + " .iam-badge", "display:inline-block;border:1px solid;border-radius:1em;padding:0 .55em;"
                + "font-size:.88em;font-weight:600;white-space:nowrap");
        rule(c, t + " .iam-cols", "display:grid;gap:12px;grid-template-columns:repeat(auto-fit,"
                + "minmax(min(100%,24em),1fr));align-items:start");
        rule(c, t + " .iam-side", "border:1px solid var(--iam-line);border-radius:6px;padding:.5em .6em");
        rule(c, t + " .iam-side.deny,.iamlab-trace .iam-side.miss", "border-width:2px");
        rule(c, t + " .iam-side>p,.iamlab-trace .iam-side>h4", "color:var(--iam-fg)");
        rule(c, t + " .iam-policy", "border:1px solid var(--iam-line);border-radius:6px;margin:.5em 0;"
                + "background:var(--iam-bg);color:var(--iam-fg)");
        rule(c, t + " .iam-policy>summary", "cursor:pointer;padding:.35em .6em;display:list-item");
        rule(c, t + " .iam-kind", "color:var(--iam-muted)");
        rule(c, t + " .iam-json", "background:var(--iam-code);border-top:1px solid var(--iam-line);padding:.35em 0;"
                + "font-family:" + MONO + ";font-size:.84em;line-height:1.5;border-radius:0 0 6px 6px");
        rule(c, t + " .iam-json .ln", "display:flex;flex-wrap:wrap;align-items:baseline;gap:0 .6em;"
                + "padding:0 .5em 0 .4em;border-left:4px solid transparent");
        rule(c, t + " .iam-json .ln>code", "flex:1 1 15em;min-width:0;white-space:pre-wrap;font:inherit");
        for (int d = 1; d <= 7; d++) {
            rule(c, t + " .iam-json .d" + d + ">code", "padding-left:" + (d * 1.5) + "ch");
            rule(c, t + " .iam-json .note.d" + d, "padding-left:calc(.4em + " + (d * 1.5 + 1) + "ch)");
        }
        rule(c, t + " .iam-json .mk", "flex:0 1 auto;min-width:0;margin-left:auto;font-family:" + SANS + ";font-size:.95em;"
                + "font-weight:600");
        rule(c, t + " .iam-json .ln.yes", "border-left-color:var(--iam-ok-line)");
        rule(c, t + " .iam-json .yes .mk,.iamlab-trace .iam-json .note.yes", "color:var(--iam-ok)");
        rule(c, t + " .iam-json .ln.no", "border-left-color:var(--iam-miss-line)");
        rule(c, t + " .iam-json .no .mk,.iamlab-trace .iam-json .note.no", "color:var(--iam-miss)");
        rule(c, t + " .iam-json .ln.den", "border-left-color:var(--iam-deny-line)");
        rule(c, t + " .iam-json .den .mk", "color:var(--iam-deny)");
        rule(c, t + " .iam-json .na .mk,.iamlab-trace .iam-json .note.na", "color:var(--iam-muted);font-weight:400");
        rule(c, t + " .iam-json .note", "font-family:" + SANS + ";font-size:.95em;padding:0 .5em .15em;"
                + "border-left:4px solid transparent");
        rule(c, t + " .iam-advice ol", "padding-left:1.4em;margin:.3em 0");
        rule(c, t + " .iam-advice li", "margin:.45em 0");
        rule(c, t + " .iam-advice pre", "background:var(--iam-code);border:1px solid var(--iam-line);"
                + "border-radius:4px;padding:.3em .5em;margin:.3em 0;white-space:pre-wrap;overflow-wrap:anywhere;"
                + "font-family:" + MONO + ";font-size:.84em");
        rule(c, t + " .iam-error", "color:var(--iam-deny);background:var(--iam-deny-bg);border:2px solid "
                + "var(--iam-deny-line);border-radius:6px;padding:.5em .7em");
        return c.toString();
    }

    private static void rule(StringBuilder css, String selector, String body) {
        css.append(selector).append('{').append(body).append('}');
    }
}
