package dev.oauthjwt.jaxrs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oauthjwt.jaxrs.api.TestTlsClientCertificate;
import dev.oauthjwt.jaxrs.support.DpopProofs;
import dev.oauthjwt.jaxrs.support.SecuredApiTestBase;
import dev.oauthjwt.jaxrs.support.TestCertificates;
import dev.oauthjwt.testsupport.JwksEndpoint;
import dev.oauthjwt.testsupport.TestKeys;
import dev.oauthjwt.testsupport.Tokens;
import jakarta.ws.rs.core.Application;
import java.net.http.HttpResponse;
import java.security.cert.X509Certificate;
import java.util.Map;
import org.glassfish.jersey.server.ResourceConfig;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Certificate-bound tokens (RFC 8705 §3) over HTTP. The client certificate reaches the filter as the servlet request
 * attribute a container sets for TLS client certificates ({@link TestTlsClientCertificate} stands in for TLS here;
 * real TLS is tested on both servers).
 */
class MtlsEndpointTest {

    private static final X509Certificate CLIENT = TestCertificates.selfSigned("client");
    private static final X509Certificate OTHER = TestCertificates.selfSigned("other-client");
    private static final String BINDING_MISMATCH = "The access token is not bound to the presented key or certificate";

    /** The default {@code oauth.jwt.mtls=allowed}. */
    @Nested
    class Allowed extends SecuredApiTestBase {

        @Override
        protected Application configure() {
            return ((ResourceConfig) super.configure()).register(TestTlsClientCertificate.class);
        }

        private String boundToken(X509Certificate certificate) {
            return Tokens.valid(key)
                    .claim("cnf", Map.of("x5t#S256", TestCertificates.thumbprint(certificate)))
                    .sign();
        }

        private HttpResponse<String> withCertificate(String path, String token, X509Certificate certificate) {
            return get(
                    path,
                    "Authorization",
                    "Bearer " + token,
                    "X-Test-Client-Certificate",
                    TestCertificates.der(certificate));
        }

        @Test
        void acceptsCertificateBoundTokenWithItsCertificateAndShowsTheBinding() {
            String token = boundToken(CLIENT);
            HttpResponse<String> response = withCertificate("/api/binding", token, CLIENT);
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).isEqualTo("Bearer mTLS " + TestCertificates.thumbprint(CLIENT));
        }

        @Test
        void P20_certificateBoundTokenWithoutClientCertificate_isRefused() {
            HttpResponse<String> response = getWithToken("/api/data", boundToken(CLIENT));
            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(response.body()).contains(BINDING_MISMATCH);
        }

        @Test
        void P21_certificateOfAnotherClient_isRefused() {
            HttpResponse<String> response = withCertificate("/api/data", boundToken(CLIENT), OTHER);
            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(response.body()).contains(BINDING_MISMATCH);
        }

        @Test
        void P31_certificateBoundTokenWithDpopScheme_isRefused() {
            TestKeys dpopKey = TestKeys.ec("dpop", "P-256");
            String token = boundToken(CLIENT);
            String proof =
                    DpopProofs.of(dpopKey, "GET", uri("/api/data"), token).sign();
            HttpResponse<String> response = get(
                    "/api/data",
                    "Authorization",
                    "DPoP " + token,
                    "DPoP",
                    proof,
                    "X-Test-Client-Certificate",
                    TestCertificates.der(CLIENT));
            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(response.body()).contains(BINDING_MISMATCH);
        }

        @Test
        void unboundTokensIgnoreAClientCertificate() {
            HttpResponse<String> response =
                    withCertificate("/api/binding", Tokens.valid(key).sign(), CLIENT);
            assertThat(response.body()).isEqualTo("Bearer Bearer -");
        }
    }

    /** {@code oauth.jwt.mtls=required}. */
    @Nested
    class Required extends SecuredApiTestBase {

        @Override
        protected Map<String, String> config(JwksEndpoint server) {
            Map<String, String> values = super.config(server);
            values.put("oauth.jwt.mtls", "required");
            return values;
        }

        @Override
        protected Application configure() {
            return ((ResourceConfig) super.configure()).register(TestTlsClientCertificate.class);
        }

        @Test
        void P32_unboundTokenWithCertificate_isRefusedAndBoundOneAccepted() {
            HttpResponse<String> unbound = get(
                    "/api/data",
                    "Authorization",
                    "Bearer " + Tokens.valid(key).sign(),
                    "X-Test-Client-Certificate",
                    TestCertificates.der(CLIENT));
            assertThat(unbound.statusCode()).isEqualTo(401);
            assertThat(unbound.body()).contains("This resource requires a certificate-bound access token");
            String bound = Tokens.valid(key)
                    .claim("cnf", Map.of("x5t#S256", TestCertificates.thumbprint(CLIENT)))
                    .sign();
            assertThat(get(
                                    "/api/data",
                                    "Authorization",
                                    "Bearer " + bound,
                                    "X-Test-Client-Certificate",
                                    TestCertificates.der(CLIENT))
                            .statusCode())
                    .isEqualTo(200);
        }
    }
}
