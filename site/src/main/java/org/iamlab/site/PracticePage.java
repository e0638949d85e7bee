package org.iamlab.site;

import static org.iamlab.site.PageShell.escape;

/**
 * The exam-practice page: each question as a form of radio buttons; {@code site.js} checks the choice in the
 * browser, marks it right or wrong with the option's feedback, and shows the explanation.
 */
final class PracticePage {

    static final String FILE = "practice.html";
    static final String TITLE = "Exam practice";

    private PracticePage() {
    }

    static String adoc(QuestionBank bank) {
        StringBuilder out = new StringBuilder("= " + TITLE + "\n\n");
        if (bank.questions().isEmpty()) {
            return out.append("The question bank has no questions yet.\n").toString();
        }
        out.append("Questions in the style of the AWS Certified Solutions Architect and Security exams. Choose an "
                + "answer and check it: the page says whether it is right, why, and explains the question.\n\n");
        StringBuilder html = new StringBuilder();
        int n = 0;
        for (QuestionBank.Question q : bank.questions()) {
            n++;
            String id = "q" + n;
            html.append("<form class=\"question\" data-question=\"").append(escape(q.id())).append("\">\n")
                    .append("<fieldset>\n<legend><span class=\"number\">Question ").append(n).append("</span>");
            if (!q.topic().isBlank()) {
                html.append(" <span class=\"topic\">").append(escape(q.topic())).append("</span>");
            }
            html.append("<span class=\"stem\">").append(escape(q.stem())).append("</span></legend>\n");
            for (QuestionBank.Option o : q.options()) {
                String oid = id + "-" + escape(o.id());
                html.append("<div class=\"option\"><input type=\"radio\" name=\"").append(id).append("\" id=\"")
                        .append(oid).append("\" value=\"").append(escape(o.id())).append("\" data-correct=\"")
                        .append(o.correct()).append("\" data-feedback=\"").append(escape(o.feedback()))
                        .append("\"><label for=\"").append(oid).append("\">").append(escape(o.text()))
                        .append("</label></div>\n");
            }
            html.append("</fieldset>\n<button type=\"submit\">Check the answer</button>\n")
                    .append("<p class=\"verdict\" role=\"status\" aria-live=\"polite\"></p>\n")
                    .append("<div class=\"explanation\" hidden><strong>Explanation.</strong> ")
                    .append(escape(q.explanation())).append("</div>\n</form>\n");
        }
        return out.append(Blocks.passthrough(html.toString())).toString();
    }
}
