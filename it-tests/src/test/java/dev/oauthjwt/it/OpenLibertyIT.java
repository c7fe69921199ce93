package dev.oauthjwt.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The sample WAR on Open Liberty (restfulWS-3.1, cdi-4.0, jsonp-2.1, mpConfig-3.1; no mpJwt). */
@Servers.RunOn(Servers.Kind.OPEN_LIBERTY)
class OpenLibertyIT extends SecuredApiContract {

    /**
     * This server has a mutual-TLS listener but no {@code appSecurity} feature: Liberty then gives applications no
     * client certificate, and the extension refuses a certificate-bound token although the right certificate was
     * presented (fails closed). {@link OpenLibertyMtlsIT} runs with application security.
     */
    @Test
    void P20_certificateBoundTokenWithoutApplicationSecurity_isRefusedOverMutualTls() throws Exception {
        TlsMaterial tls = TlsMaterial.get();
        String token = key.token(
                "read", "admin", claims -> claims.setClaim("cnf", Map.of("x5t#S256", tls.thumbprint("client"))));
        HttpResponse<String> response = tls.bearerGet(server, "client", "/api/data", token);
        assertInvalidToken(response);
        assertThat(challenge(response))
                .contains("error_description=\"The access token is not bound to the presented key or certificate\"");
    }
}
