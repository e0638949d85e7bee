package org.iamlab.site;

import static org.iamlab.site.PageShell.escape;

import org.iamlab.lessons.render.MarkdownHtml;

/**
 * The exam-practice page: each question as a form of radio buttons (check boxes when several options are right);
 * {@code site.js} checks the choice in the browser, marks each chosen option right or wrong with its feedback,
 * and shows the explanation. Stems, options and explanations are Markdown, rendered with raw HTML escaped.
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
        out.append("Questions in the style of the AWS Certified Solutions Architect and Security exams, "
                + bank.questions().size() + " of them. Every key was computed by IAM Lab's evaluator: a right "
                + "option is one whose changed world meets every requirement, and a wrong option's feedback names "
                + "the request that proves it wrong. Choose an answer and check it.\n\n");
        StringBuilder html = new StringBuilder();
        int n = 0;
        for (QuestionBank.Question q : bank.questions()) {
            n++;
            String id = "q" + n;
            String type = q.multi() ? "checkbox" : "radio";
            html.append("<form class=\"question\" id=\"").append(escape(q.id())).append("\" data-question=\"")
                    .append(escape(q.id())).append("\">\n<fieldset>\n<legend><span class=\"number\">Question ")
                    .append(n).append("</span>");
            if (!q.topic().isBlank()) {
                html.append(" <span class=\"topic\">").append(escape(q.topic())).append("</span>");
            }
            html.append("</legend>\n<div class=\"stem\">").append(MarkdownHtml.block(q.stem())).append("</div>\n");
            if (q.multi()) {
                html.append("<p class=\"multi\">Choose every right answer.</p>\n");
            }
            for (QuestionBank.Option o : q.options()) {
                String oid = id + "-" + escape(o.id());
                html.append("<div class=\"option\"><input type=\"").append(type).append("\" name=\"").append(id)
                        .append("\" id=\"").append(oid).append("\" value=\"").append(escape(o.id()))
                        .append("\" data-correct=\"").append(o.correct()).append("\" data-feedback=\"")
                        .append(escape(o.feedback())).append("\"><label for=\"").append(oid).append("\"><span "
                                + "class=\"letter\">").append(escape(o.id())).append(".</span> ")
                        .append(MarkdownHtml.inline(o.text())).append("</label></div>\n");
            }
            html.append("</fieldset>\n<button type=\"submit\">Check the answer</button>\n")
                    .append("<div class=\"verdict\" role=\"status\" aria-live=\"polite\"></div>\n");
            if (!q.explanation().isBlank()) {
                html.append("<div class=\"explanation\" hidden><strong>Explanation.</strong> ")
                        .append(MarkdownHtml.block(q.explanation())).append("</div>\n");
            }
            html.append("</form>\n");
        }
        return out.append(Blocks.passthrough(html.toString())).toString();
    }

}
