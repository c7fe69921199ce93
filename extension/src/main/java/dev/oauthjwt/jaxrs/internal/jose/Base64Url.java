package dev.oauthjwt.jaxrs.internal.jose;

import java.util.Base64;

/**
 * Canonical unpadded base64url (RFC 7515 §2): the only spelling of a JWS segment the extension accepts, so that one
 * token has exactly one text.
 */
public final class Base64Url {

    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private Base64Url() {}

    /**
     * @param segment the text
     * @return its bytes, or {@code null} when it holds a character outside the alphabet, padding, an impossible
     *     length, or non-zero pad bits (a second spelling of the same bytes)
     */
    public static byte[] decodeCanonical(CharSequence segment) {
        int length = segment.length();
        if (length % 4 == 1) {
            return null;
        }
        for (int i = 0; i < length; i++) {
            if (!isAlphabet(segment.charAt(i))) {
                return null;
            }
        }
        byte[] bytes = DECODER.decode(segment.toString());
        if (length % 4 != 0 && !hasZeroPadBits(segment.charAt(length - 1), length % 4)) {
            return null;
        }
        return bytes;
    }

    /** @return the unpadded base64url text of the bytes */
    public static String encode(byte[] bytes) {
        return ENCODER.encodeToString(bytes);
    }

    /** @return whether {@code c} is in the base64url alphabet (RFC 4648 §5) */
    public static boolean isAlphabet(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
    }

    /** The last character of a 2- or 3-character group carries 4 or 2 bits that must be zero. */
    private static boolean hasZeroPadBits(char last, int groupLength) {
        int value = sextet(last);
        return groupLength == 2 ? (value & 0x0F) == 0 : (value & 0x03) == 0;
    }

    private static int sextet(char c) {
        if (c >= 'A' && c <= 'Z') {
            return c - 'A';
        }
        if (c >= 'a' && c <= 'z') {
            return c - 'a' + 26;
        }
        if (c >= '0' && c <= '9') {
            return c - '0' + 52;
        }
        return c == '-' ? 62 : 63;
    }
}
