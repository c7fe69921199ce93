package dev.oauthjwt.jaxrs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oauthjwt.jaxrs.support.DpopProofs;
import dev.oauthjwt.jaxrs.support.SecuredApiTestBase;
import dev.oauthjwt.testsupport.JwksEndpoint;
import dev.oauthjwt.testsupport.TestKeys;
import dev.oauthjwt.testsupport.Tokens;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The other values of {@code oauth.jwt.dpop} and server nonces, over real HTTP. */
class DpopModesEndpointTest {

    private static final String DPOP = "DPoP realm=\"test-api\", algs=\"ES256 PS256\"";

    /** {@code oauth.jwt.dpop=required}, proof algorithms ES256 and PS256. */
    @Nested
    class Required extends SecuredApiTestBase {

        private final TestKeys client = TestKeys.ec("client", "P-256");

        @Override
        protected Map<String, String> config(JwksEndpoint server) {
            Map<String, String> values = super.config(server);
            values.put("oauth.jwt.dpop", "required");
            values.put("oauth.jwt.dpop.algorithms", "ES256, PS256");
            return values;
        }

        @Test
        void P23_plainBearerToken_getsOnlyADpopChallengeWithTheError() {
            HttpResponse<String> response =
                    getWithToken("/api/data", Tokens.valid(key).sign());
            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(response.headers().allValues("WWW-Authenticate"))
                    .containsExactly(
                            DPOP + ", error="
                                    + "\"invalid_token\", error_description=\"This resource requires a DPoP-bound access token\"");
        }

        @Test
        void missingCredentialsGetOnlyABareDpopChallenge() {
            assertThat(get("/api/data").headers().allValues("WWW-Authenticate")).containsExactly(DPOP);
        }

        @Test
        void acceptsDpopBoundTokenWithProof() {
            String token =
                    Tokens.valid(key).claim("cnf", DpopProofs.cnf(client)).sign();
            String proof = DpopProofs.of(client, "GET", uri("/api/data"), token).sign();
            assertThat(get("/api/data", "Authorization", "DPoP " + token, "DPoP", proof)
                            .statusCode())
                    .isEqualTo(200);
        }

        @Test
        void refusesProofAlgorithmsOutsideTheConfiguredList() {
            TestKeys rsa = TestKeys.rsa("rsa-client");
            String token = Tokens.valid(key).claim("cnf", DpopProofs.cnf(rsa)).sign();
            String rs256 = DpopProofs.of(rsa, "GET", uri("/api/data"), token)
                    .header("alg", "RS256")
                    .sign();
            HttpResponse<String> response = get("/api/data", "Authorization", "DPoP " + token, "DPoP", rs256);
            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(response.body()).contains("The DPoP proof is invalid");
        }
    }

    /** {@code oauth.jwt.dpop=disabled}. */
    @Nested
    class Disabled extends SecuredApiTestBase {

        private final TestKeys client = TestKeys.ec("client", "P-256");

        @Override
        protected Map<String, String> config(JwksEndpoint server) {
            Map<String, String> values = super.config(server);
            values.put("oauth.jwt.dpop", "disabled");
            return values;
        }

        @Test
        void dpopSchemeIsAnotherSchemeAndBoundTokensAreRefused() {
            String token =
                    Tokens.valid(key).claim("cnf", DpopProofs.cnf(client)).sign();
            String proof = DpopProofs.of(client, "GET", uri("/api/data"), token).sign();
            HttpResponse<String> dpop = get("/api/data", "Authorization", "DPoP " + token, "DPoP", proof);
            assertThat(dpop.statusCode()).isEqualTo(401);
            assertThat(dpop.headers().allValues("WWW-Authenticate")).containsExactly("Bearer realm=\"test-api\"");
            HttpResponse<String> bearer = get("/api/data", "Authorization", "Bearer " + token, "DPoP", proof);
            assertThat(bearer.statusCode()).isEqualTo(401);
            assertThat(bearer.headers().allValues("WWW-Authenticate"))
                    .containsExactly("Bearer realm=\"test-api\", "
                            + "error=\"invalid_token\", error_description=\"The access token is sender-constrained and needs "
                            + "proof of possession\"");
            assertThat(getWithToken("/api/data", Tokens.valid(key).sign()).statusCode())
                    .isEqualTo(200);
        }
    }

    /** {@code oauth.jwt.dpop.nonce=true}. */
    @Nested
    class Nonces extends SecuredApiTestBase {

        private final TestKeys client = TestKeys.ec("client", "P-256");

        @Override
        protected Map<String, String> config(JwksEndpoint server) {
            Map<String, String> values = super.config(server);
            values.put("oauth.jwt.dpop.nonce", "true");
            values.put("oauth.jwt.dpop.nonce-secret", "a-test-secret-of-at-least-32-characters");
            return values;
        }

        private HttpResponse<String> call(String token, DpopProofs proof) {
            return get("/api/data", "Authorization", "DPoP " + token, "DPoP", proof.sign());
        }

        @Test
        void P28_proofWithoutValidNonce_getsUseDpopNonceAndAFreshNonceThatWorks() {
            String token =
                    Tokens.valid(key).claim("cnf", DpopProofs.cnf(client)).sign();
            HttpResponse<String> first = call(token, DpopProofs.of(client, "GET", uri("/api/data"), token));
            assertThat(first.statusCode()).isEqualTo(401);
            assertThat(first.headers().allValues("WWW-Authenticate"))
                    .contains("DPoP realm=\"test-api\", algs=\""
                            + DpopEndpointTest.ALGS
                            + "\", error=\"use_dpop_nonce\", error_description=\"The resource server "
                            + "requires a DPoP nonce\"");
            String nonce = first.headers().firstValue("DPoP-Nonce").orElseThrow();
            HttpResponse<String> second = call(
                    token, DpopProofs.of(client, "GET", uri("/api/data"), token).claim("nonce", nonce));
            assertThat(second.statusCode()).isEqualTo(200);
            String tampered = nonce.substring(0, nonce.length() - 2) + (nonce.endsWith("AA") ? "BA" : "AA");
            for (Object bad : new Object[] {tampered, "nonce", 12, "A".repeat(32)}) {
                HttpResponse<String> refused = call(
                        token,
                        DpopProofs.of(client, "GET", uri("/api/data"), token).claim("nonce", bad));
                assertThat(refused.statusCode()).isEqualTo(401);
                assertThat(refused.body()).contains("use_dpop_nonce");
                assertThat(refused.headers().firstValue("DPoP-Nonce")).isPresent();
            }
        }
    }
}
