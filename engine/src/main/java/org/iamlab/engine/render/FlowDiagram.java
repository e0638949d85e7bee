package org.iamlab.engine.render;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.iamlab.engine.trace.Decision;
import org.iamlab.engine.trace.StepResult;
import org.iamlab.engine.trace.Trace;
import org.iamlab.engine.trace.Verdict;

/**
 * The evaluation flow as an inline SVG: one box per step in AWS's order, then the decision. The path the
 * request took is drawn with thick arrows (a jump on the right when the decision was made before the last
 * step); steps that did not apply are dashed and grey with their reason, steps never reached say so. Each box
 * carries its verdict in words and a symbol, so the colours only repeat what the text says. The drawing is
 * narrow (290 units wide) so that it keeps a legible size on 320-pixel screens; text is wrapped here, since SVG does not.
 */
final class FlowDiagram {

    private static final int WIDTH = 290;
    private static final int NODE_X = 6;
    private static final int NODE_W = 262;
    private static final int TEXT_X = NODE_X + 10;
    private static final int CHARS_PER_LINE = 33;
    private static final int TITLE_HEIGHT = 19;
    private static final int LINE_HEIGHT = 16;
    private static final int PAD = 8;
    private static final int GAP = 18;
    private static final int ARROW_X = NODE_X + 24;
    private static final int BYPASS_X = NODE_X + NODE_W + 12;
    /** The font sizes of a step's title and of its explanation, in drawing units. */
    private static final String TITLE_SIZE = "13.5";
    private static final String LINE_SIZE = "12.5";

    private FlowDiagram() {
    }

    /**
     * The widest the drawing is shown, in {@code em} of the text around it: at that width a step's title is
     * exactly as large as that text. In a narrower column the drawing shrinks with it.
     */
    static String widestEm() {
        return String.format(Locale.ROOT, "%.2f", WIDTH / Double.parseDouble(TITLE_SIZE));
    }

    private record Node(String css, String title, List<String> lines, int y, int height) {
        int bottom() {
            return y + height;
        }

        int middle() {
            return y + height / 2;
        }
    }

    static void render(Trace trace, StringBuilder out) {
        List<Node> nodes = new ArrayList<>(8);
        int y = 4;
        int n = 1;
        int lastOnPath = -1;
        for (StepResult s : trace.steps()) {
            if (s.verdict() != Verdict.NOT_REACHED) {
                lastOnPath = n - 1;
            }
            // Every step after the decision has the same explanation; the verdict says it all.
            String text = symbol(s.verdict()) + " " + words(s.verdict())
                    + (s.verdict() == Verdict.NOT_REACHED ? "" : " \u2014 " + s.explanation());
            Node node = node(css(s.verdict()), n++ + ". " + s.step().title(), text, y);
            nodes.add(node);
            y = node.bottom() + GAP;
        }
        Decision d = trace.decision();
        Node end = node(decisionCss(d) + " n-end", HtmlTraceView.symbol(d) + " Decision: " + d.label(),
                TraceWords.reason(trace), y);
        nodes.add(end);
        int height = end.bottom() + 4;

        out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").append(WIDTH).append(' ')
                .append(height).append("\" role=\"img\" aria-label=\"");
        Html.esc(out, label(trace)).append("\"><title>");
        Html.esc(out, label(trace)).append("</title>");
        for (int i = 0; i + 1 < nodes.size(); i++) {
            Node from = nodes.get(i);
            Node to = nodes.get(i + 1);
            boolean on = i + 1 <= lastOnPath || (i + 1 == nodes.size() - 1 && lastOnPath == nodes.size() - 2);
            line(out, on, ARROW_X, from.bottom(), ARROW_X, to.y());
            if (on) {
                arrowDown(out, ARROW_X, to.y());
            }
        }
        if (lastOnPath >= 0 && lastOnPath < nodes.size() - 2) {
            Node from = nodes.get(lastOnPath);
            int right = NODE_X + NODE_W;
            out.append("<path class=\"on\" d=\"M").append(right).append(' ').append(from.middle()).append(" H")
                    .append(BYPASS_X).append(" V").append(end.middle()).append(" H").append(right + 7)
                    .append("\"/>");
            out.append("<path class=\"on-head\" d=\"M").append(right).append(' ').append(end.middle()).append(" l8 -5 v10 z\"/>");
        }
        for (Node node : nodes) {
            out.append("<g class=\"").append(node.css()).append("\"><rect x=\"").append(NODE_X).append("\" y=\"")
                    .append(node.y()).append("\" width=\"").append(NODE_W).append("\" height=\"").append(node.height())
                    .append("\" rx=\"6\"/>");
            int ty = node.y() + PAD + 13;
            out.append("<text x=\"").append(TEXT_X).append("\" y=\"").append(ty).append("\" class=\"t\" font-size=\"")
                    .append(TITLE_SIZE).append("\">");
            Html.esc(out, node.title()).append("</text>");
            ty += TITLE_HEIGHT;
            out.append("<text x=\"").append(TEXT_X).append("\" y=\"").append(ty).append("\" class=\"v\" font-size=\"")
                    .append(LINE_SIZE).append("\">");
            for (int i = 0; i < node.lines().size(); i++) {
                out.append("<tspan x=\"").append(TEXT_X).append('"');
                if (i > 0) {
                    out.append(" dy=\"").append(LINE_HEIGHT).append('"');
                }
                out.append('>');
                Html.esc(out, node.lines().get(i)).append("</tspan>");
            }
            out.append("</text></g>");
        }
        out.append("</svg>");
    }

    private static Node node(String css, String title, String text, int y) {
        List<String> lines = Html.wrap(text, CHARS_PER_LINE);
        int height = PAD + TITLE_HEIGHT + lines.size() * LINE_HEIGHT + PAD - 2;
        return new Node(css, title, lines, y, height);
    }

    private static void line(StringBuilder out, boolean on, int x1, int y1, int x2, int y2) {
        out.append("<path class=\"").append(on ? "on" : "off").append("\" d=\"M").append(x1).append(' ').append(y1)
                .append(" L").append(x2).append(' ').append(on ? y2 - 6 : y2).append("\"/>");
    }

    private static void arrowDown(StringBuilder out, int x, int tipY) {
        out.append("<path class=\"on-head\" d=\"M").append(x).append(' ').append(tipY).append(" l-5 -8 h10 z\"/>");
    }

    /** The flow in one sentence, for screen readers. */
    private static String label(Trace trace) {
        StringBuilder out = new StringBuilder("Evaluation flow: ");
        int n = 1;
        for (StepResult s : trace.steps()) {
            out.append(n++).append(". ").append(s.step().title()).append(": ").append(words(s.verdict())).append("; ");
        }
        return out.append("decision: ").append(trace.decision().label()).toString();
    }

    static String css(Verdict v) {
        return switch (v) {
            case DENY -> "n-deny";
            case ALLOW, PASS -> "n-ok";
            case NO_ALLOW -> "n-miss";
            case NOT_APPLICABLE, NOT_REACHED -> "n-skip";
        };
    }

    private static String decisionCss(Decision d) {
        return switch (d) {
            case ALLOWED -> "n-ok";
            case EXPLICITLY_DENIED -> "n-deny";
            case IMPLICITLY_DENIED -> "n-miss";
        };
    }

    /** A verdict's symbol: check, cross, slashed circle or dash. */
    static String symbol(Verdict v) {
        return switch (v) {
            case ALLOW, PASS -> "\u2713";
            case DENY -> "\u2715";
            case NO_ALLOW -> "\u2298";
            case NOT_APPLICABLE, NOT_REACHED -> "\u2013";
        };
    }

    /** A verdict in the diagram's words. */
    static String words(Verdict v) {
        return switch (v) {
            case DENY -> "deny";
            case ALLOW -> "allow";
            case PASS -> "pass";
            case NO_ALLOW -> "no allow";
            case NOT_APPLICABLE -> "skipped";
            case NOT_REACHED -> "not reached";
        };
    }
}
