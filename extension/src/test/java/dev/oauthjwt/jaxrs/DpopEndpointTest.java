package dev.oauthjwt.jaxrs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oauthjwt.jaxrs.support.DpopProofs;
import dev.oauthjwt.jaxrs.support.SecuredApiTestBase;
import dev.oauthjwt.testsupport.TestKeys;
import dev.oauthjwt.testsupport.Tokens;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * DPoP (RFC 9449) over real HTTP with the default {@code oauth.jwt.dpop=allowed}: a DPoP-bound token with a proof by
 * its key is accepted; every attack of section P of the sender-constraint catalogue (see the security policy table)
 * is refused with the documented answer, and each 401 carries a well-formed Bearer and DPoP challenge.
 */
class DpopEndpointTest extends SecuredApiTestBase {

    static final String ALGS = "RS256 RS384 RS512 PS256 PS384 PS512 ES256 ES384 ES512";
    static final String BEARER = "Bearer realm=\"test-api\"";
    static final String DPOP = "DPoP realm=\"test-api\", algs=\"" + ALGS + "\"";

    private final TestKeys client = TestKeys.ec("client", "P-256");

    private String boundToken(TestKeys proofKey) {
        return Tokens.valid(key).claim("cnf", DpopProofs.cnf(proofKey)).sign();
    }

    private DpopProofs proof(String token) {
        return DpopProofs.of(client, "GET", uri("/api/data"), token);
    }

    private HttpResponse<String> dpop(String path, String token, String... proofs) {
        String[] headers = new String[2 + 2 * proofs.length];
        headers[0] = "Authorization";
        headers[1] = "DPoP " + token;
        for (int i = 0; i < proofs.length; i++) {
            headers[2 + 2 * i] = "DPoP";
            headers[3 + 2 * i] = proofs[i];
        }
        return get(path, headers);
    }

    /** Asserts 401 with a bare Bearer challenge and a DPoP challenge that carries the error and description. */
    private static void assertDpopError(HttpResponse<String> response, String error, String description) {
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().allValues("WWW-Authenticate"))
                .containsExactly(BEARER, DPOP + ", error=\"" + error + "\", error_description=\"" + description + "\"");
        assertThat(response.body())
                .isEqualTo("{\"error\":\"" + error + "\",\"error_description\":\"" + description + "\"}");
    }

    private static void assertInvalidProof(HttpResponse<String> response) {
        assertDpopError(response, "invalid_dpop_proof", "The DPoP proof is invalid");
    }

    @Test
    void acceptsDpopBoundTokenWithProofOfItsKeyAndShowsTheBinding() {
        String token = boundToken(client);
        HttpResponse<String> response = dpop("/api/data", token, proof(token).sign());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("alice scopes=read,write scheme=DPoP users=true admins=false");
        HttpResponse<String> binding = dpop(
                "/api/binding",
                token,
                DpopProofs.of(client, "GET", uri("/api/binding"), token).sign());
        assertThat(binding.body()).isEqualTo("DPoP DPoP " + DpopProofs.thumbprint(client));
    }

    @Test
    void acceptsRsaPssAndRsaProofKeysAndTheSchemeInAnyCase() {
        TestKeys rsa = TestKeys.rsa("rsa-client");
        String token = boundToken(rsa);
        String pss = DpopProofs.of(rsa, "GET", uri("/api/data"), token).sign();
        assertThat(get("/api/data", "Authorization", "dpop " + token, "DPoP", pss)
                        .statusCode())
                .isEqualTo(200);
        String rs256 = DpopProofs.of(rsa, "GET", uri("/api/data"), token)
                .header("alg", "RS256")
                .sign();
        assertThat(dpop("/api/data", token, rs256).statusCode()).isEqualTo(200);
    }

    @Test
    void plainBearerTokensStillWorkAndSayBearer() {
        HttpResponse<String> response =
                getWithToken("/api/binding", Tokens.valid(key).sign());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("Bearer Bearer -");
    }

    @Test
    void acceptsTheHostInAnyCaseAndTheDefaultPathNormalization_P8() {
        String token = boundToken(client);
        String htu = "HTTP://127.0.0.1:" + getPort() + "/api/./%64ata";
        HttpResponse<String> response =
                dpop("/api/data", token, proof(token).claim("htu", htu).sign());
        assertThat(response.statusCode()).isEqualTo(200);
    }

    @Test
    void P1_replayedProof_isRefused() {
        String token = boundToken(client);
        String proof = proof(token).sign();
        assertThat(dpop("/api/data", token, proof).statusCode()).isEqualTo(200);
        assertDpopError(dpop("/api/data", token, proof), "invalid_dpop_proof", "The DPoP proof was already used");
    }

    @Test
    void P2_staleIat_P3_futureIat_areRefused() {
        String token = boundToken(client);
        long now = Instant.now().getEpochSecond();
        String outside = "The DPoP proof is outside its time window";
        assertDpopError(
                dpop(
                        "/api/data",
                        token,
                        proof(token).claim("iat", now - 300 - 61).sign()),
                "invalid_dpop_proof",
                outside);
        assertDpopError(
                dpop("/api/data", token, proof(token).claim("iat", now + 120).sign()), "invalid_dpop_proof", outside);
        assertThat(dpop("/api/data", token, proof(token).claim("iat", now - 280).sign())
                        .statusCode())
                .isEqualTo(200);
        assertInvalidProof(
                dpop("/api/data", token, proof(token).claim("iat", "now").sign()));
    }

    @Test
    void P4_htuWithQuery_P5_otherHost_P6_otherPort_P7_otherPathCase_P9_otherMethod_areRefused() {
        String token = boundToken(client);
        String base = "http://127.0.0.1:" + getPort();
        String mismatch = "The DPoP proof is not for this method and URI";
        for (String htu : List.of(
                base + "/api/data?x=1",
                base + "/api/data#f",
                "http://localhost:" + getPort() + "/api/data",
                "http://127.0.0.1:" + (getPort() + 1) + "/api/data",
                "https://127.0.0.1:" + getPort() + "/api/data",
                base + "/api/DATA",
                base + "/api/data/",
                base + "/api/other",
                "/api/data")) {
            assertDpopError(
                    dpop("/api/data", token, proof(token).claim("htu", htu).sign()), "invalid_dpop_proof", mismatch);
        }
        assertDpopError(
                dpop("/api/data", token, proof(token).claim("htm", "POST").sign()), "invalid_dpop_proof", mismatch);
        assertDpopError(
                dpop("/api/data", token, proof(token).claim("htm", "get").sign()), "invalid_dpop_proof", mismatch);
        assertThat(dpop("/api/data?x=1", token, proof(token).sign()).statusCode())
                .as("the request's query is not part of htu")
                .isEqualTo(200);
    }

    @Test
    void P10_jwkWithPrivateMembers_isRefused() {
        String token = boundToken(client);
        DpopProofs leaky = proof(token);
        Map<String, Object> secrets = leaky.privateMembers();
        assertThat(secrets).containsKey("d");
        secrets.forEach(leaky::jwkMember);
        assertInvalidProof(dpop("/api/data", token, leaky.sign()));
        TestKeys rsa = TestKeys.rsa("rsa-client");
        String rsaToken = boundToken(rsa);
        DpopProofs rsaLeaky = DpopProofs.of(rsa, "GET", uri("/api/data"), rsaToken);
        rsaLeaky.privateMembers().forEach(rsaLeaky::jwkMember);
        assertInvalidProof(dpop("/api/data", rsaToken, rsaLeaky.sign()));
        assertInvalidProof(
                dpop("/api/data", token, proof(token).jwkMember("k", "c2VjcmV0").sign()));
    }

    @Test
    void P11_algNone_P12_algHs256_areRefused() {
        String token = boundToken(client);
        assertInvalidProof(dpop("/api/data", token, proof(token).unsignedWithNone()));
        assertInvalidProof(
                dpop("/api/data", token, proof(token).signHs256("attacker".getBytes(StandardCharsets.UTF_8))));
    }

    @Test
    void P13_missingAth_P14_athOfAnotherToken_areRefused() {
        String token = boundToken(client);
        String other = "The DPoP proof is not for this access token";
        assertDpopError(dpop("/api/data", token, proof(token).claim("ath", null).sign()), "invalid_dpop_proof", other);
        String another = Tokens.valid(key)
                .claim("cnf", DpopProofs.cnf(client))
                .claim("scope", "read")
                .sign();
        assertDpopError(dpop("/api/data", token, proof(another).sign()), "invalid_dpop_proof", other);
    }

    @Test
    void P15_twoDpopHeaders_P16_twoProofsInOneHeader_areRefused() {
        String token = boundToken(client);
        String more = "The request carries more than one DPoP proof";
        assertDpopError(
                dpop("/api/data", token, proof(token).sign(), proof(token).sign()), "invalid_dpop_proof", more);
        assertDpopError(
                dpop(
                        "/api/data",
                        token,
                        proof(token).sign() + ", " + proof(token).sign()),
                "invalid_dpop_proof",
                more);
    }

    @Test
    void P17_proofSentWithBearerScheme_is400InvalidRequest() {
        String token = Tokens.valid(key).sign();
        HttpResponse<String> response = get(
                "/api/data",
                "Authorization",
                "Bearer " + token,
                "DPoP",
                proof(token).sign());
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().allValues("WWW-Authenticate"))
                .containsExactly(
                        BEARER
                                + ", error=\"invalid_request\", error_description=\"A DPoP proof was sent with a Bearer credential\"");
    }

    @Test
    void P18_tokenBoundToAnotherKey_isRefused() {
        TestKeys victim = TestKeys.ec("victim", "P-256");
        String stolen = boundToken(victim);
        HttpResponse<String> response = dpop("/api/data", stolen, proof(stolen).sign());
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().allValues("WWW-Authenticate"))
                .containsExactly(
                        BEARER,
                        DPOP
                                + ", error=\"invalid_token\", error_description=\"The access token is not bound to the presented key"
                                + " or certificate\"");
        assertInvalidProof(dpop("/api/data", stolen, proof(stolen).jwkOf(victim).sign()));
    }

    @Test
    void P19_cnfWithBothJktAndX5t_P29_otherCnfShapes_areRefused() {
        String thumb = DpopProofs.thumbprint(client);
        for (Object cnf : List.of(
                Map.of("jkt", thumb, "x5t#S256", thumb),
                Map.of("jkt", thumb, "jwk", client.publicJwk()),
                Map.of("kc-jkt-type", "DPoP"),
                Map.of("x5t#S256", thumb + "A"),
                Map.of("jwk", client.publicJwk()),
                Map.of(),
                "jkt",
                Map.of("jkt", thumb + "A"),
                Map.of("jkt", 42))) {
            String token = Tokens.valid(key).claim("cnf", cnf).sign();
            for (HttpResponse<String> response : List.of(
                    getWithToken("/api/data", token),
                    dpop("/api/data", token, proof(token).sign()))) {
                assertThat(response.statusCode()).as("cnf %s", cnf).isEqualTo(401);
                assertThat(response.body())
                        .isEqualTo("{\"error\":\"invalid_token\",\"error_description\":"
                                + "\"The access token carries an unsupported confirmation method\"}");
            }
        }
    }

    @Test
    void acceptsCnfMembersThatAreNoConfirmationMethodLikeKeycloaksJktType() {
        String thumb = DpopProofs.thumbprint(client);
        String token = Tokens.valid(key)
                .claim("cnf", Map.of("jkt", thumb, "kc-jkt-type", "DPoP"))
                .sign();
        HttpResponse<String> binding = dpop(
                "/api/binding",
                token,
                DpopProofs.of(client, "GET", uri("/api/binding"), token).sign());
        assertThat(binding.statusCode()).isEqualTo(200);
        assertThat(binding.body()).isEqualTo("DPoP DPoP " + thumb);
        assertThat(getWithToken("/api/data", token).statusCode()).isEqualTo(401);
    }

    @Test
    void P22_dpopBoundTokenAsBearer_isRefused() {
        HttpResponse<String> response = getWithToken("/api/data", boundToken(client));
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().allValues("WWW-Authenticate"))
                .containsExactly(
                        BEARER
                                + ", error=\"invalid_token\", error_description=\"The access token is sender-constrained and needs "
                                + "proof of possession\"",
                        DPOP);
    }

    @Test
    void P24_wrongTyp_P25_signedByAnotherKey_P30_weakOrMismatchedKey_areRefused() {
        String token = boundToken(client);
        for (Object typ : List.of("JWT", "at+jwt", "dpop", 1)) {
            assertInvalidProof(
                    dpop("/api/data", token, proof(token).header("typ", typ).sign()));
        }
        assertInvalidProof(
                dpop("/api/data", token, proof(token).header("typ", null).sign()));
        TestKeys other = TestKeys.ec("other", "P-256");
        assertInvalidProof(dpop("/api/data", token, proof(token).jwkOf(other).sign()));
        assertInvalidProof(
                dpop("/api/data", token, proof(token).header("alg", "ES384").sign()));
        TestKeys weak = TestKeys.rsa("weak", 1024);
        String weakToken = boundToken(weak);
        assertInvalidProof(dpop(
                "/api/data",
                weakToken,
                DpopProofs.of(weak, "GET", uri("/api/data"), weakToken).sign()));
        assertInvalidProof(
                dpop("/api/data", token, proof(token).header("jwk", null).sign()));
        assertInvalidProof(dpop(
                "/api/data",
                token,
                proof(token).header("jku", "http://127.0.0.1:1/jwks").sign()));
        assertInvalidProof(dpop(
                "/api/data", token, proof(token).header("crit", List.of("exp")).sign()));
        assertInvalidProof(dpop("/api/data", token, "not.a.proof"));
        assertInvalidProof(
                dpop("/api/data", token, proof(token).claim("jti", null).sign()));
        assertInvalidProof(dpop(
                "/api/data", token, proof(token).claim("jti", "x".repeat(257)).sign()));
    }

    @Test
    void P26_unboundTokenWithDpopScheme_P27_dpopSchemeWithoutProof_areRefused() {
        String unbound = Tokens.valid(key).sign();
        HttpResponse<String> response =
                dpop("/api/data", unbound, proof(unbound).sign());
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).contains("The access token is not bound to the presented key or certificate");
        assertDpopError(dpop("/api/data", boundToken(client)), "invalid_dpop_proof", "The request lacks a DPoP proof");
    }

    @Test
    void invalidTokenWithDpopSchemeGetsTheErrorOnTheDpopChallenge() {
        long now = Instant.now().getEpochSecond();
        String expired = Tokens.valid(key)
                .claim("cnf", DpopProofs.cnf(client))
                .claim("iat", now - 900)
                .claim("exp", now - 600)
                .sign();
        assertDpopError(dpop("/api/data", expired, proof(expired).sign()), "invalid_token", "The access token expired");
    }

    @Test
    void proofIsCheckedForTheExactRequestUri() {
        String token = boundToken(client);
        URI other = uri("/api/scope");
        HttpResponse<String> response = dpop(
                "/api/data", token, DpopProofs.of(client, "GET", other, token).sign());
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(dpop(
                                "/api/scope",
                                token,
                                DpopProofs.of(client, "GET", other, token).sign())
                        .body())
                .isEqualTo("scope ok");
    }
}
