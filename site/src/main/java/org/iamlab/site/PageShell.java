package org.iamlab.site;

import java.util.List;

/**
 * The frame of every page: a skip link, the top bar (course name, search, theme switch, and on a phone the menu
 * button), the lesson list with the current page marked, the page's body, and previous/next links. Everything it
 * links is a file of the site (relative links, so the site works from {@code file://} and from any folder of a
 * static host).
 */
final class PageShell {

    /** A link of the navigation: its page and its title. */
    record Link(String page, String title) {
    }

    private final String course;
    private final List<Link> lessons;
    private final List<Link> extras;

    PageShell(String course, List<Link> lessons, List<Link> extras) {
        this.course = course;
        this.lessons = List.copyOf(lessons);
        this.extras = List.copyOf(extras);
    }

    String page(String file, String title, String body, Link previous, Link next) {
        StringBuilder out = new StringBuilder(body.length() + 4096);
        out.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(escape(title)).append(file.equals("index.html") ? "" : " \u2013 "
                        + escape(course)).append("</title>\n")
                .append("<link rel=\"icon\" href=\"assets/icon.svg\" type=\"image/svg+xml\">\n")
                .append("<link rel=\"stylesheet\" href=\"assets/site.css\">\n")
                .append("<script src=\"assets/theme.js\"></script>\n</head>\n<body>\n")
                .append("<a class=\"skip\" href=\"#main\">Skip to the content</a>\n")
                .append("<header class=\"top\">\n")
                .append("<button type=\"button\" class=\"menu\" aria-controls=\"nav\" aria-expanded=\"false\">")
                .append("<span aria-hidden=\"true\">\u2630</span> Lessons</button>\n")
                .append("<a class=\"brand\" href=\"index.html\">").append(escape(course)).append("</a>\n")
                .append("<div class=\"search\" role=\"search\"><label for=\"search\" class=\"sr\">Search the course")
                .append("</label><input id=\"search\" type=\"search\" placeholder=\"Search the course\" ")
                .append("autocomplete=\"off\" aria-describedby=\"search-help\">")
                .append("<span id=\"search-help\" class=\"sr\">Results appear below as you type.</span></div>\n")
                .append("<button type=\"button\" class=\"theme\" aria-pressed=\"false\">Dark theme</button>\n")
                .append("</header>\n")
                .append("<div id=\"search-results\" class=\"search-results\" role=\"region\" aria-live=\"polite\" ")
                .append("aria-label=\"Search results\" hidden></div>\n")
                .append("<div class=\"layout\">\n<nav id=\"nav\" class=\"sidebar\" aria-label=\"Course\">\n")
                .append("<h2 class=\"nav-title\">Lessons</h2>\n<ol class=\"lessons\">\n");
        for (Link l : lessons) {
            out.append(item(l, file));
        }
        out.append("</ol>\n<ul class=\"extras\">\n");
        for (Link l : extras) {
            out.append(item(l, file));
        }
        out.append("</ul>\n</nav>\n<main id=\"main\" tabindex=\"-1\">\n").append(body).append('\n');
        if (previous != null || next != null) {
            out.append("<nav class=\"pager\" aria-label=\"Previous and next lesson\">\n");
            if (previous != null) {
                out.append("<a class=\"previous\" rel=\"prev\" href=\"").append(previous.page()).append("\">")
                        .append("<span class=\"dir\">\u2190 Previous</span> ").append(escape(previous.title()))
                        .append("</a>\n");
            }
            if (next != null) {
                out.append("<a class=\"next\" rel=\"next\" href=\"").append(next.page()).append("\">")
                        .append("<span class=\"dir\">Next \u2192</span> ").append(escape(next.title()))
                        .append("</a>\n");
            }
            out.append("</nav>\n");
        }
        out.append("</main>\n</div>\n<script src=\"assets/search-index.js\"></script>\n")
                .append("<script src=\"assets/site.js\"></script>\n</body>\n</html>\n");
        return out.toString();
    }

    private static String item(Link l, String current) {
        boolean here = l.page().equals(current);
        return "<li><a href=\"" + l.page() + "\"" + (here ? " aria-current=\"page\"" : "") + ">" + escape(l.title())
                + "</a></li>\n";
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
