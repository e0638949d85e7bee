package org.iamlab.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Markdown cells written as AsciiDoc that shows what the author wrote; solutions split into stubs. */
class MarkdownToAsciiDocTests {

    private static String convert(String markdown) {
        return MarkdownToAsciiDoc.convert(markdown, LessonAsciiDoc::slug);
    }

    @Test
    void textThatAsciiDocWouldReadAsMarkupIsPassedThroughWithOnlyItsSpecialCharactersEscaped() {
        assertEquals("pass:c[a*b_c {attr} x -> y [1\\]]\n\n", convert("a\\*b\\_c {attr} x -> y [1]"));
        assertEquals("plain words stay plain\n\n", convert("plain words stay plain"));
        assertEquals("a{vbar}b\n\n", convert("a|b"));
    }

    @Test
    void aParagraphThatWouldStartABlockIsKeptAParagraph() {
        assertEquals("{empty}.hidden files\n\n", convert(".hidden files"));
        assertEquals("{empty}NOTE: not an admonition\n\n", convert("NOTE: not an admonition"));
    }

    @Test
    void inlineMarkupHeadingsListsAndCodeBecomeTheirAsciiDocForms() {
        String adoc = convert("## Two *words*\n\n- **bold** and `s3:Get*`\n- `a+b`\n\n```json\n{\"a\": 1}\n```\n");
        assertTrue(adoc.startsWith("[#two-words]\n== Two __words__\n\n"), adoc);
        assertTrue(adoc.contains("* **bold** and ``+s3:Get*+``\n"), adoc);
        assertTrue(adoc.contains("* ``pass:c[a+b]``\n"), adoc);
        assertTrue(adoc.contains("[source,json]\n----\n{\"a\": 1}\n----\n"), adoc);
    }

    @Test
    void linksToOtherLessonsPointToTheirPagesAndKeepTheirLabels() {
        assertEquals("See link:++02-x.html#part++[the next lesson].\n\n",
                convert("See [the next lesson](02-x.ipynb#part)."));
        assertEquals("link:++https://docs.aws.amazon.com/++[AWS]\n\n", convert("[AWS](https://docs.aws.amazon.com/)"));
    }

    @Test
    void blockContentThatLooksLikeItsDelimiterGetsALongerDelimiter() {
        assertEquals("-----\na\n----\nb\n-----\n\n", Blocks.source("java", "a\n----\nb").substring(
                "[source,java]\n".length()));
    }
}
