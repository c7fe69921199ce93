package dev.oauthjwt.jaxrs.internal.jose;

import java.util.Base64;

/**
 * Canonical unpadded base64url (RFC 7515 §2): the only spelling of a JWS segment the extension accepts, so that one
 * token has exactly one text.
 */
public final class Base64Url {

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private Base64Url() {}

    /**
     * @param segment the text
     * @return its bytes, or {@code null} when it holds a character outside the alphabet, padding, an impossible
     *     length, or non-zero pad bits (a second spelling of the same bytes)
     */
    public static byte[] decodeCanonical(CharSequence segment) {
        return decodeCanonical(segment, 0, segment.length());
    }

    /**
     * {@link #decodeCanonical(CharSequence)} of {@code text[start, end)}, without copying the text.
     *
     * @param text the text holding the segment
     * @param start the index of the segment's first character
     * @param end the index after its last character
     * @return its bytes, or {@code null} as for {@link #decodeCanonical(CharSequence)}
     */
    public static byte[] decodeCanonical(CharSequence text, int start, int end) {
        int length = end - start;
        if (length % 4 == 1) {
            return null;
        }
        byte[] bytes = new byte[length * 3 / 4];
        int buffer = 0;
        int bits = 0;
        int out = 0;
        for (int i = start; i < end; i++) {
            int value = sextet(text.charAt(i));
            if (value < 0) {
                return null;
            }
            buffer = (buffer << 6) | value;
            bits += 6;
            if (bits >= 8) {
                bits -= 8;
                bytes[out++] = (byte) (buffer >> bits);
            }
        }
        // the 2 or 4 bits left over by a last group of 3 or 2 characters must be zero
        return (buffer & ((1 << bits) - 1)) == 0 ? bytes : null;
    }

    /** @return the unpadded base64url text of the bytes */
    public static String encode(byte[] bytes) {
        return ENCODER.encodeToString(bytes);
    }

    /** @return whether {@code c} is in the base64url alphabet (RFC 4648 §5) */
    public static boolean isAlphabet(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
    }

    /** @return the 6-bit value of a base64url character, or -1 for any other character */
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
        return c == '-' ? 62 : c == '_' ? 63 : -1;
    }
}
