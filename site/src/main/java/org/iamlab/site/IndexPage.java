package org.iamlab.site;

import java.util.List;

/** The course's first page: what it teaches, then the outline, each lesson with its objectives. */
final class IndexPage {

    private IndexPage() {
    }

    static String adoc(List<Lesson> lessons, Edition edition) {
        StringBuilder out = new StringBuilder("= IAM Lab: who can do what in AWS\n\n");
        out.append("A course on AWS Identity and Access Management. Each lesson builds a small AWS world, asks the "
                + "IAM policy evaluator about requests, and shows how each decision came about, step by step, as "
                + "AWS takes them. The pages below were produced by running the lessons.\n\n");
        if (edition == Edition.INSTRUCTOR) {
            out.append("NOTE: This is the instructor edition: the solutions are on the pages, folded.\n\n");
        }
        out.append("[#outline]\n== The lessons\n\n");
        int n = 0;
        for (Lesson l : lessons) {
            n++;
            out.append("[.lesson]\n=== ").append(n).append(". link:++").append(l.page()).append("++[")
                    .append(MarkdownToAsciiDoc.escape(l.title()).replace("]", "\\]")).append("]\n\n");
            if (!l.objectives().isEmpty()) {
                out.append("[.objectives]\n");
                l.objectives().forEach(o -> out.append("* ").append(MarkdownToAsciiDoc.escape(o)).append('\n'));
                out.append('\n');
            }
        }
        out.append("[#reference]\n== Reference and practice\n\n")
                .append("* link:++").append(DecidesPage.FILE).append("++[How AWS decides]: the evaluation flow on ")
                .append("one page\n")
                .append("* link:++").append(PracticePage.FILE).append("++[Exam practice]: questions checked in ")
                .append("your browser\n");
        return out.toString();
    }
}
