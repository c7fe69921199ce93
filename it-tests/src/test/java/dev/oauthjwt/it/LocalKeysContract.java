package dev.oauthjwt.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.jose4j.json.JsonUtil;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The sample WAR configured with a local PEM key ({@code oauth.jwt.public-keys}), the RFC 9068 profile and an RFC 9728
 * resource, on a real server ({@link PayaraMicroLocalKeysIT}, {@link OpenLibertyLocalKeysIT}): tokens verified without
 * any Authorization Server, and the metadata served by the extension with no code of the application.
 */
@ExtendWith(LocalKeysServers.class)
abstract class LocalKeysContract extends SampleApiClient {

    private static final String RESOURCE_METADATA =
            "resource_metadata=\"http://127.0.0.1/api/.well-known/oauth-protected-resource/sample-api\"";

    TestKey key;

    @BeforeEach
    void server(LocalKeysServer local) {
        this.server = local.server();
        this.key = local.key();
    }

    @Override
    String realm() {
        return LocalKeysServer.REALM;
    }

    private String profiled(String scope, String role) {
        return key.token(scope, role, claims -> claims.setClaim("client_id", "it-client"));
    }

    private String typedJwt() throws Exception {
        JwtClaims claims = JwtClaims.parse(claimsJson(profiled("read", "admin")));
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(key.jwk().getPrivateKey());
        jws.setKeyIdHeaderValue(key.kid());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        jws.setHeader("typ", "JWT");
        return jws.getCompactSerialization();
    }

    private static String claimsJson(String token) {
        return new String(
                java.util.Base64.getUrlDecoder().decode(token.split("\\.")[1]),
                java.nio.charset.StandardCharsets.UTF_8);
    }

    /** A 401 invalid_token whose challenges (Bearer and DPoP) all name the resource metadata. */
    private static void assertRefused(HttpResponse<String> response, String description) {
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().allValues("WWW-Authenticate"))
                .hasSize(2)
                .allSatisfy(value -> assertThat(value).endsWith(RESOURCE_METADATA));
        assertThat(challenge(response))
                .startsWith("Bearer realm=\"" + LocalKeysServer.REALM + "\"")
                .contains("error=\"invalid_token\"", "error_description=\"" + description + "\"");
    }

    @Test
    void acceptsAnRfc9068TokenVerifiedByTheLocalPemKey() throws Exception {
        HttpResponse<String> response = get("/api/data", profiled("read", "admin"));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(READ_ADMIN_MESSAGE);
    }

    @Test
    void refusesATokenSignedByAnotherKey() throws Exception {
        TestKey attacker = TestKey.generate();
        String forged = attacker.sign(claimsJson(profiled("read", "admin")), key.kid());
        assertRefused(get("/api/data", forged), "The access token signature could not be verified");
    }

    @Test
    void rfc9068ProfileRefusesTypJwt() throws Exception {
        assertRefused(get("/api/data", typedJwt()), "The access token type is not accepted");
    }

    @Test
    void rfc9068ProfileRefusesATokenWithoutClientId() throws Exception {
        assertRefused(get("/api/data", key.token("read", "admin")), "The access token lacks a required claim");
    }

    @Test
    void everyChallengeNamesTheResourceMetadata() throws Exception {
        HttpResponse<String> bare = get("/api/data", null);
        assertThat(challenge(bare)).isEqualTo("Bearer realm=\"" + LocalKeysServer.REALM + "\", " + RESOURCE_METADATA);
        assertThat(bare.headers().allValues("WWW-Authenticate"))
                .allSatisfy(value -> assertThat(value).endsWith(RESOURCE_METADATA));
        HttpResponse<String> forbidden = get("/api/scope", profiled("write", "admin"));
        assertThat(forbidden.statusCode()).isEqualTo(403);
        assertThat(challenge(forbidden)).contains("scope=\"read\"").endsWith(RESOURCE_METADATA);
    }

    @Test
    void servesTheProtectedResourceMetadataWithNoApplicationCode() throws Exception {
        HttpResponse<String> response = get(LocalKeysServer.METADATA_PATH, null);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        Map<String, Object> document = JsonUtil.parseJson(response.body());
        assertThat(document.get("resource")).isEqualTo(LocalKeysServer.RESOURCE);
        assertThat(document.get("authorization_servers")).isEqualTo(List.of(TestKey.ISSUER));
        assertThat(document.get("bearer_methods_supported")).isEqualTo(List.of("header"));
        assertThat(document.get("scopes_supported")).isEqualTo(List.of("read"));
        assertThat(document.get("dpop_bound_access_tokens_required")).isEqualTo(false);
    }

    @Test
    void servesNoMetadataForAnotherResourcePath() throws Exception {
        assertThat(get("/api/.well-known/oauth-protected-resource", null).statusCode())
                .isEqualTo(404);
        assertThat(get("/api/.well-known/oauth-protected-resource/other-api", null)
                        .statusCode())
                .isEqualTo(404);
    }
}
