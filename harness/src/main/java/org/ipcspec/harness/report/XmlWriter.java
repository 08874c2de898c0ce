package org.ipcspec.harness.report;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;

/**
 * Writes well-formed XML (SVG, XHTML) element by element. All text and attribute values go
 * through {@link #escape(String)}, so a label recorded from an endpoint (which may hold
 * {@code <script>}, quotes or control characters) can never break the document or inject markup;
 * only the fixed prologue and style sheets of the renderers are written raw.
 */
final class XmlWriter {

    private final StringBuilder out = new StringBuilder(4096);
    private final Deque<String> open = new ArrayDeque<>();

    /** Writes fixed markup (a prologue, a style sheet) unescaped: never pass recorded text here. */
    /**
     * A standalone XHTML page (inline CSS, no scripts), opened as far as its body's heading: the
     * caller writes the body and {@link #finish()}es.
     */
    /** A standalone SVG document of the charts' one font, opened at its root: the caller draws and {@link #finish()}es. */
    static XmlWriter svg(double width, double height, int fontSize) {
        XmlWriter svg = new XmlWriter();
        svg.raw("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        svg.start("svg", "xmlns", "http://www.w3.org/2000/svg", "width", width, "height", height,
                "viewBox", "0 0 " + format(width) + " " + format(height),
                "font-family", "DejaVu Sans, Arial, Helvetica, sans-serif", "font-size", fontSize);
        return svg;
    }

    static XmlWriter page(String title, String css) {
        XmlWriter html = new XmlWriter();
        html.raw("<!DOCTYPE html>\n");
        html.start("html", "xmlns", "http://www.w3.org/1999/xhtml", "lang", "en");
        html.start("head");
        html.empty("meta", "charset", "UTF-8");
        html.element("title", title);
        html.start("style").raw(css).end();
        html.end();
        html.start("body");
        html.element("h1", title);
        return html;
    }

    XmlWriter raw(String markup) {
        out.append(markup);
        return this;
    }

    /** Opens {@code name} with attributes given as name, value pairs; a null value omits the attribute. */
    XmlWriter start(String name, Object... attributes) {
        tag(name, attributes);
        out.append('>');
        open.push(name);
        return this;
    }

    /** A self-closing element. */
    XmlWriter empty(String name, Object... attributes) {
        tag(name, attributes);
        out.append("/>\n");
        return this;
    }

    /** An element holding only text. */
    XmlWriter element(String name, String text, Object... attributes) {
        tag(name, attributes);
        out.append('>').append(escape(text)).append("</").append(name).append(">\n");
        return this;
    }

    XmlWriter text(String text) {
        out.append(escape(text));
        return this;
    }

    XmlWriter end() {
        out.append("</").append(open.pop()).append(">\n");
        return this;
    }

    /** The document; every element opened must have been ended. */
    String finish() {
        if (!open.isEmpty()) {
            throw new IllegalStateException("unclosed elements: open=" + open);
        }
        return out.toString();
    }

    private void tag(String name, Object... attributes) {
        if (attributes.length % 2 != 0) {
            throw new IllegalArgumentException("attributes must be name, value pairs: element=" + name);
        }
        out.append('<').append(name);
        for (int i = 0; i < attributes.length; i += 2) {
            Object value = attributes[i + 1];
            if (value != null) {
                out.append(' ').append(attributes[i]).append("=\"").append(escape(format(value))).append('"');
            }
        }
    }

    /** Numbers as the renderers want them in attributes: at most two decimals, never an exponent. */
    static String format(Object value) {
        if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            if (d == Math.rint(d) && Math.abs(d) < 1e15) {
                return Long.toString((long) d);
            }
            return String.format(Locale.ROOT, "%.2f", d);
        }
        return String.valueOf(value);
    }

    /**
     * Escapes the five XML specials and replaces what XML 1.0 cannot hold at all (control characters
     * other than tab, newline and carriage return; lone surrogates; U+FFFE, U+FFFF) by U+FFFD, so
     * a parser accepts the document whatever the endpoint wrote.
     */
    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> {
                    if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                        sb.append(c).append(text.charAt(++i));
                    } else if (Character.isSurrogate(c) || c == '\uFFFE' || c == '\uFFFF'
                        || (c < 0x20 && c != '\t' && c != '\n' && c != '\r')) {
                        sb.append('\uFFFD');
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.toString();
    }
}
