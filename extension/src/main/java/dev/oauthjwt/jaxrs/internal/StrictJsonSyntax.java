package dev.oauthjwt.jaxrs.internal;

/**
 * Checks that a text is exactly one JSON value per RFC 8259, nothing before or after it: no comments, single quotes,
 * trailing commas, {@code NaN} or unescaped control characters, which the lenient parser underneath would accept.
 * Call it only on texts whose nesting is already bounded: it recurses once per level.
 */
final class StrictJsonSyntax {

    private final String text;
    private int pos;

    private StrictJsonSyntax(String text) {
        this.text = text;
    }

    static boolean isValid(String text) {
        StrictJsonSyntax p = new StrictJsonSyntax(text);
        return p.value() && p.skipWhitespace() == text.length();
    }

    private int skipWhitespace() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                break;
            }
            pos++;
        }
        return pos;
    }

    private boolean value() {
        if (skipWhitespace() >= text.length()) {
            return false;
        }
        char c = text.charAt(pos);
        return switch (c) {
            case '{' -> members('}', true);
            case '[' -> members(']', false);
            case '"' -> string();
            case 't' -> literal("true");
            case 'f' -> literal("false");
            case 'n' -> literal("null");
            default -> number();
        };
    }

    /** An object (pairs) or an array (values) after its opening bracket. */
    private boolean members(char close, boolean pairs) {
        pos++;
        if (skipWhitespace() < text.length() && text.charAt(pos) == close) {
            pos++;
            return true;
        }
        while (true) {
            if (pairs) {
                if (skipWhitespace() >= text.length() || text.charAt(pos) != '"' || !string()
                        || skipWhitespace() >= text.length() || text.charAt(pos++) != ':') {
                    return false;
                }
            }
            if (!value() || skipWhitespace() >= text.length()) {
                return false;
            }
            char c = text.charAt(pos++);
            if (c == close) {
                return true;
            }
            if (c != ',') {
                return false;
            }
        }
    }

    private boolean string() {
        pos++;
        while (pos < text.length()) {
            char c = text.charAt(pos++);
            if (c == '"') {
                return true;
            }
            if (c < 0x20) {
                return false;
            }
            if (c == '\\') {
                if (pos >= text.length()) {
                    return false;
                }
                char e = text.charAt(pos++);
                if (e == 'u') {
                    if (pos + 4 > text.length()) {
                        return false;
                    }
                    for (int i = 0; i < 4; i++) {
                        if (Character.digit(text.charAt(pos++), 16) < 0) {
                            return false;
                        }
                    }
                } else if ("\"\\/bfnrt".indexOf(e) < 0) {
                    return false;
                }
            }
        }
        return false;
    }

    private boolean literal(String word) {
        if (text.startsWith(word, pos)) {
            pos += word.length();
            return true;
        }
        return false;
    }

    private boolean number() {
        int start = pos;
        if (pos < text.length() && text.charAt(pos) == '-') {
            pos++;
        }
        if (pos < text.length() && text.charAt(pos) == '0') {
            pos++;
        } else if (digits() == 0) {
            return false;
        }
        if (pos < text.length() && text.charAt(pos) == '.') {
            pos++;
            if (digits() == 0) {
                return false;
            }
        }
        if (pos < text.length() && (text.charAt(pos) == 'e' || text.charAt(pos) == 'E')) {
            pos++;
            if (pos < text.length() && (text.charAt(pos) == '+' || text.charAt(pos) == '-')) {
                pos++;
            }
            if (digits() == 0) {
                return false;
            }
        }
        return pos > start;
    }

    private int digits() {
        int start = pos;
        while (pos < text.length() && text.charAt(pos) >= '0' && text.charAt(pos) <= '9') {
            pos++;
        }
        return pos - start;
    }
}
