package dev.oauthjwt.sample.dev;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.VerificationJwkSelector;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The development token issuer mints RS256 tokens that verify against its own JWKS, with the requested claims. */
class DevTokenIssuerTest {

    private final HttpClient client = HttpClient.newHttpClient();
    private DevTokenIssuer issuer;

    @BeforeEach
    void start() throws Exception {
        issuer = DevTokenIssuer.start(0);
    }

    @AfterEach
    void stop() {
        issuer.close();
    }

    @Test
    void mintsTokensThatVerifyAgainstItsJwks() throws Exception {
        String token = post("scope=read+write&role=admin&sub=bob", "text/plain").body();

        String jwks = client.send(HttpRequest.newBuilder(URI.create(issuer.jwksUri())).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        JsonWebSignature jws = new JsonWebSignature();
        jws.setCompactSerialization(token);
        jws.setKey(new VerificationJwkSelector().select(jws, new JsonWebKeySet(jwks).getJsonWebKeys()).getKey());
        assertThat(jws.verifySignature()).isTrue();
        assertThat(jws.getAlgorithmHeaderValue()).isEqualTo("RS256");
        assertThat(jwks).doesNotContain("\"d\"");

        JwtClaims claims = JwtClaims.parse(jws.getPayload());
        assertThat(claims.getIssuer()).isEqualTo(issuer.issuer());
        assertThat(claims.getSubject()).isEqualTo("bob");
        assertThat(claims.getAudience()).isEqualTo(List.of("sample-api"));
        assertThat(claims.getStringClaimValue("scope")).isEqualTo("read write");
        assertThat(claims.getStringClaimValue("role")).isEqualTo("admin");
        assertThat(claims.getExpirationTime().getValue() - claims.getIssuedAt().getValue()).isEqualTo(300);
    }

    @Test
    void servesOpenIdMetadataNamingItsIssuerAndJwks() throws Exception {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(
                URI.create(issuer.issuer() + "/.well-known/openid-configuration")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"issuer\":\"" + issuer.issuer() + "\",\"jwks_uri\":\""
                + issuer.jwksUri() + "\",\"token_endpoint\":\"" + issuer.tokenUri() + "\"}");
    }

    @Test
    void answersAnOAuthTokenResponseByDefault() throws Exception {
        HttpResponse<String> response = post("scope=read", null);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(response.body()).startsWith("{\"access_token\":\"ey").contains("\"token_type\":\"Bearer\"");
    }

    private HttpResponse<String> post(String form, String accept) throws Exception {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(issuer.tokenUri()))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        if (accept != null) {
            builder.header("Accept", accept);
        }
        return client.send(builder.build(), HttpResponse.BodyHandlers.ofString());
    }
}
