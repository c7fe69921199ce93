package dev.oauthjwt.jaxrs.internal.jose;

import dev.oauthjwt.jaxrs.internal.Failure;
import dev.oauthjwt.jaxrs.internal.TokenRejectedException;
import java.util.Map;

/**
 * A JWS in compact serialization, parsed strictly before any library sees it: exactly three non-empty segments of
 * canonical unpadded base64url ({@link Base64Url}), a header and a payload that are {@link StrictJson} objects. This
 * closes the lenient-decoding gaps of the underlying library (padded, junk-laden or non-canonical segments verifying
 * as the same token).
 *
 * @param header the JOSE header members
 * @param claims the payload members (not yet verified)
 * @param signature the decoded signature
 */
public record CompactJws(Map<String, Object> header, Map<String, Object> claims, byte[] signature) {

    /**
     * @param token the token text
     * @return the parsed token
     * @throws TokenRejectedException {@link Failure#MALFORMED_TOKEN} for anything but a strict compact JWS
     */
    public static CompactJws parse(String token) throws TokenRejectedException {
        int firstDot = token.indexOf('.');
        int secondDot = firstDot < 0 ? -1 : token.indexOf('.', firstDot + 1);
        if (secondDot < 0 || token.indexOf('.', secondDot + 1) >= 0) {
            throw malformed();
        }
        byte[] header = segment(token, 0, firstDot);
        byte[] payload = segment(token, firstDot + 1, secondDot);
        byte[] signature = segment(token, secondDot + 1, token.length());
        try {
            return new CompactJws(StrictJson.parseObject(header), StrictJson.parseObject(payload), signature);
        } catch (StrictJson.MalformedJsonException e) {
            throw malformed();
        }
    }

    private static byte[] segment(String token, int start, int end) throws TokenRejectedException {
        byte[] bytes = start == end ? null : Base64Url.decodeCanonical(token, start, end);
        if (bytes == null) {
            throw malformed();
        }
        return bytes;
    }

    private static TokenRejectedException malformed() {
        return new TokenRejectedException(Failure.MALFORMED_TOKEN);
    }
}
