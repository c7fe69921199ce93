package dev.oauthjwt.jaxrs.internal.http;

import dev.oauthjwt.jaxrs.internal.Failure;
import dev.oauthjwt.jaxrs.internal.TokenRejectedException;
import dev.oauthjwt.jaxrs.internal.token.TokenValidator;
import java.util.List;

/**
 * Takes the access token from the {@code Authorization} header values of a request, per RFC 6750 §2.1:
 * {@code credentials = "Bearer" 1*SP b64token}, with the scheme matched case-insensitively and
 * {@code b64token = 1*( ALPHA / DIGIT / "-" / "." / "_" / "~" / "+" / "/" ) *"="}. Leading and trailing SP and HTAB
 * are optional whitespace around the field value, not part of it (RFC 9110 §5.5), and are ignored; whitespace inside
 * the credential is not. With DPoP accepted, {@code credentials = "DPoP" 1*SP token68} (RFC 9449 §7.1) the same
 * way. Linear in the header length.
 */
public final class BearerTokenExtractor {

    private static final String SCHEME = "Bearer";
    private static final String DPOP_SCHEME = "DPoP";

    private BearerTokenExtractor() {}

    /** A credential taken from the header: the token and whether it came with the {@code DPoP} scheme. */
    public record Credential(String token, boolean dpop) {}

    /**
     * @param authorizationValues every {@code Authorization} field value of the request (null or empty when absent)
     * @param tokenInQuery whether the query also carries {@code access_token}
     * @return the token text
     * @throws TokenRejectedException with the failure to answer
     */
    public static String extract(List<String> authorizationValues, boolean tokenInQuery) throws TokenRejectedException {
        return extract(authorizationValues, tokenInQuery, false).token();
    }

    /**
     * Also accepts the {@code DPoP} scheme of RFC 9449 §7.1 when asked to, with the same {@code token68} grammar;
     * otherwise a {@code DPoP} credential is another scheme (no credentials).
     *
     * @param authorizationValues every {@code Authorization} field value of the request (null or empty when absent)
     * @param tokenInQuery whether the query also carries {@code access_token}
     * @param acceptDpop whether the {@code DPoP} scheme is accepted
     * @return the token text and its scheme
     * @throws TokenRejectedException with the failure to answer
     */
    public static Credential extract(List<String> authorizationValues, boolean tokenInQuery, boolean acceptDpop)
            throws TokenRejectedException {
        if (authorizationValues == null || authorizationValues.isEmpty()) {
            throw new TokenRejectedException(Failure.NO_CREDENTIALS);
        }
        if (authorizationValues.size() > 1) {
            throw new TokenRejectedException(Failure.MULTIPLE_CREDENTIALS);
        }
        String value = withoutOptionalWhitespace(authorizationValues.get(0));
        boolean dpop =
                acceptDpop && value != null && value.regionMatches(true, 0, DPOP_SCHEME, 0, DPOP_SCHEME.length());
        String scheme = dpop ? DPOP_SCHEME : SCHEME;
        if (value == null || !value.regionMatches(true, 0, scheme, 0, scheme.length())) {
            throw new TokenRejectedException(Failure.NO_CREDENTIALS);
        }
        if (value.length() == scheme.length()) {
            throw new TokenRejectedException(Failure.MALFORMED_HEADER);
        }
        char separator = value.charAt(scheme.length());
        if (separator == '\t' || separator == '\u00A0') {
            throw new TokenRejectedException(Failure.MALFORMED_HEADER);
        }
        if (separator != ' ') {
            throw new TokenRejectedException(Failure.NO_CREDENTIALS); // another scheme, e.g. "Bearer:x" or "BearerX"
        }
        int start = scheme.length();
        while (start < value.length() && value.charAt(start) == ' ') {
            start++;
        }
        if (start == value.length()) {
            throw new TokenRejectedException(Failure.MALFORMED_HEADER);
        }
        if (value.length() - start > TokenValidator.MAX_TOKEN_LENGTH) {
            throw new TokenRejectedException(Failure.TOKEN_TOO_LARGE);
        }
        String token = value.substring(start);
        if (!isB64Token(token)) {
            boolean secondCredential = token.indexOf(',') >= 0;
            throw new TokenRejectedException(
                    secondCredential ? Failure.MULTIPLE_CREDENTIALS : Failure.MALFORMED_HEADER);
        }
        if (tokenInQuery) {
            throw new TokenRejectedException(Failure.MULTIPLE_CREDENTIALS);
        }
        return new Credential(token, dpop);
    }

    /** Strips the SP and HTAB that RFC 9110 §5.5 puts around a field value; {@code null} stays {@code null}. */
    private static String withoutOptionalWhitespace(String value) {
        if (value == null) {
            return null;
        }
        int start = 0;
        int end = value.length();
        while (start < end && isOptionalWhitespace(value.charAt(start))) {
            start++;
        }
        while (end > start && isOptionalWhitespace(value.charAt(end - 1))) {
            end--;
        }
        return value.substring(start, end);
    }

    private static boolean isOptionalWhitespace(char c) {
        return c == ' ' || c == '\t';
    }

    static boolean isB64Token(String token) {
        int i = 0;
        int n = token.length();
        while (i < n && isB64TokenChar(token.charAt(i))) {
            i++;
        }
        if (i == 0) {
            return false;
        }
        while (i < n && token.charAt(i) == '=') {
            i++;
        }
        return i == n;
    }

    private static boolean isB64TokenChar(char c) {
        return (c >= 'A' && c <= 'Z')
                || (c >= 'a' && c <= 'z')
                || (c >= '0' && c <= '9')
                || c == '-'
                || c == '.'
                || c == '_'
                || c == '~'
                || c == '+'
                || c == '/';
    }
}
