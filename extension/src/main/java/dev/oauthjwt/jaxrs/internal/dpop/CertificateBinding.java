package dev.oauthjwt.jaxrs.internal.dpop;

import dev.oauthjwt.jaxrs.internal.jose.Base64Url;
import dev.oauthjwt.jaxrs.internal.jose.PublicJwk;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;

/**
 * Checks a certificate-bound access token (RFC 8705 §3): the request came over TLS with a client certificate whose
 * DER encoding has the SHA-256 thumbprint (base64url) of the token's {@code cnf.x5t#S256}. The certificate is the
 * first of the servlet request attribute {@value #ATTRIBUTE}, set by the container only for a TLS connection on which
 * the client presented a certificate that the server's TLS configuration accepted.
 */
final class CertificateBinding {

    /** The servlet request attribute with the client's certificate chain, the client's own first. */
    static final String ATTRIBUTE = "jakarta.servlet.request.X509Certificate";

    private CertificateBinding() {}

    /**
     * @param thumbprint the token's {@code cnf.x5t#S256}
     * @param attribute the value of {@value #ATTRIBUTE}, or {@code null} when the request carried no certificate
     * @return whether the request's client certificate is the one the token is bound to
     */
    static boolean matches(String thumbprint, Object attribute) {
        if (!(attribute instanceof X509Certificate[] chain) || chain.length == 0 || chain[0] == null) {
            return false;
        }
        try {
            String actual = Base64Url.encode(PublicJwk.sha256(chain[0].getEncoded()));
            return MessageDigest.isEqual(
                    actual.getBytes(StandardCharsets.US_ASCII), thumbprint.getBytes(StandardCharsets.US_ASCII));
        } catch (CertificateEncodingException unusable) {
            return false;
        }
    }
}
