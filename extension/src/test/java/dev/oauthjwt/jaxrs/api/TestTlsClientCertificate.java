package dev.oauthjwt.jaxrs.api;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import java.io.ByteArrayInputStream;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Base64;

/**
 * Test stand-in for a servlet container's TLS layer (Grizzly here runs plain HTTP): puts the certificate of the
 * {@code X-Test-Client-Certificate} header (base64 DER) into the request property
 * {@code jakarta.servlet.request.X509Certificate}, as a container does for a TLS client certificate. Real TLS with
 * client certificates is tested on Payara Micro and Open Liberty.
 */
@PreMatching
public class TestTlsClientCertificate implements ContainerRequestFilter {

    @Override
    public void filter(ContainerRequestContext request) {
        String der = request.getHeaderString("X-Test-Client-Certificate");
        if (der == null) {
            return;
        }
        try {
            X509Certificate certificate = (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(
                            new ByteArrayInputStream(Base64.getDecoder().decode(der)));
            request.setProperty("jakarta.servlet.request.X509Certificate", new X509Certificate[] {certificate});
        } catch (CertificateException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
