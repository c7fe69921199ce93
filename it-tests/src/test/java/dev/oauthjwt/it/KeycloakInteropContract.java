package dev.oauthjwt.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Interop with a real Authorization Server: tokens from Keycloak's token endpoint (client-credentials grant, realm
 * {@code src/test/resources/keycloak/realm-oauth-jwt.json}) sent over real HTTP to the sample WAR on a real server
 * that trusts Keycloak's issuer and JWKS. One subclass per server and matrix ({@link PayaraMicroKeycloakIT},
 * {@link OpenLibertyKeycloakIT}, {@link PayaraMicroEe11KeycloakIT}, {@link OpenLibertyJava25KeycloakIT}); Keycloak and
 * the servers are started once per run by {@link Keycloak} and {@link KeycloakServers}. DPoP: Keycloak binds a token
 * to the key of the proof sent with the token request ({@link KeycloakServer#dpopClientCredentialsToken}).
 */
@ExtendWith({Keycloak.class, KeycloakServers.class})
abstract class KeycloakInteropContract extends SampleApiClient {

    /** {@code oauth.jwt.jwks.min-refresh-interval} of the servers (1 s), plus a margin. */
    private static final long COOLDOWN_MILLIS = 1_500;

    KeycloakServer keycloak;

    @BeforeEach
    void servers(KeycloakServer keycloak, ManagedServer server) {
        this.keycloak = keycloak;
        this.server = server;
    }

    @Override
    String realm() {
        return KeycloakServers.API_REALM;
    }

    @Test
    void serverRunsTheServerVersionFeaturesAndJavaOfItsMatrix() throws Exception {
        assertServerRunsItsMatrix();
    }

    @Test
    void aTokenOfTheSecondRealmIsAcceptedAsASecondTenant() throws Exception {
        String token = keycloak.clientCredentialsToken(KeycloakServer.PARTNER_REALM, "sample-client", null);
        assertThat(KeycloakServer.claims(token)).containsEntry("iss", keycloak.issuer(KeycloakServer.PARTNER_REALM));
        HttpResponse<String> response = get("/api/data", token);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(READ_ADMIN_MESSAGE);
    }

    @Test
    void I14_anEndpointLimitedToTheSecondTenantRefusesAValidTokenOfTheFirstRealm() throws Exception {
        String main = keycloak.clientCredentialsToken("sample-client", null);
        assertThat(get("/api/data", main).statusCode()).isEqualTo(200);
        HttpResponse<String> refused = get("/api/partner", main);
        assertInvalidToken(refused);
        assertThat(challenge(refused))
                .contains("error_description=\"The access token was issued by an untrusted issuer\"");
        String partner = keycloak.clientCredentialsToken(KeycloakServer.PARTNER_REALM, "sample-client", null);
        HttpResponse<String> accepted = get("/api/partner", partner);
        assertThat(accepted.statusCode()).isEqualTo(200);
        assertThat(accepted.body())
                .contains(String.valueOf(KeycloakServer.claims(partner).get("sub")));
    }

    @Test
    void rs256TokenGetsTheSeedMessageWithKeycloakScopeAndRole() throws Exception {
        String token = keycloak.clientCredentialsToken("sample-client", null);
        assertThat(KeycloakServer.header(token)).containsEntry("alg", "RS256").containsEntry("typ", "JWT");

        HttpResponse<String> response = get("/api/data", token);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(READ_ADMIN_MESSAGE);
    }

    @Test
    void requestedOptionalScopeShowsInTheSeedMessage() throws Exception {
        HttpResponse<String> response = get("/api/data", keycloak.clientCredentialsToken("sample-client", "write"));

        assertThat(response.statusCode()).isEqualTo(200);
        // Keycloak does not order the scope string
        assertThat(response.body())
                .containsAnyOf("scope 'read write' and role 'admin'", "scope 'write read' and role 'admin'");
    }

    @Test
    void scopeAndClaimEndpointsSeeTheServiceAccountSubject() throws Exception {
        String token = keycloak.clientCredentialsToken("sample-client", null);
        String sub = (String) KeycloakServer.claims(token).get("sub");

        HttpResponse<String> scope = get("/api/scope", token);
        HttpResponse<String> claim = get("/api/claim", token);

        assertThat(scope.statusCode()).isEqualTo(200);
        assertThat(scope.body()).isEqualTo("{\"subject\":\"" + sub + "\",\"scope\":\"read\"}");
        assertThat(claim.statusCode()).isEqualTo(200);
        assertThat(claim.body()).isEqualTo("{\"subject\":\"" + sub + "\",\"role\":\"admin\"}");
    }

    @Test
    void es256AtJwtTokenIsAccepted() throws Exception {
        String token = keycloak.clientCredentialsToken("es256-client", null);
        assertThat(KeycloakServer.header(token)).containsEntry("alg", "ES256").containsEntry("typ", "at+jwt");

        HttpResponse<String> data = get("/api/data", token);
        HttpResponse<String> scope = get("/api/scope", token);

        assertThat(data.statusCode()).isEqualTo(200);
        assertThat(data.body()).contains("scope 'read' and role 'admin'");
        assertThat(scope.statusCode()).isEqualTo(200);
    }

    @Test
    void tokenWithoutReadScopeGets403OnScopeEndpoint() throws Exception {
        String token = keycloak.clientCredentialsToken("no-read-client", null);
        assertThat(KeycloakServer.claims(token)).containsEntry("aud", KeycloakServer.AUDIENCE);

        HttpResponse<String> response = get("/api/scope", token);

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(challenge(response))
                .startsWith("Bearer realm=\"" + KeycloakServers.API_REALM + "\"")
                .contains("error=\"insufficient_scope\"")
                .contains("scope=\"read\"");
        assertThat(get("/api/data", token).statusCode()).isEqualTo(200); // otherwise valid
    }

    @Test
    void tokenForAnotherAudienceGets401() throws Exception {
        String token = keycloak.clientCredentialsToken("other-api-client", null);
        assertThat(KeycloakServer.claims(token)).containsEntry("aud", "other-api");

        HttpResponse<String> response = get("/api/data", token);

        assertInvalidToken(response);
        assertThat(challenge(response))
                .contains("error_description=\"The access token is not intended for this audience\"");
    }

    @Test
    void acceptsTokensOfARotatedKeycloakKeyWithoutRestartAndOldOnesWhilePublished() throws Exception {
        String oldToken = keycloak.clientCredentialsToken("sample-client", null);
        String oldKid = (String) KeycloakServer.header(oldToken).get("kid");
        assertThat(get("/api/data", oldToken).statusCode()).isEqualTo(200);

        long priority = keycloak.adminKeys().stream()
                        .filter(k -> "RS256".equals(k.get("algorithm")))
                        .mapToLong(k -> ((Number) k.get("providerPriority")).longValue())
                        .max()
                        .orElse(100)
                + 10;
        keycloak.addKeyProvider(
                "rotated-" + UUID.randomUUID(),
                "rsa-generated",
                Map.of(
                        "priority",
                        Long.toString(priority),
                        "keySize",
                        "2048",
                        "algorithm",
                        "RS256",
                        "active",
                        "true",
                        "enabled",
                        "true"));
        Thread.sleep(COOLDOWN_MILLIS); // an unknown kid triggers at most one JWKS fetch per cooldown
        String newToken = keycloak.clientCredentialsToken("sample-client", null);
        String newKid = (String) KeycloakServer.header(newToken).get("kid");

        assertThat(newKid).isNotEqualTo(oldKid);
        assertThat(keycloak.publishedKeys()).extracting(k -> k.get("kid")).contains(oldKid, newKid);
        HttpResponse<String> response = get("/api/data", newToken);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("scope 'read' and role 'admin'");
        assertThat(get("/api/data", oldToken).statusCode()).isEqualTo(200);
    }

    @Test
    void publishedEncryptionKeyIsNeverSelectedForSignatures() throws Exception {
        List<Map<String, Object>> keys = keycloak.publishedKeys();
        String encKid = keys.stream()
                .filter(k -> "enc".equals(k.get("use")))
                .map(k -> (String) k.get("kid"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("Keycloak publishes no use=enc key"));
        String token = keycloak.clientCredentialsToken("sample-client", null);
        Map<String, Object> header = new LinkedHashMap<>(KeycloakServer.header(token));
        header.put("kid", encKid);

        assertInvalidToken(get("/api/data", KeycloakServer.withHeader(token, header)));
    }

    /**
     * Stronger than swapping the kid: keys whose private halves the test holds are imported into Keycloak, one as a
     * signing key ({@code rsa}) and one as an encryption key ({@code rsa-enc}, published with {@code use: enc}); a
     * token signed with the first is accepted, the same token signed with the second is not.
     */
    @Test
    void tokenSignedWithAPublishedEncryptionKeyIsRejected() throws Exception {
        KeyPair signing = rsaKeyPair();
        KeyPair encryption = rsaKeyPair();
        String suffix = UUID.randomUUID().toString();
        // priority 1: published, but Keycloak keeps signing (and encrypting) with its own higher-priority keys
        keycloak.addKeyProvider(
                "imported-sig-" + suffix,
                "rsa",
                Map.of(
                        "privateKey",
                        pem(signing),
                        "priority",
                        "1",
                        "algorithm",
                        "RS256",
                        "active",
                        "true",
                        "enabled",
                        "true"));
        keycloak.addKeyProvider(
                "imported-enc-" + suffix,
                "rsa-enc",
                Map.of(
                        "privateKey",
                        pem(encryption),
                        "priority",
                        "1",
                        "algorithm",
                        "RSA-OAEP",
                        "active",
                        "true",
                        "enabled",
                        "true"));
        List<Map<String, Object>> keys = keycloak.publishedKeys();
        Map<String, Object> sigJwk = published(keys, signing);
        Map<String, Object> encJwk = published(keys, encryption);
        assertThat(sigJwk).containsEntry("use", "sig");
        assertThat(encJwk).containsEntry("use", "enc");
        Thread.sleep(COOLDOWN_MILLIS);

        HttpResponse<String> accepted = get("/api/data", sign(signing, (String) sigJwk.get("kid")));
        HttpResponse<String> rejected = get("/api/data", sign(encryption, (String) encJwk.get("kid")));

        assertThat(accepted.statusCode()).isEqualTo(200);
        assertThat(accepted.body()).contains("scope 'read' and role 'admin'");
        assertInvalidToken(rejected);
    }

    // Roles from real Keycloak realm roles (realm_access.roles) and client roles (resource_access.sample-api.roles);
    // the servers read roles-claim = role, realm_access/roles, resource_access/sample-api/roles (the sample's default)

    @Test
    @SuppressWarnings("unchecked")
    void keycloakRealmRoleGrantsRolesAllowed() throws Exception {
        String token = keycloak.clientCredentialsToken("realm-role-client", null);
        Map<String, Object> claims = KeycloakServer.claims(token);
        assertThat(claims).doesNotContainKey("role");
        assertThat((List<String>) ((Map<String, Object>) claims.get("realm_access")).get("roles"))
                .contains("admin");

        HttpResponse<String> admin = get("/api/admin", token);

        assertThat(admin.statusCode()).isEqualTo(200);
        assertThat(admin.body()).isEqualTo("{\"message\":\"Admin area\",\"subject\":\"" + claims.get("sub") + "\"}");
    }

    @Test
    @SuppressWarnings("unchecked")
    void keycloakClientRoleGrantsRolesAllowed() throws Exception {
        String token = keycloak.clientCredentialsToken("client-role-client", null);
        Map<String, Object> claims = KeycloakServer.claims(token);
        Map<String, Object> resourceAccess = (Map<String, Object>) claims.get("resource_access");
        assertThat((List<String>) ((Map<String, Object>) resourceAccess.get("sample-api")).get("roles"))
                .containsExactly("admin");
        assertThat(claims).doesNotContainKey("role");

        assertThat(get("/api/admin", token).statusCode()).isEqualTo(200);
        HttpResponse<String> claimsEndpoint = get("/api/claims", token);
        assertThat(claimsEndpoint.statusCode()).isEqualTo(200);
        assertThat(claimsEndpoint.body())
                .contains("\"subject\":\"" + claims.get("sub") + "\"")
                .contains("\"issuer\":\"" + claims.get("iss") + "\"")
                .contains("\"admin\"");
    }

    @Test
    void keycloakTokenWithoutTheRoleGets403ButPassesPermitAll() throws Exception {
        String token = keycloak.clientCredentialsToken("auditor-client", null);

        HttpResponse<String> admin = get("/api/admin", token);
        HttpResponse<String> claims = get("/api/claims", token);

        assertThat(admin.statusCode()).isEqualTo(403);
        assertThat(challenge(admin))
                .isEqualTo("Bearer realm=\"" + KeycloakServers.API_REALM + "\", "
                        + "error=\"insufficient_scope\", "
                        + "error_description=\"The access token lacks a role this resource requires\"");
        assertThat(get("/api/admin/status", token).statusCode()).isEqualTo(200);
        assertThat(get("/api/admin/retired", token).statusCode()).isEqualTo(403);
        assertThat(claims.statusCode()).isEqualTo(200);
        assertThat(claims.body())
                .contains("\"realmAccess\":true")
                .contains("\"auditor\"")
                .doesNotContain("\"admin\"");
    }

    // DPoP-bound tokens from Keycloak (RFC 9449): the token request carries a proof of a jose4j client (DpopClient)

    @Test
    @SuppressWarnings("unchecked")
    void keycloakDpopBoundTokenIsAcceptedWithAClientMadeProofAndShowsTheBinding() throws Exception {
        DpopClient client = DpopClient.generate();
        String token = keycloak.dpopClientCredentialsToken("sample-client", client);
        Map<String, Object> claims = KeycloakServer.claims(token);
        // Keycloak 26.7.3 adds "kc-jkt-type": "DPoP", a member that is no confirmation method (ignored, RFC 7800 §3.1)
        assertThat((Map<String, Object>) claims.get("cnf")).containsEntry("jkt", client.thumbprint());

        HttpResponse<String> data =
                dpop("GET", "/api/data", token, client.proof("GET", server.uri("/api/data"), token));
        HttpResponse<String> binding =
                dpop("GET", "/api/binding", token, client.proof("GET", server.uri("/api/binding"), token));

        assertThat(data.statusCode()).isEqualTo(200);
        assertThat(data.body()).isEqualTo(READ_ADMIN_MESSAGE);
        assertThat(binding.statusCode()).isEqualTo(200);
        assertThat(binding.body())
                .isEqualTo("{\"subject\":\"" + claims.get("sub") + "\",\"scheme\":\"DPoP\",\"token_type\":\"DPoP\","
                        + "\"thumbprint\":\"" + client.thumbprint() + "\"}");
    }

    @Test
    void P1_replayedProofWithAKeycloakDpopToken_isRefused() throws Exception {
        DpopClient client = DpopClient.generate();
        String token = keycloak.dpopClientCredentialsToken("sample-client", client);
        String proof = client.proof("GET", server.uri("/api/data"), token);

        assertThat(dpop("GET", "/api/data", token, proof).statusCode()).isEqualTo(200);
        assertDpopError(
                dpop("GET", "/api/data", token, proof), "invalid_dpop_proof", "The DPoP proof was already used");
    }

    @Test
    void P5_proofForAnotherUri_P9_proofForAnotherMethod_withAKeycloakDpopToken_areRefused() throws Exception {
        DpopClient client = DpopClient.generate();
        String token = keycloak.dpopClientCredentialsToken("sample-client", client);
        String mismatch = "The DPoP proof is not for this method and URI";

        assertDpopError(
                dpop("GET", "/api/data", token, client.proof("GET", server.uri("/api/scope"), token)),
                "invalid_dpop_proof",
                mismatch);
        assertDpopError(
                dpop("GET", "/api/data", token, client.proof("POST", server.uri("/api/data"), token)),
                "invalid_dpop_proof",
                mismatch);
    }

    @Test
    void P18_proofSignedByAnotherKey_P22_sentAsBearer_withAKeycloakDpopToken_areRefused() throws Exception {
        DpopClient client = DpopClient.generate();
        String token = keycloak.dpopClientCredentialsToken("sample-client", client);
        DpopClient thief = DpopClient.generate();

        assertDpopError(
                dpop("GET", "/api/data", token, thief.proof("GET", server.uri("/api/data"), token)),
                "invalid_token",
                "The access token is not bound to the presented key or certificate");
        HttpResponse<String> asBearer = get("/api/data", token);
        assertInvalidToken(asBearer);
        assertThat(challenge(asBearer))
                .contains("error_description=\"The access token is sender-constrained and needs proof of possession\"");
    }

    private HttpResponse<String> dpop(String method, String path, String token, String proof) throws Exception {
        return send(request(path)
                .method(method, HttpRequest.BodyPublishers.noBody())
                .header("Authorization", "DPoP " + token)
                .header("DPoP", proof));
    }

    private void assertDpopError(HttpResponse<String> response, String error, String description) {
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().allValues("WWW-Authenticate"))
                .containsExactlyInAnyOrder(
                        "Bearer realm=\"" + realm() + "\"",
                        "DPoP realm=\"" + realm() + "\", algs=\"" + DPOP_ALGS + "\", error=\"" + error
                                + "\", error_description=\"" + description + "\"");
    }

    // ---------------------------------------------------------------------------------------------------------------

    private static KeyPair rsaKeyPair() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair();
    }

    /** PKCS#8 PEM of a key generated at test start, for Keycloak's key import (nothing is committed). */
    private static String pem(KeyPair pair) {
        String label = "PRIVATE KEY";
        return "-----BEGIN " + label + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(pair.getPrivate().getEncoded())
                + "\n-----END " + label + "-----\n";
    }

    private static Map<String, Object> published(List<Map<String, Object>> keys, KeyPair pair) {
        BigInteger modulus = ((RSAPublicKey) pair.getPublic()).getModulus();
        return keys.stream()
                .filter(k -> k.get("n") instanceof String n
                        && new BigInteger(1, Base64.getUrlDecoder().decode(n)).equals(modulus))
                .findFirst()
                .orElseThrow(() -> new AssertionError("imported key not in Keycloak's JWKS"));
    }

    /** A token like Keycloak's (issuer, audience, scope read, role admin), signed by the test with this key. */
    private String sign(KeyPair pair, String kid) throws Exception {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(keycloak.issuer());
        claims.setAudience(KeycloakServer.AUDIENCE);
        claims.setSubject(UUID.randomUUID().toString());
        claims.setIssuedAtToNow();
        claims.setExpirationTime(NumericDate.fromSeconds(NumericDate.now().getValue() + 300));
        claims.setGeneratedJwtId();
        claims.setClaim("azp", "sample-client");
        claims.setClaim("scope", "read");
        claims.setClaim("role", "admin");
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(pair.getPrivate());
        jws.setKeyIdHeaderValue(kid);
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        jws.setHeader("typ", "JWT");
        return jws.getCompactSerialization();
    }
}
