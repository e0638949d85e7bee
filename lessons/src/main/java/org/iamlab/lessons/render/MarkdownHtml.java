package org.iamlab.lessons.render;

import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * The Markdown of exercise and bank texts (prompts, options, explanations: `code` spans, *emphasis*, lists) as
 * HTML, for the exercise card in Jupyter and the course site's practice page. Raw HTML in the text is escaped and
 * link targets sanitised: the texts are data, not markup.
 */
public final class MarkdownHtml {

    private static final Parser MARKDOWN = Parser.builder().build();
    private static final HtmlRenderer HTML = HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true).build();

    private MarkdownHtml() {
    }

    /** {@code text} as HTML blocks (paragraphs, lists). */
    public static String block(String text) {
        return HTML.render(MARKDOWN.parse(text));
    }

    /** A one-paragraph {@code text} as HTML without its paragraph, to sit inside a label or a list item. */
    public static String inline(String text) {
        String html = block(text).strip();
        return html.startsWith("<p>") && html.endsWith("</p>") && html.indexOf("<p>", 1) < 0
                ? html.substring(3, html.length() - 4) : html;
    }
}
