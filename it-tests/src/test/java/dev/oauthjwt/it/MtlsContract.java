package dev.oauthjwt.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Certificate-bound tokens (RFC 8705 §3) end to end: the server's TLS listener requires a client certificate
 * ({@link TlsMaterial}, generated at test start); a token whose {@code cnf.x5t#S256} is the thumbprint of the
 * client's certificate is accepted over that TLS connection only. One subclass per server, on the server of
 * {@link SecuredApiContract} (booted once per run).
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
        HttpClient http = HttpClient.newBuilder()
                .sslContext(tls.clientContext(client))
                .connectTimeout(Duration.ofSeconds(10))
                .build();
        return http.send(
                HttpRequest.newBuilder(server.httpsUri(path))
                        .timeout(Duration.ofSeconds(30))
                        .header("Authorization", "Bearer " + token)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
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
    void unboundTokenOverMutualTlsIsAPlainBearerToken() throws Exception {
        HttpResponse<String> response = overMutualTls("other", "/api/binding", key.token("read", "admin"));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body())
                .isEqualTo("{\"subject\":\"alice\",\"scheme\":\"Bearer\",\"token_type\":" + "\"Bearer\"}");
    }
}
