package dev.oauthjwt.jaxrs.internal.jose;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one JSON parser of the extension, for every document an attacker can shape (token headers and payloads, JWKS).
 * It reads exactly one JSON text per RFC 8259 in a single pass and yields immutable values: {@code Map<String,
 * Object>} (member order kept), {@code List<Object>}, {@link String}, {@link Boolean}, {@code null}, and numbers as
 * {@link Long} (integers that fit) or {@link BigDecimal} (exact; never a double, so that {@code 1e400} never becomes
 * infinity).
 *
 * <p>Refused, with {@link MalformedJsonException}: bytes that are not strict UTF-8, anything that is not RFC 8259
 * (comments, single quotes, trailing commas, {@code NaN}, unescaped control characters, text after the value),
 * duplicate member names (RFC 7515 §5.2 lets a parser refuse them; we must, or two readers could see two values),
 * escapes that leave a lone surrogate, nesting deeper than {@link #MAX_DEPTH}, and numbers with an exponent beyond
 * ±{@link #MAX_EXPONENT} (the length of a number is bounded by the document's).
 */
public final class StrictJson {

    /** Deepest nesting of objects and arrays accepted; the parser recurses once per level. */
    public static final int MAX_DEPTH = 16;

    static final int MAX_EXPONENT = 1000;

    private final String text;
    private int pos;

    private StrictJson(String text) {
        this.text = text;
    }

    /** Thrown for any input that is not a strict JSON text of bounded size; carries no message and no stack trace. */
    public static final class MalformedJsonException extends Exception {
        private static final long serialVersionUID = 1L;

        MalformedJsonException() {
            super(null, null, false, false);
        }
    }

    /**
     * @param utf8 the document's bytes
     * @return the members of the top-level object
     * @throws MalformedJsonException when the bytes are not a strict UTF-8 JSON object
     */
    public static Map<String, Object> parseObject(byte[] utf8) throws MalformedJsonException {
        if (isAscii(utf8)) { // the common case: one copy, no decoder
            return parseObject(new String(utf8, StandardCharsets.ISO_8859_1));
        }
        String text;
        try {
            text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(utf8))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new MalformedJsonException();
        }
        return parseObject(text);
    }

    private static boolean isAscii(byte[] bytes) {
        for (byte b : bytes) {
            if (b < 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * @param text the document
     * @return the members of the top-level object
     * @throws MalformedJsonException when the text is not a strict JSON object
     */
    public static Map<String, Object> parseObject(String text) throws MalformedJsonException {
        StrictJson parser = new StrictJson(text);
        parser.skipWhitespace();
        if (parser.pos >= text.length() || text.charAt(parser.pos) != '{') {
            throw new MalformedJsonException();
        }
        Object value = parser.value(0);
        parser.skipWhitespace();
        if (parser.pos != text.length()) {
            throw new MalformedJsonException();
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> members = (Map<String, Object>) value;
        return members;
    }

    private Object value(int depth) throws MalformedJsonException {
        skipWhitespace();
        if (pos >= text.length()) {
            throw new MalformedJsonException();
        }
        char c = text.charAt(pos);
        switch (c) {
            case '{':
                return object(depth + 1);
            case '[':
                return array(depth + 1);
            case '"':
                return string();
            case 't':
                return literal("true", Boolean.TRUE);
            case 'f':
                return literal("false", Boolean.FALSE);
            case 'n':
                return literal("null", null);
            default:
                return number();
        }
    }

    private Map<String, Object> object(int depth) throws MalformedJsonException {
        if (depth > MAX_DEPTH) {
            throw new MalformedJsonException();
        }
        pos++;
        Map<String, Object> members = new LinkedHashMap<>();
        skipWhitespace();
        if (pos < text.length() && text.charAt(pos) == '}') {
            pos++;
            return Collections.unmodifiableMap(members);
        }
        while (true) {
            skipWhitespace();
            if (pos >= text.length() || text.charAt(pos) != '"') {
                throw new MalformedJsonException();
            }
            String name = string();
            expect(':');
            Object value = value(depth);
            if (members.containsKey(name)) {
                throw new MalformedJsonException();
            }
            members.put(name, value);
            if (next('}')) {
                return Collections.unmodifiableMap(members);
            }
        }
    }

    private List<Object> array(int depth) throws MalformedJsonException {
        if (depth > MAX_DEPTH) {
            throw new MalformedJsonException();
        }
        pos++;
        List<Object> elements = new ArrayList<>();
        skipWhitespace();
        if (pos < text.length() && text.charAt(pos) == ']') {
            pos++;
            return Collections.unmodifiableList(elements);
        }
        while (true) {
            elements.add(value(depth));
            if (next(']')) {
                return Collections.unmodifiableList(elements);
            }
        }
    }

    /** After a member or element: {@code true} at the closing bracket, {@code false} after a comma. */
    private boolean next(char close) throws MalformedJsonException {
        skipWhitespace();
        if (pos >= text.length()) {
            throw new MalformedJsonException();
        }
        char c = text.charAt(pos++);
        if (c == close) {
            return true;
        }
        if (c != ',') {
            throw new MalformedJsonException();
        }
        return false;
    }

    private void expect(char expected) throws MalformedJsonException {
        skipWhitespace();
        if (pos >= text.length() || text.charAt(pos) != expected) {
            throw new MalformedJsonException();
        }
        pos++;
    }

    private String string() throws MalformedJsonException {
        int start = ++pos;
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == '"') {
                return text.substring(start, pos++);
            }
            if (c == '\\') {
                return escapedString(start);
            }
            if (c < 0x20) {
                throw new MalformedJsonException();
            }
            pos++;
        }
        throw new MalformedJsonException();
    }

    private String escapedString(int start) throws MalformedJsonException {
        StringBuilder out = new StringBuilder(text.length() - start).append(text, start, pos);
        while (pos < text.length()) {
            char c = text.charAt(pos++);
            if (c == '"') {
                return out.toString();
            }
            if (c < 0x20) {
                throw new MalformedJsonException();
            }
            if (c != '\\') {
                out.append(c);
                continue;
            }
            if (pos >= text.length()) {
                throw new MalformedJsonException();
            }
            char e = text.charAt(pos++);
            switch (e) {
                case '"', '\\', '/' -> out.append(e);
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'u' -> unicodeEscape(out);
                default -> throw new MalformedJsonException();
            }
        }
        throw new MalformedJsonException();
    }

    /** A {@code \\uXXXX} escape; a surrogate must pair with the escape that follows, as RFC 8259 §8.2 warns. */
    private void unicodeEscape(StringBuilder out) throws MalformedJsonException {
        char unit = hex4();
        if (Character.isLowSurrogate(unit)) {
            throw new MalformedJsonException();
        }
        if (Character.isHighSurrogate(unit)) {
            if (!text.startsWith("\\u", pos)) {
                throw new MalformedJsonException();
            }
            pos += 2;
            char low = hex4();
            if (!Character.isLowSurrogate(low)) {
                throw new MalformedJsonException();
            }
            out.append(unit).append(low);
            return;
        }
        out.append(unit);
    }

    private char hex4() throws MalformedJsonException {
        if (pos + 4 > text.length()) {
            throw new MalformedJsonException();
        }
        int value = 0;
        for (int i = 0; i < 4; i++) {
            int digit = Character.digit(text.charAt(pos++), 16);
            if (digit < 0) {
                throw new MalformedJsonException();
            }
            value = (value << 4) | digit;
        }
        return (char) value;
    }

    private Object literal(String word, Boolean value) throws MalformedJsonException {
        if (!text.startsWith(word, pos)) {
            throw new MalformedJsonException();
        }
        pos += word.length();
        return value;
    }

    private Object number() throws MalformedJsonException {
        int start = pos;
        if (pos < text.length() && text.charAt(pos) == '-') {
            pos++;
        }
        if (pos < text.length() && text.charAt(pos) == '0') {
            pos++;
        } else if (digits() == 0) {
            throw new MalformedJsonException();
        }
        boolean integer = true;
        if (pos < text.length() && text.charAt(pos) == '.') {
            pos++;
            integer = false;
            if (digits() == 0) {
                throw new MalformedJsonException();
            }
        }
        int exponentStart = -1;
        if (pos < text.length() && (text.charAt(pos) == 'e' || text.charAt(pos) == 'E')) {
            pos++;
            integer = false;
            if (pos < text.length() && (text.charAt(pos) == '+' || text.charAt(pos) == '-')) {
                pos++;
            }
            exponentStart = pos;
            if (digits() == 0) {
                throw new MalformedJsonException();
            }
        }
        String literal = text.substring(start, pos);
        if (exponentStart >= 0) {
            String exponent = text.substring(exponentStart, pos);
            if (exponent.length() > 4 || Integer.parseInt(exponent) > MAX_EXPONENT) {
                throw new MalformedJsonException();
            }
        }
        if (integer && pos - start <= 18) {
            return Long.parseLong(literal);
        }
        BigDecimal value = new BigDecimal(literal);
        if (integer && value.toBigInteger().bitLength() < 64) {
            return value.longValueExact();
        }
        return value;
    }

    private int digits() {
        int start = pos;
        while (pos < text.length() && text.charAt(pos) >= '0' && text.charAt(pos) <= '9') {
            pos++;
        }
        return pos - start;
    }

    private void skipWhitespace() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return;
            }
            pos++;
        }
    }
}
