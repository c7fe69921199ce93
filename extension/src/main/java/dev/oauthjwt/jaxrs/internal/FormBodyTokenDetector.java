package dev.oauthjwt.jaxrs.internal;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MediaType;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * Detects an {@code access_token} parameter in an {@code application/x-www-form-urlencoded} request body (RFC 6750
 * §2.2), so that a request carrying a token in the header and in the body is answered {@code invalid_request}
 * (RFC 6750 §2: clients MUST NOT use more than one method). The token in the body itself is never used.
 *
 * <p>Only form bodies are looked at; the entity of any other media type is not touched. At most
 * {@link #MAX_SCANNED_BYTES} bytes are read; they are handed back to the application unchanged, followed by the rest
 * of the stream, so the resource still reads the complete body. A parameter beyond the scanned prefix is not detected
 * (documented in the security policy table).
 */
final class FormBodyTokenDetector {

    static final int MAX_SCANNED_BYTES = 64 * 1024;
    private static final String PARAMETER = "access_token";

    private FormBodyTokenDetector() {
    }

    /**
     * @param request the request whose header token was already accepted
     * @return whether its form body names an {@code access_token} parameter within the scanned prefix
     */
    static boolean bodyCarriesToken(ContainerRequestContext request) {
        MediaType type = request.getMediaType();
        if (type == null || !MediaType.APPLICATION_FORM_URLENCODED_TYPE.isCompatible(type)
                || type.isWildcardType() || type.isWildcardSubtype() || !request.hasEntity()) {
            return false;
        }
        InputStream original = request.getEntityStream();
        byte[] prefix = new byte[MAX_SCANNED_BYTES];
        int size = 0;
        boolean ended = false;
        try {
            while (size < prefix.length) {
                int n = original.read(prefix, size, prefix.length - size);
                if (n < 0) {
                    ended = true;
                    break;
                }
                size += n;
            }
        } catch (IOException unreadable) {
            ended = true; // the resource will meet the same failure when it reads the body
        } finally {
            InputStream scanned = new ByteArrayInputStream(prefix, 0, size);
            request.setEntityStream(ended ? scanned : new SequenceInputStream(scanned, original));
        }
        return namesToken(new String(prefix, 0, size, StandardCharsets.ISO_8859_1), ended);
    }

    /** Scans {@code name[=value]} pairs separated by {@code &}; a truncated last pair is ignored unless complete. */
    static boolean namesToken(String form, boolean complete) {
        int start = 0;
        while (start <= form.length()) {
            int end = form.indexOf('&', start);
            boolean last = end < 0;
            if (last) {
                end = form.length();
            }
            int eq = form.indexOf('=', start);
            int nameEnd = eq >= 0 && eq < end ? eq : end;
            boolean nameComplete = !last || complete || eq >= 0 && eq < end;
            if (nameComplete && isTokenName(form.substring(start, nameEnd))) {
                return true;
            }
            if (last) {
                return false;
            }
            start = end + 1;
        }
        return false;
    }

    private static boolean isTokenName(String rawName) {
        if (rawName.length() > 3 * PARAMETER.length()) {
            return false;
        }
        if (rawName.equals(PARAMETER)) {
            return true;
        }
        try {
            return URLDecoder.decode(rawName, StandardCharsets.UTF_8).equals(PARAMETER);
        } catch (IllegalArgumentException malformedEscape) {
            return false;
        }
    }
}
