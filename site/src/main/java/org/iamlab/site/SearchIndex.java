package org.iamlab.site;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * The prebuilt search index: one entry per section of every page (its link, the page's title, the section's
 * title and words), written as a script ({@code window.IAMLAB_SEARCH = [...]}) rather than JSON, because a page
 * opened from {@code file://} may load scripts but not fetch files. {@code site.js} searches it.
 */
final class SearchIndex {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final ArrayNode entries = JSON.createArrayNode();

    void add(String page, String pageTitle, List<LessonAsciiDoc.Section> sections) {
        for (LessonAsciiDoc.Section s : sections) {
            ObjectNode e = entries.addObject();
            e.put("u", s.anchor().isEmpty() ? page : page + "#" + s.anchor());
            e.put("p", pageTitle);
            e.put("t", s.title());
            e.put("x", s.text().replaceAll("\\s+", " "));
        }
    }

    String script() {
        try {
            return "window.IAMLAB_SEARCH = " + JSON.writeValueAsString(entries) + ";\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
