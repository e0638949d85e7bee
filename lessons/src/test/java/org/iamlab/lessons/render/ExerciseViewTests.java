package org.iamlab.lessons.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.iamlab.lessons.format.Catalog;
import org.iamlab.lessons.model.Exercise;
import org.junit.jupiter.api.Test;

/** The exercise card: its prompt's Markdown rendered in HTML, kept as written in the text view. */
class ExerciseViewTests {

    private static final Exercise PARTNER = Catalog.course().get("resource-partner-reads-logs");

    @Test
    void thePromptsCodeSpansAreCodeInTheCardAndBackticksInTheText() {
        assertTrue(PARTNER.header().prompt().contains("`my-company-logs`"), "the prompt this test reads");
        String html = ExerciseView.html(PARTNER);
        assertTrue(html.contains("<code>my-company-logs</code>"), html);
        assertFalse(html.contains("`"), "no Markdown left raw in the card: " + html);
        assertTrue(ExerciseView.text(PARTNER).contains("`my-company-logs`"));
    }

    @Test
    void markupInATextIsEscapedNotRendered() {
        assertEquals("a &lt;script&gt; and <code>x</code>", MarkdownHtml.inline("a <script> and `x`"));
        assertEquals("<p>one</p>\n<p>two</p>", MarkdownHtml.inline("one\n\ntwo").strip(),
                "two paragraphs stay paragraphs");
    }
}
