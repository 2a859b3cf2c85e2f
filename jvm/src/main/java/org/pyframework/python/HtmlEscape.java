package org.pyframework.python;

/**
 * MarkupSafe's HTML escape in one pass: {@code & < > ' "} become {@code &amp; &lt; &gt; &#39; &#34;},
 * exactly the replacements (and entity spellings) of {@code markupsafe._native.escape}.
 *
 * On Jython the pure-Python escape costs five {@code unicode.replace} passes per value;
 * {@code pyframework.utils.jvm} installs this behind {@code markupsafe.escape} at start-up and
 * keeps the {@code __html__} protocol and the {@code Markup} result on the Python side.
 */
public final class HtmlEscape {

    private HtmlEscape() {
    }

    /** The escaped text; {@code text} itself when nothing in it needs escaping. */
    public static String escape(String text) {
        int length = text.length();
        int first = 0;
        while (first < length && !special(text.charAt(first))) {
            first++;
        }
        if (first == length) {
            return text;
        }
        StringBuilder out = new StringBuilder(length + 16);
        out.append(text, 0, first);
        for (int i = first; i < length; i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&':
                    out.append("&amp;");
                    break;
                case '<':
                    out.append("&lt;");
                    break;
                case '>':
                    out.append("&gt;");
                    break;
                case '\'':
                    out.append("&#39;");
                    break;
                case '"':
                    out.append("&#34;");
                    break;
                default:
                    out.append(c);
            }
        }
        return out.toString();
    }

    private static boolean special(char c) {
        // One comparison for almost every character: all five are below '?'.
        return c <= '>' && (c == '&' || c == '<' || c == '>' || c == '\'' || c == '"');
    }
}
