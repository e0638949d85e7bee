package org.iamlab.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.jruby.Ruby;
import org.junit.jupiter.api.Test;

/** AsciidoctorJ's bundled gems on JRuby's load path, so that the site's renderer starts without RubyGems. */
class BundledGemsTests {

    private static final ClassLoader LOADER = BundledGemsTests.class.getClassLoader();

    @Test
    void asciidoctorAndRougeAreFoundInTheJarThatBundlesThem() {
        List<String> paths = BundledGems.loadPaths(LOADER, "asciidoctor", "rouge").orElseThrow();
        assertEquals(2, paths.size(), paths.toString());
        assertTrue(paths.get(0).matches("uri:classloader:/gems/asciidoctor-\\d[^/]*/lib"), paths.toString());
        assertTrue(paths.get(1).matches("uri:classloader:/gems/rouge-\\d[^/]*/lib"), paths.toString());
        for (String path : paths) {
            String gem = path.replaceAll(".*/gems/([a-z]+)-.*", "$1");
            String main = path.substring("uri:classloader:/".length()) + "/" + gem + ".rb";
            assertTrue(LOADER.getResource(main) != null, main);
        }
    }

    @Test
    void aGemTheJarDoesNotBundleLeavesTheSearchToRubyGems() {
        assertEquals(Optional.empty(), BundledGems.loadPaths(LOADER, "asciidoctor", "no-such-gem"));
        assertEquals(Optional.empty(), BundledGems.loadPaths(LOADER, "asciidoctor-pdf"),
                "a gem name that only starts like a bundled one's is not that one");
    }

    @Test
    void theRendererStartsJRubyWithoutRubyGemsAndStillHighlightsSource() {
        try (AsciiDocRenderer renderer = AsciiDocRenderer.startHere()) {
            String html = renderer.render("[source,json]\n----\n{\"a\": true}\n----\n");
            assertTrue(html.contains("<span class=\"kc\">true</span>"), html);
            assertFalse(Ruby.getGlobalRuntime().getObject().hasConstant("Gem"), "RubyGems was loaded");
        }
    }
}
