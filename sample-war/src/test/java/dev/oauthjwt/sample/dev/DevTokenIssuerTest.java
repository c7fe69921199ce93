package dev.oauthjwt.sample.dev;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.jose4j.jwk.EcJwkGenerator;
import org.jose4j.jwk.EllipticCurveJsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.jwk.VerificationJwkSelector;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.keys.EllipticCurves;
import org.jose4j.lang.HashUtil;
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

        String jwks = client.send(
                        HttpRequest.newBuilder(URI.create(issuer.jwksUri())).build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
        JsonWebSignature jws = new JsonWebSignature();
        jws.setCompactSerialization(token);
        jws.setKey(new VerificationJwkSelector()
                .select(jws, new JsonWebKeySet(jwks).getJsonWebKeys())
                .getKey());
        assertThat(jws.verifySignature()).isTrue();
        assertThat(jws.getAlgorithmHeaderValue()).isEqualTo("RS256");
        assertThat(jwks).doesNotContain("\"d\"");

        JwtClaims claims = JwtClaims.parse(jws.getPayload());
        assertThat(claims.getIssuer()).isEqualTo(issuer.issuer());
        assertThat(claims.getSubject()).isEqualTo("bob");
        assertThat(claims.getAudience()).isEqualTo(List.of("sample-api"));
        assertThat(claims.getStringClaimValue("scope")).isEqualTo("read write");
        assertThat(claims.getStringClaimValue("role")).isEqualTo("admin");
        assertThat(claims.getExpirationTime().getValue() - claims.getIssuedAt().getValue())
                .isEqualTo(300);
    }

    @Test
    void servesOpenIdMetadataNamingItsIssuerAndJwks() throws Exception {
        HttpResponse<String> response = client.send(
                HttpRequest.newBuilder(URI.create(issuer.issuer() + "/.well-known/openid-configuration"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body())
                .isEqualTo("{\"issuer\":\"" + issuer.issuer() + "\",\"jwks_uri\":\"" + issuer.jwksUri()
                        + "\",\"token_endpoint\":\"" + issuer.tokenUri() + "\"}");
    }

    @Test
    void mintsKeycloakShapedRealmAndClientRoles() throws Exception {
        String token = post("realm_roles=admin+offline_access&client_roles=orders-admin", "text/plain")
                .body();

        JwtClaims claims = JwtClaims.parse(new String(
                java.util.Base64.getUrlDecoder().decode(token.split("\\.")[1]),
                java.nio.charset.StandardCharsets.UTF_8));
        assertThat(claims.getClaimValue("realm_access")).isEqualTo(Map.of("roles", List.of("admin", "offline_access")));
        assertThat(claims.getClaimValue("resource_access"))
                .isEqualTo(Map.of("sample-api", Map.of("roles", List.of("orders-admin"))));
        assertThat(claims.hasClaim("role")).isFalse();
    }

    @Test
    void answersAnOAuthTokenResponseByDefault() throws Exception {
        HttpResponse<String> response = post("scope=read", null);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(response.body()).startsWith("{\"access_token\":\"ey").contains("\"token_type\":\"Bearer\"");
    }

    @Test
    @SuppressWarnings("unchecked")
    void bindsTokensToTheKeyOfATokenRequestProofOrToTheDemoClientKey() throws Exception {
        EllipticCurveJsonWebKey clientKey = EcJwkGenerator.generateJwk(EllipticCurves.P256);
        JwtClaims proofClaims = new JwtClaims();
        proofClaims.setGeneratedJwtId();
        proofClaims.setStringClaim("htm", "POST");
        proofClaims.setStringClaim("htu", issuer.tokenUri());
        proofClaims.setIssuedAtToNow();
        JsonWebSignature proof = new JsonWebSignature();
        proof.setPayload(proofClaims.toJson());
        proof.setAlgorithmHeaderValue("ES256");
        proof.setHeader("typ", "dpop+jwt");
        proof.setJwkHeader(PublicJsonWebKey.Factory.newPublicJwk(clientKey.getECPublicKey()));
        proof.setKey(clientKey.getPrivateKey());
        HttpResponse<String> response = client.send(
                HttpRequest.newBuilder(URI.create(issuer.tokenUri()))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("DPoP", proof.getCompactSerialization())
                        .POST(HttpRequest.BodyPublishers.ofString("scope=read"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.body()).contains("\"token_type\":\"DPoP\"");
        String token = response.body().replaceAll(".*\"access_token\":\"([^\"]+)\".*", "$1");
        assertThat(jkt(token)).isEqualTo(clientKey.calculateBase64urlEncodedThumbprint(HashUtil.SHA_256));

        String demoToken = post("scope=read&dpop=true", "text/plain").body();
        String demoProof = client.send(
                        HttpRequest.newBuilder(URI.create(issuer.dpopProofUri()))
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .POST(HttpRequest.BodyPublishers.ofString(
                                        "htm=GET&htu=http://localhost:8080/api/binding&token=" + demoToken))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
        JsonWebSignature signed = new JsonWebSignature();
        signed.setCompactSerialization(demoProof);
        PublicJsonWebKey demoKey = PublicJsonWebKey.Factory.newPublicJwk(
                (Map<String, Object>) signed.getHeaders().getObjectHeaderValue("jwk"));
        signed.setKey(demoKey.getPublicKey());
        assertThat(signed.verifySignature()).isTrue();
        assertThat(jkt(demoToken)).isEqualTo(demoKey.calculateBase64urlEncodedThumbprint(HashUtil.SHA_256));
        assertThat(JwtClaims.parse(signed.getPayload()).getStringClaimValue("htu"))
                .isEqualTo("http://localhost:8080/api/binding");

        HttpResponse<String> forged = client.send(
                HttpRequest.newBuilder(URI.create(issuer.tokenUri()))
                        .header("DPoP", "e30.e30.c2ln")
                        .POST(HttpRequest.BodyPublishers.ofString("scope=read"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(forged.statusCode()).isEqualTo(400);
    }

    @SuppressWarnings("unchecked")
    private static String jkt(String token) throws Exception {
        String payload = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
        return (String) ((Map<String, Object>) JwtClaims.parse(payload).getClaimValue("cnf")).get("jkt");
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
