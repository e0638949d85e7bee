package org.iamlab.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

/** The site's source highlighting: tokens as Rouge's classes, the text kept exactly, HTML escaped. */
class SourceHighlighterTests {

    @Test
    void anIamCellIsHighlightedAsGroovyWithItsStringsKeywordsAndComments() {
        String source = "account('111122223333') {\n    def x = true // why\n    user(\"alice\") { groups 'Devs', 3 }\n}";
        String html = SourceHighlighter.html("groovy", source);
        assertTrue(html.contains("<span class=\"s1\">&#39;111122223333&#39;</span>"), html);
        assertTrue(html.contains("<span class=\"k\">def</span>"), html);
        assertTrue(html.contains("<span class=\"kc\">true</span>"), html);
        assertTrue(html.contains("<span class=\"c1\">// why</span>"), html);
        assertTrue(html.contains("<span class=\"s2\">&quot;alice&quot;</span>"), html);
        assertTrue(html.contains("<span class=\"m\">3</span>"), html);
        assertEquals(source, textOf(html), "the text is kept exactly");
    }

    @Test
    void aCommentThatSpansLinesIsACommentOnEveryLine() {
        String html = SourceHighlighter.html("java", "int a = 1; /* one\ntwo */ int b;");
        assertTrue(html.contains("<span class=\"cm\">/* one</span>\n<span class=\"cm\">two */</span>"), html);
        assertTrue(html.contains("<span class=\"kt\">int</span> b;"), html);
    }

    @Test
    void jsonKeysValuesAndShellCommandsHaveTheirClasses() {
        String json = SourceHighlighter.html("json", "{\"Effect\": \"Allow\", \"n\": [1, null]}");
        assertTrue(json.contains("<span class=\"nv\">&quot;Effect&quot;</span>"), json);
        assertTrue(json.contains("<span class=\"s2\">&quot;Allow&quot;</span>"), json);
        String shell = SourceHighlighter.html("shell", "echo \"$HOME\" # home");
        assertTrue(shell.contains("<span class=\"nb\">echo</span>"), shell);
        assertTrue(shell.contains("<span class=\"c1\"># home</span>"), shell);
    }

    @Test
    void markupInTheSourceIsEscapedWhateverTheLanguage() {
        String source = "List<String> a = b && c > d; // <script>";
        assertEquals(source, textOf(SourceHighlighter.html("java", source)));
        assertTrue(!SourceHighlighter.html("java", source).contains("<script>"));
        assertEquals("x &lt;b&gt; &amp; y", SourceHighlighter.html("text", "x <b> & y"), "unknown language");
        assertEquals("a &lt; b", SourceHighlighter.html(null, "a < b"), "no language");
    }

    /** The text the browser shows for {@code html}, newlines included. */
    private static String textOf(String html) {
        return Jsoup.parse("<pre>" + html + "</pre>").selectFirst("pre").wholeText();
    }
}
