package org.iamlab.site;

import java.util.List;
import java.util.regex.Pattern;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TableHead;
import org.commonmark.ext.gfm.tables.TableRow;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.BulletList;
import org.commonmark.node.Code;
import org.commonmark.node.CustomBlock;
import org.commonmark.node.CustomNode;
import org.commonmark.node.Emphasis;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Link;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.Text;
import org.commonmark.node.ThematicBreak;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.text.TextContentRenderer;

/**
 * A Markdown cell as AsciiDoc: parsed by commonmark (with GitHub tables), then written node by node. Text that
 * AsciiDoc would read as markup goes through {@code pass:c[...]} (special characters escaped, nothing else), so
 * that what the author wrote is what the page shows. Links to other lessons ({@code 02-x.ipynb}) point to their
 * pages. The first level-1 heading is the page title (the writer takes it from the outline instead).
 */
final class MarkdownToAsciiDoc {

    private static final Parser PARSER = Parser.builder().extensions(List.of(TablesExtension.create())).build();
    private static final Pattern RISKY = Pattern.compile(
            "[*_`#^~+{}\\[\\]\\\\]|<<|->|=>|<-|<=|--|\\.\\.\\.|\\((?:C|R|TM)\\)|://|&");
    /** What AsciiDoc reads as the start of a block (a list, a title, a delimiter, a comment, an admonition). */
    private static final Pattern BLOCK_START = Pattern.compile(
            "^(?:\\.[^.\\s]|[*.\\-]+\\s|=+\\s|\\||//|<|:\\w|>|\\[|'{3}|\\d+\\.\\s|[A-Z]+: |-{2,}|\\+{4,}|_{4,})");

    private MarkdownToAsciiDoc() {
    }

    /** The AsciiDoc for {@code markdown}; {@code anchors} names the sections (the search index links to them). */
    static String convert(String markdown, Anchors anchors) {
        Writer w = new Writer(anchors);
        PARSER.parse(markdown).accept(w);
        return w.out.toString();
    }

    /** The plain text of {@code markdown} (for the search index). */
    static String plainText(String markdown) {
        return TextContentRenderer.builder().build().render(PARSER.parse(markdown));
    }

    /** The parsed document, for callers that walk it themselves. */
    static Node parse(String markdown) {
        return PARSER.parse(markdown);
    }

    /** Gives each section an id unique in its page. */
    interface Anchors {
        String anchor(String title);
    }

    private static final class Writer extends AbstractVisitor {
        private final StringBuilder out = new StringBuilder();
        private final Anchors anchors;
        private int listDepth;

        Writer(Anchors anchors) {
            this.anchors = anchors;
        }

        @Override
        public void visit(Heading heading) {
            String title = plain(heading).strip();
            if (heading.getLevel() == 1) {
                return;
            }
            out.append("[#").append(anchors.anchor(title)).append("]\n")
                    .append("=".repeat(Math.min(6, heading.getLevel()))).append(' ');
            visitChildren(heading);
            out.append("\n\n");
        }

        @Override
        public void visit(Paragraph paragraph) {
            int start = out.length();
            visitChildren(paragraph);
            if (!(paragraph.getParent() instanceof ListItem) && BLOCK_START.matcher(out.substring(start)).find()) {
                out.insert(start, "{empty}");
            }
            out.append(listDepth > 0 && paragraph.getParent() instanceof ListItem ? "\n" : "\n\n");
        }

        @Override
        public void visit(Text text) {
            out.append(escape(text.getLiteral()));
        }

        @Override
        public void visit(Code code) {
            String literal = code.getLiteral();
            if (literal.contains("+")) {
                out.append("``pass:c[").append(literal.replace("]", "\\]")).append("]``");
            } else {
                out.append("``+").append(literal).append("+``");
            }
        }

        @Override
        public void visit(Emphasis emphasis) {
            out.append("__");
            visitChildren(emphasis);
            out.append("__");
        }

        @Override
        public void visit(StrongEmphasis strong) {
            out.append("**");
            visitChildren(strong);
            out.append("**");
        }

        @Override
        public void visit(SoftLineBreak softLineBreak) {
            out.append(' ');
        }

        @Override
        public void visit(HardLineBreak hardLineBreak) {
            out.append(" +\n");
        }

        @Override
        public void visit(Link link) {
            String label = plain(link).strip();
            out.append("link:++").append(target(link.getDestination())).append("++[")
                    .append(label.isEmpty() ? link.getDestination() : escape(label).replace("]", "\\]")).append(']');
        }

        @Override
        public void visit(Image image) {
            String alt = plain(image).strip();
            out.append("image:++").append(image.getDestination()).append("++[")
                    .append(alt.replace("]", "\\]").replace(",", "{comma}")).append(']');
        }

        @Override
        public void visit(HtmlInline html) {
            out.append("pass:[").append(html.getLiteral().replace("]", "\\]")).append(']');
        }

        @Override
        public void visit(HtmlBlock html) {
            out.append(Blocks.passthrough(html.getLiteral()));
        }

        @Override
        public void visit(FencedCodeBlock code) {
            String info = code.getInfo() == null ? "" : code.getInfo().strip().split("\\s+")[0];
            out.append(Blocks.source(info.isEmpty() ? "text" : info, code.getLiteral()));
        }

        @Override
        public void visit(IndentedCodeBlock code) {
            out.append(Blocks.literal(code.getLiteral(), ""));
        }

        @Override
        public void visit(BlockQuote quote) {
            out.append("____\n");
            visitChildren(quote);
            out.append("____\n\n");
        }

        @Override
        public void visit(ThematicBreak thematicBreak) {
            out.append("'''\n\n");
        }

        @Override
        public void visit(BulletList list) {
            list(list, "*");
        }

        @Override
        public void visit(OrderedList list) {
            if (listDepth == 0 && list.getMarkerStartNumber() != null && list.getMarkerStartNumber() != 1) {
                out.append("[start=").append(list.getMarkerStartNumber()).append("]\n");
            }
            list(list, ".");
        }

        private void list(Node list, String marker) {
            if (listDepth == 0 && out.length() > 0 && !out.toString().endsWith("\n\n")) {
                out.append('\n');
            }
            listDepth++;
            for (Node item = list.getFirstChild(); item != null; item = item.getNext()) {
                out.append(marker.repeat(listDepth)).append(' ');
                boolean first = true;
                for (Node block = item.getFirstChild(); block != null; block = block.getNext()) {
                    if (!first && !(block instanceof BulletList || block instanceof OrderedList)) {
                        out.append("+\n");
                    }
                    block.accept(this);
                    first = false;
                }
            }
            listDepth--;
            if (listDepth == 0) {
                out.append('\n');
            }
        }

        @Override
        public void visit(CustomBlock block) {
            if (block instanceof TableBlock table) {
                table(table);
            } else {
                visitChildren(block);
            }
        }

        @Override
        public void visit(CustomNode node) {
            visitChildren(node);
        }

        private void table(TableBlock table) {
            StringBuilder body = new StringBuilder();
            int columns = 0;
            boolean header = false;
            for (Node section = table.getFirstChild(); section != null; section = section.getNext()) {
                for (Node row = section.getFirstChild(); row != null; row = row.getNext()) {
                    if (!(row instanceof TableRow)) {
                        continue;
                    }
                    int cells = 0;
                    for (Node cell = row.getFirstChild(); cell != null; cell = cell.getNext()) {
                        if (cell instanceof TableCell) {
                            int start = out.length();
                            visitChildren(cell);
                            body.append("| ").append(out.substring(start).replace("|", "{vbar}")).append(' ');
                            out.setLength(start);
                            cells++;
                        }
                    }
                    columns = Math.max(columns, cells);
                    body.append('\n');
                    if (section instanceof TableHead) {
                        header = true;
                        body.append('\n');
                    }
                }
            }
            out.append("[cols=\"").append(Math.max(1, columns)).append("*\"").append(header ? ",options=\"header\"" : "")
                    .append("]\n|===\n").append(body).append("|===\n\n");
        }
    }

    /** A link's target: another lesson's notebook becomes its page. */
    static String target(String destination) {
        if (!destination.contains("://") && destination.matches("[^#?]*\\.ipynb(?:#.*)?")) {
            return destination.replaceFirst("\\.ipynb", ".html");
        }
        return destination;
    }

    /** The words of a node's inline content, without markup (a link's label, a heading's title). */
    static String plain(Node node) {
        StringBuilder out = new StringBuilder();
        node.accept(new AbstractVisitor() {
            @Override
            public void visit(Text text) {
                out.append(text.getLiteral());
            }

            @Override
            public void visit(Code code) {
                out.append(code.getLiteral());
            }

            @Override
            public void visit(SoftLineBreak softLineBreak) {
                out.append(' ');
            }
        });
        return out.toString();
    }

    /** {@code text} as AsciiDoc text that shows exactly those characters. */
    static String escape(String text) {
        if (text.indexOf('|') >= 0) {
            StringBuilder out = new StringBuilder();
            String[] parts = text.split("\\|", -1);
            for (int i = 0; i < parts.length; i++) {
                out.append(i > 0 ? "{vbar}" : "").append(escape(parts[i]));
            }
            return out.toString();
        }
        if (!RISKY.matcher(text).find()) {
            return text;
        }
        return "pass:c[" + text.replace("]", "\\]") + "]";
    }
}
