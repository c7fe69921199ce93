package dev.oauthjwt.jaxrs.internal;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.jose4j.json.JsonUtil;
import org.jose4j.lang.JoseException;

/**
 * A JWS in compact serialization, parsed strictly before any library sees it: exactly three non-empty segments of
 * canonical unpadded base64url (RFC 7515 §2), a header and a payload that are strict UTF-8 JSON objects without
 * duplicate members and with bounded nesting. This closes the lenient-decoding gaps of the underlying library
 * (padded, junk-laden or non-canonical segments verifying as the same token).
 *
 * @param header the JOSE header members
 * @param claims the payload members (not yet verified)
 * @param signatureLength the length of the decoded signature, in bytes
 */
record CompactJws(Map<String, Object> header, Map<String, Object> claims, int signatureLength) {

    static final int MAX_JSON_DEPTH = 16;

    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    static CompactJws parse(String token) throws TokenRejectedException {
        int firstDot = token.indexOf('.');
        int secondDot = firstDot < 0 ? -1 : token.indexOf('.', firstDot + 1);
        if (secondDot < 0 || token.indexOf('.', secondDot + 1) >= 0) {
            throw malformed();
        }
        String header = token.substring(0, firstDot);
        String payload = token.substring(firstDot + 1, secondDot);
        String signature = token.substring(secondDot + 1);
        if (header.isEmpty() || payload.isEmpty() || signature.isEmpty()) {
            throw malformed();
        }
        byte[] headerBytes = decode(header);
        byte[] payloadBytes = decode(payload);
        int signatureLength = decode(signature).length;
        return new CompactJws(json(headerBytes), json(payloadBytes), signatureLength);
    }

    /** Decodes canonical base64url: alphabet only, no padding, and the string re-encodes to itself (zero pad bits). */
    static byte[] decode(String segment) throws TokenRejectedException {
        for (int i = 0; i < segment.length(); i++) {
            char c = segment.charAt(i);
            boolean alphabet = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '_';
            if (!alphabet) {
                throw malformed();
            }
        }
        if (segment.length() % 4 == 1) {
            throw malformed();
        }
        byte[] bytes;
        try {
            bytes = DECODER.decode(segment);
        } catch (IllegalArgumentException e) {
            throw malformed();
        }
        if (!ENCODER.encodeToString(bytes).equals(segment)) {
            throw malformed();
        }
        return bytes;
    }

    private static Map<String, Object> json(byte[] bytes) throws TokenRejectedException {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw malformed();
        }
        if (text.isEmpty() || text.charAt(0) != '{' || depth(text) > MAX_JSON_DEPTH || !StrictJsonSyntax.isValid(text)) {
            throw malformed();
        }
        try {
            return JsonUtil.parseJson(text);
        } catch (JoseException | RuntimeException e) {
            throw malformed();
        }
    }

    /** Maximum nesting of objects and arrays, ignoring brackets inside strings. Linear, no recursion. */
    static int depth(String json) {
        int depth = 0;
        int max = 0;
        boolean inString = false;
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '{' || c == '[') {
                max = Math.max(max, ++depth);
            } else if (c == '}' || c == ']') {
                depth--;
            }
        }
        return max;
    }

    private static TokenRejectedException malformed() {
        return new TokenRejectedException(Failure.MALFORMED_TOKEN);
    }
}
