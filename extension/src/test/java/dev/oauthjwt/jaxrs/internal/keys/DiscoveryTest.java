package dev.oauthjwt.jaxrs.internal.keys;

import static dev.oauthjwt.jaxrs.internal.token.ValidatorFixture.accepted;
import static dev.oauthjwt.jaxrs.internal.token.ValidatorFixture.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;

import dev.oauthjwt.jaxrs.internal.Failure;
import dev.oauthjwt.jaxrs.internal.token.TokenValidator;
import dev.oauthjwt.jaxrs.internal.token.ValidatorFixture;
import dev.oauthjwt.jaxrs.support.JwksServer;
import dev.oauthjwt.jaxrs.support.TestKeys;
import dev.oauthjwt.jaxrs.support.Tokens;
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

    private JwksServer server;
    private TestKeys key;
    private String issuer;
    private TokenValidator validator;

    @BeforeEach
    void start() {
        server = new JwksServer();
        key = TestKeys.rsa("k1");
        server.publish(key);
        issuer = server.base() + "/as";
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
        validator = ValidatorFixture.validator(server, values);
        return validator;
    }

    private String metadata(String namedIssuer, String jwksUri) {
        return "{\"issuer\":\"" + namedIssuer + "\",\"jwks_uri\":\"" + jwksUri + "\","
                + "\"token_endpoint\":\"" + namedIssuer + "/token\"}";
    }

    private String token(TestKeys signer) {
        return Tokens.valid(signer).claim("iss", issuer).sign();
    }

    @Test
    void discoversTheJwksUriFromTheOpenIdConfiguration() {
        server.document(OPENID, metadata(issuer, server.uri().toString()));
        TokenValidator discovering = discovering(Map.of());
        assertThat(server.documentRequests(OPENID)).as("nothing is fetched before the first token").isZero();

        assertThat(accepted(discovering, token(key)).getName()).isEqualTo("alice");
        accepted(discovering, token(key));
        assertThat(server.documentRequests(OPENID)).isEqualTo(1);
        assertThat(server.documentRequests(RFC8414)).isZero();
        assertThat(server.requestCount()).isEqualTo(1);
    }

    @Test
    void fallsBackToRfc8414MetadataWhenThereIsNoOpenIdConfiguration() {
        server.document(RFC8414, metadata(issuer, server.uri().toString()));
        accepted(discovering(Map.of()), token(key));
        assertThat(server.documentRequests(OPENID)).isEqualTo(1);
        assertThat(server.documentRequests(RFC8414)).isEqualTo(1);
    }

    @Test
    void I1_refusesMetadataThatNamesAnotherIssuer() {
        server.document(OPENID, metadata(issuer + "/", server.uri().toString()));
        server.document(RFC8414, metadata(server.base() + "/evil", server.uri().toString()));
        assertRejected(discovering(Map.of()), token(key), Failure.KEYS_UNAVAILABLE);
        assertThat(server.requestCount()).as("no JWKS of refused metadata is fetched").isZero();
    }

    @Test
    void I2_refusesMetadataWhoseJwksUriIsPlainHttpOffLoopback() {
        server.document(OPENID, metadata(issuer, "http://as.example.com/jwks"));
        assertRejected(discovering(Map.of()), token(key), Failure.KEYS_UNAVAILABLE);
        assertThat(server.requestCount()).isZero();
    }

    @Test
    void I3_metadataNeverWidensTheAllowedAlgorithms() {
        TestKeys ec = TestKeys.ec("e1", "P-256");
        server.publish(key, ec);
        server.document(OPENID, metadata(issuer, server.uri().toString()).replace("}",
                ",\"id_token_signing_alg_values_supported\":[\"ES256\",\"HS256\"]}"));
        TokenValidator discovering = discovering(Map.of("oauth.jwt.algorithms", "RS256"));
        accepted(discovering, token(key));
        assertRejected(discovering, token(ec), Failure.UNVERIFIABLE);
    }

    @Test
    void I4_refusesMetadataThatIsNotStrictJson() {
        server.document(OPENID, "{\"issuer\":\"" + issuer + "\",\"issuer\":\"" + issuer + "\",\"jwks_uri\":\""
                + server.uri() + "\"}");
        assertRejected(discovering(Map.of()), token(key), Failure.KEYS_UNAVAILABLE);
        assertThat(server.requestCount()).isZero();
    }

    @Test
    void answersUnavailableWhileTheIssuerIsDownThenRecovers() throws Exception {
        TokenValidator discovering = discovering(Map.of());
        assertRejected(discovering, token(key), Failure.KEYS_UNAVAILABLE);
        assertRejected(discovering, token(key), Failure.KEYS_UNAVAILABLE);
        assertThat(server.documentRequests(OPENID)).as("the cooldown holds for metadata too").isEqualTo(1);

        server.document(OPENID, metadata(issuer, server.uri().toString()));
        Thread.sleep(1_100); // the test cooldown is 1 s
        accepted(discovering, token(key));
    }

    @Test
    void keepsTheLastJwksUriWhileTheMetadataFailsAndFetchesRotatedKeys() throws Exception {
        server.document(OPENID, metadata(issuer, server.uri().toString()));
        TokenValidator discovering = discovering(Map.of());
        accepted(discovering, token(key));

        server.document(OPENID, null);
        TestKeys rotated = TestKeys.rsa("k2");
        server.publish(key, rotated);
        Thread.sleep(1_100);
        accepted(discovering, token(rotated));
        assertThat(server.documentRequests(OPENID) + server.documentRequests(RFC8414)).isEqualTo(3);
        assertThat(server.requestCount()).isEqualTo(2);
    }
}
