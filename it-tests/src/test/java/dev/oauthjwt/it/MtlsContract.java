package dev.oauthjwt.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Certificate-bound tokens (RFC 8705 §3) end to end: the server's TLS listener requires a client certificate
 * ({@link TlsMaterial}, generated at test start); a token whose {@code cnf.x5t#S256} is the thumbprint of the
 * client's certificate is accepted over that TLS connection only. One subclass per server: Payara Micro's server of
 * {@link SecuredApiContract}, an Open Liberty server with application security (booted once per run).
 */
@ExtendWith(Servers.class)
abstract class MtlsContract extends SampleApiClient {

    private TestKey key;
    private TlsMaterial tls;

    @BeforeEach
    void useServer(StubbedServer stubbed) throws Exception {
        this.server = stubbed.server();
        this.key = stubbed.initialKey();
        this.tls = TlsMaterial.get();
        stubbed.jwks().mode(JwksStub.Mode.SERVE);
        stubbed.jwks().publish(key);
    }

    @Override
    String realm() {
        return Servers.API_REALM;
    }

    private String boundTo(String certificate) {
        return key.token(
                "read", "admin", claims -> claims.setClaim("cnf", Map.of("x5t#S256", tls.thumbprint(certificate))));
    }

    private HttpResponse<String> overMutualTls(String client, String path, String token) throws Exception {
        return tls.bearerGet(server, client, path, token);
    }

    @Test
    void acceptsCertificateBoundTokenOverMutualTlsAndShowsTheBinding() throws Exception {
        HttpResponse<String> response = overMutualTls("client", "/api/binding", boundTo("client"));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body())
                .isEqualTo("{\"subject\":\"alice\",\"scheme\":\"Bearer\",\"token_type\":\"mTLS\"," + "\"thumbprint\":\""
                        + tls.thumbprint("client") + "\"}");
    }

    @Test
    void P20_certificateBoundTokenOverPlainHttp_isRefused() throws Exception {
        HttpResponse<String> response = get("/api/data", boundTo("client"));
        assertInvalidToken(response);
        assertThat(challenge(response))
                .contains("error_description=\"The access token is not bound to the presented key or certificate\"");
    }

    @Test
    void P21_certificateOfAnotherClient_isRefused() throws Exception {
        HttpResponse<String> response = overMutualTls("other", "/api/data", boundTo("client"));
        assertInvalidToken(response);
        assertThat(challenge(response))
                .contains("error_description=\"The access token is not bound to the presented key or certificate\"");
    }

    @Test
    void P19_cnfWithBothJktAndX5tOverMutualTlsWithTheBoundCertificate_isRefused() throws Exception {
        String thumbprint = tls.thumbprint("client");
        String token = key.token(
                "read", "admin", claims -> claims.setClaim("cnf", Map.of("jkt", thumbprint, "x5t#S256", thumbprint)));
        HttpResponse<String> response = overMutualTls("client", "/api/data", token);
        assertInvalidToken(response);
        assertThat(challenge(response))
                .contains("error_description=\"The access token carries an unsupported confirmation method\"");
    }

    @Test
    void rolesAllowedAndPermitAllAnswerAsOverPlainHttp() throws Exception {
        assertThat(overMutualTls("client", "/api/admin", boundTo("client")).statusCode())
                .isEqualTo(200);
        assertThat(overMutualTls("client", "/api/admin/status", boundTo("client"))
                        .statusCode())
                .isEqualTo(200);
        HttpResponse<String> user = overMutualTls(
                "client",
                "/api/admin",
                key.token(
                        "read",
                        "user",
                        claims -> claims.setClaim("cnf", Map.of("x5t#S256", tls.thumbprint("client")))));
        assertThat(user.statusCode()).isEqualTo(403);
        assertThat(challenge(user)).contains("error=\"insufficient_scope\"");
    }

    @Test
    void unboundTokenOverMutualTlsIsAPlainBearerToken() throws Exception {
        HttpResponse<String> response = overMutualTls("other", "/api/binding", key.token("read", "admin"));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body())
                .isEqualTo("{\"subject\":\"alice\",\"scheme\":\"Bearer\",\"token_type\":" + "\"Bearer\"}");
    }
}
