package dev.qmark.mail;

/**
 * Undoes RFC 3676 {@code format=flowed}: lines ending in a space are soft breaks, joined with the
 * next line of the same quote depth. Apple Mail and Thunderbird send this; unflowed, a wrapped
 * "On ... wrote:" line is one line again and quote detection sees whole paragraphs.
 */
final class FlowedText {

    private FlowedText() {
    }

    /**
     * @param text  the decoded text/plain body with LF line ends
     * @param delSp {@code delsp=yes}: the space before a soft break was added by the sender, drop it
     */
    static String unflow(String text, boolean delSp) {
        String[] lines = text.split("\n", -1);
        StringBuilder out = new StringBuilder(text.length());
        StringBuilder paragraph = new StringBuilder();
        int paragraphDepth = -1;
        for (String line : lines) {
            int depth = 0;
            while (depth < line.length() && line.charAt(depth) == '>') {
                depth++;
            }
            String content = line.substring(depth);
            if (content.startsWith(" ")) {
                content = content.substring(1); // space-stuffing
            }
            if (paragraphDepth >= 0 && depth != paragraphDepth) {
                emit(out, paragraph, paragraphDepth); // a quote depth change ends a paragraph
            }
            paragraphDepth = depth;
            boolean soft = content.endsWith(" ") && !content.equals("-- ");
            paragraph.append(soft && delSp ? content.substring(0, content.length() - 1) : content);
            if (!soft) {
                emit(out, paragraph, depth);
                paragraphDepth = -1;
            }
        }
        if (paragraphDepth >= 0) {
            emit(out, paragraph, paragraphDepth);
        }
        if (out.length() > 0) {
            out.setLength(out.length() - 1); // the split added one line end per line; drop the last
        }
        return out.toString();
    }

    private static void emit(StringBuilder out, StringBuilder paragraph, int depth) {
        if (depth > 0) {
            out.append(">".repeat(depth)).append(paragraph.isEmpty() ? "" : " ");
        }
        out.append(paragraph).append('\n');
        paragraph.setLength(0);
    }
}
