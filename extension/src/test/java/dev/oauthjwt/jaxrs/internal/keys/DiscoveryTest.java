package dev.oauthjwt.jaxrs.internal.keys;

import static dev.oauthjwt.jaxrs.internal.token.ValidatorFixture.accepted;
import static dev.oauthjwt.jaxrs.internal.token.ValidatorFixture.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;

import dev.oauthjwt.jaxrs.internal.Failure;
import dev.oauthjwt.jaxrs.internal.token.TokenValidator;
import dev.oauthjwt.jaxrs.internal.token.ValidatorFixture;
import dev.oauthjwt.testsupport.AuthorizationServerStub;
import dev.oauthjwt.testsupport.StubEndpoint;
import dev.oauthjwt.testsupport.TestKeys;
import dev.oauthjwt.testsupport.Tokens;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The JWKS URL discovered from the issuer's metadata (OpenID Connect Discovery 1.0 §4, RFC 8414 §3), when
 * {@code oauth.jwt.jwks-uri} is absent. New attack cases of this feature are numbered I1 and up.
 */
class DiscoveryTest {

    private static final String OPENID = "/as/.well-known/openid-configuration";
    private static final String RFC8414 = "/.well-known/oauth-authorization-server/as";

    private AuthorizationServerStub server;
    private TestKeys key;
    private String issuer;
    private TokenValidator validator;

    @BeforeEach
    void start() {
        server = AuthorizationServerStub.start();
        key = TestKeys.rsa("k1");
        server.jwks().publish(key);
        issuer = server.uri("/as").toString();
    }

    @AfterEach
    void stop() {
        if (validator != null) {
            validator.close();
        }
        server.close();
    }

    private TokenValidator discovering(Map<String, String> extra) {
        Map<String, String> values = new HashMap<>(extra);
        values.put("oauth.jwt.jwks-uri", "");
        values.put("oauth.jwt.issuer", issuer);
        validator = ValidatorFixture.validator(server.jwks(), values);
        return validator;
    }

    private String metadata(String namedIssuer, String jwksUri) {
        return "{\"issuer\":\"" + namedIssuer + "\",\"jwks_uri\":\"" + jwksUri + "\"," + "\"token_endpoint\":\""
                + namedIssuer + "/token\"}";
    }

    private StubEndpoint document(String path, String json) {
        return server.document(path, "application/json", json);
    }

    private String jwksUri() {
        return server.jwks().uri().toString();
    }

    private int jwksRequests() {
        return server.jwks().requestCount();
    }

    private String token(TestKeys signer) {
        return Tokens.valid(signer).claim("iss", issuer).sign();
    }

    @Test
    void discoversTheJwksUriFromTheOpenIdConfiguration() {
        StubEndpoint openid = document(OPENID, metadata(issuer, jwksUri()));
        StubEndpoint rfc8414 = document(RFC8414, metadata(issuer, jwksUri()));
        TokenValidator discovering = discovering(Map.of());
        assertThat(openid.requestCount())
                .as("nothing is fetched before the first token")
                .isZero();

        assertThat(accepted(discovering, token(key)).getName()).isEqualTo("alice");
        accepted(discovering, token(key));
        assertThat(openid.requestCount()).isEqualTo(1);
        assertThat(rfc8414.requestCount()).isZero();
        assertThat(jwksRequests()).isEqualTo(1);
    }

    @Test
    void fallsBackToRfc8414MetadataWhenThereIsNoOpenIdConfiguration() {
        StubEndpoint openid = document(OPENID, "{}").failWith(404);
        StubEndpoint rfc8414 = document(RFC8414, metadata(issuer, jwksUri()));
        accepted(discovering(Map.of()), token(key));
        assertThat(openid.requestCount()).isEqualTo(1);
        assertThat(rfc8414.requestCount()).isEqualTo(1);
    }

    @Test
    void I1_refusesMetadataThatNamesAnotherIssuer() {
        document(OPENID, metadata(issuer + "/", jwksUri()));
        document(RFC8414, metadata(server.uri("/evil").toString(), jwksUri()));
        assertRejected(discovering(Map.of()), token(key), Failure.KEYS_UNAVAILABLE);
        assertThat(jwksRequests()).as("no JWKS of refused metadata is fetched").isZero();
    }

    @Test
    void I2_refusesMetadataWhoseJwksUriIsPlainHttpOffLoopback() {
        document(OPENID, metadata(issuer, "http://as.example.com/jwks"));
        assertRejected(discovering(Map.of()), token(key), Failure.KEYS_UNAVAILABLE);
        assertThat(jwksRequests()).isZero();
    }

    @Test
    void I3_metadataNeverWidensTheAllowedAlgorithms() {
        TestKeys ec = TestKeys.ec("e1", "P-256");
        server.jwks().publish(key, ec);
        document(
                OPENID,
                metadata(issuer, jwksUri())
                        .replace("}", ",\"id_token_signing_alg_values_supported\":[\"ES256\",\"HS256\"]}"));
        TokenValidator discovering = discovering(Map.of("oauth.jwt.algorithms", "RS256"));
        accepted(discovering, token(key));
        assertRejected(discovering, token(ec), Failure.UNVERIFIABLE);
    }

    @Test
    void I4_refusesMetadataThatIsNotStrictJson() {
        document(
                OPENID,
                "{\"issuer\":\"" + issuer + "\",\"issuer\":\"" + issuer + "\",\"jwks_uri\":\"" + jwksUri() + "\"}");
        assertRejected(discovering(Map.of()), token(key), Failure.KEYS_UNAVAILABLE);
        assertThat(jwksRequests()).isZero();
    }

    @Test
    void answersUnavailableWhileTheIssuerIsDownThenRecovers() throws Exception {
        StubEndpoint openid = document(OPENID, metadata(issuer, jwksUri())).failWith(503);
        TokenValidator discovering = discovering(Map.of());
        assertRejected(discovering, token(key), Failure.KEYS_UNAVAILABLE);
        assertRejected(discovering, token(key), Failure.KEYS_UNAVAILABLE);
        assertThat(openid.requestCount())
                .as("the cooldown holds for metadata too")
                .isEqualTo(1);

        openid.serveNormally();
        Thread.sleep(1_100); // the test cooldown is 1 s
        accepted(discovering, token(key));
    }

    @Test
    void keepsTheLastJwksUriWhileTheMetadataFailsAndFetchesRotatedKeys() throws Exception {
        StubEndpoint openid = document(OPENID, metadata(issuer, jwksUri()));
        StubEndpoint rfc8414 = document(RFC8414, "{}").failWith(404);
        TokenValidator discovering = discovering(Map.of());
        accepted(discovering, token(key));

        openid.failWith(404);
        TestKeys rotated = TestKeys.rsa("k2");
        server.jwks().publish(key, rotated);
        Thread.sleep(1_100);
        accepted(discovering, token(rotated));
        assertThat(openid.requestCount() + rfc8414.requestCount()).isEqualTo(3);
        assertThat(jwksRequests()).isEqualTo(2);
    }
}
