package org.iamlab.lessons.grade;

import java.util.List;
import java.util.Map;

/** The summary's chart: one horizontal bar per exercise, the share of the class that solved it, as inline SVG. */
final class Chart {

    private static final int ROW = 22;
    private static final int LABEL = 300;
    private static final int BAR = 360;

    private Chart() {
    }

    static String bars(Map<String, List<Row>> byExercise) {
        int height = ROW * byExercise.size() + 10;
        StringBuilder svg = new StringBuilder("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"")
                .append(LABEL + BAR + 60).append("\" height=\"").append(height)
                .append("\" font-family=\"system-ui,sans-serif\" font-size=\"12\"><title>Share of the class that"
                        + " solved each exercise</title>");
        int y = 5;
        for (Map.Entry<String, List<Row>> e : byExercise.entrySet()) {
            long solved = e.getValue().stream().filter(r -> r.status() == Status.PASSED).count();
            int width = (int) Math.round(BAR * (double) solved / e.getValue().size());
            svg.append("<text x=\"").append(LABEL - 6).append("\" y=\"").append(y + 15)
                    .append("\" text-anchor=\"end\" fill=\"currentColor\">").append(Html.escape(e.getKey()))
                    .append("</text><rect x=\"").append(LABEL).append("\" y=\"").append(y + 3).append("\" width=\"")
                    .append(BAR).append("\" height=\"16\" fill=\"#d0d7de\"/><rect x=\"").append(LABEL)
                    .append("\" y=\"").append(y + 3).append("\" width=\"").append(width)
                    .append("\" height=\"16\" fill=\"#1a7f37\"/><text x=\"").append(LABEL + BAR + 6).append("\" y=\"")
                    .append(y + 15).append("\" fill=\"currentColor\">")
                    .append(percent(solved, e.getValue().size())).append("</text>");
            y += ROW;
        }
        return svg.append("</svg>").toString();
    }

    static String percent(long part, long whole) {
        return whole == 0 ? "0%" : Math.round(100.0 * part / whole) + "%";
    }
}
