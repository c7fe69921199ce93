package dev.oauthjwt.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * DPoP (RFC 9449) end to end on a real server with the sample's default {@code oauth.jwt.dpop=allowed}: a token bound
 * to a client's key ({@code cnf.jkt}) with a proof made by a jose4j client ({@link DpopClient}) is accepted and the
 * resource sees the binding; a replayed proof, a proof for another URI or method, a proof by another key, and the
 * bound token sent as a plain Bearer token are refused. One subclass per server, on the server of
 * {@link SecuredApiContract} (booted once per run).
 */
@ExtendWith(Servers.class)
abstract class DpopContract extends SampleApiClient {

    private TestKey key;
    private final DpopClient client = DpopClient.generate();

    @BeforeEach
    void useServer(StubbedServer stubbed) {
        this.server = stubbed.server();
        this.key = stubbed.initialKey();
        stubbed.jwks().mode(JwksStub.Mode.SERVE);
        stubbed.jwks().publish(key);
    }

    @Override
    String realm() {
        return Servers.API_REALM;
    }

    private String boundToken(DpopClient holder) {
        return key.token("read", "admin", claims -> claims.setClaim("cnf", Map.of("jkt", holder.thumbprint())));
    }

    private HttpResponse<String> dpop(String method, String path, String token, String proof)
            throws IOException, InterruptedException {
        return send(request(path)
                .method(method, java.net.http.HttpRequest.BodyPublishers.noBody())
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

    @Test
    void acceptsDpopBoundTokenWithClientMadeProofAndShowsTheBinding() throws Exception {
        String token = boundToken(client);
        HttpResponse<String> data =
                dpop("GET", "/api/data", token, client.proof("GET", server.uri("/api/data"), token));
        assertThat(data.statusCode()).isEqualTo(200);
        assertThat(data.body()).isEqualTo(READ_ADMIN_MESSAGE);
        HttpResponse<String> binding =
                dpop("GET", "/api/binding", token, client.proof("GET", server.uri("/api/binding"), token));
        assertThat(binding.statusCode()).isEqualTo(200);
        assertThat(binding.body())
                .isEqualTo("{\"subject\":\"alice\",\"scheme\":\"DPoP\",\"token_type\":\"DPoP\"," + "\"thumbprint\":\""
                        + client.thumbprint() + "\"}");
    }

    @Test
    void P1_replayedProof_isRefused() throws Exception {
        String token = boundToken(client);
        String proof = client.proof("GET", server.uri("/api/data"), token);
        assertThat(dpop("GET", "/api/data", token, proof).statusCode()).isEqualTo(200);
        assertDpopError(
                dpop("GET", "/api/data", token, proof), "invalid_dpop_proof", "The DPoP proof was already used");
    }

    @Test
    void P5_proofForAnotherUri_P9_proofForAnotherMethod_areRefused() throws Exception {
        String token = boundToken(client);
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
    void P18_proofSignedByAnotherKey_isRefused() throws Exception {
        String token = boundToken(client);
        DpopClient thief = DpopClient.generate();
        assertDpopError(
                dpop("GET", "/api/data", token, thief.proof("GET", server.uri("/api/data"), token)),
                "invalid_token",
                "The access token is not bound to the presented key or certificate");
    }

    @Test
    void P22_dpopBoundTokenAsBearer_isRefused() throws Exception {
        HttpResponse<String> response = get("/api/data", boundToken(client));
        assertInvalidToken(response);
        assertThat(challenge(response))
                .contains("error_description=\"The access token is sender-constrained and "
                        + "needs proof of possession\"");
    }

    @Test
    void P17_proofWithBearerScheme_is400() throws Exception {
        String token = key.token("read", "admin");
        HttpResponse<String> response = send(request("/api/data")
                .header("Authorization", "Bearer " + token)
                .header("DPoP", client.proof("GET", server.uri("/api/data"), token)));
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(challenge(response)).contains("error=\"invalid_request\"");
    }
}
