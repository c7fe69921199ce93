package dev.oauthjwt.jaxrs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oauthjwt.jaxrs.support.SecuredApiTestBase;
import dev.oauthjwt.testsupport.Tokens;
import org.junit.jupiter.api.Test;

/** With the validated-token cache on (the default), endpoint scopes and claim rules still apply to every request. */
class CachedTokenEndpointTest extends SecuredApiTestBase {

    @Test
    void enforcesEachEndpointsScopesOnEveryRequestOfACachedToken() {
        String readWrite = Tokens.valid(key).sign(); // scope "read write", role=admin
        for (int i = 0; i < 3; i++) {
            assertThat(getWithToken("/api/scope", readWrite).statusCode()).isEqualTo(200);
            assertThat(getWithToken("/api/scopes", readWrite).statusCode())
                    .as("lacks admin scope")
                    .isEqualTo(403);
            assertThat(getWithToken("/api/claim", readWrite).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void enforcesClaimRulesOnEveryRequestOfACachedToken() {
        String notAdmin = Tokens.valid(key).claim("role", "user").sign();
        for (int i = 0; i < 3; i++) {
            assertThat(getWithToken("/api/data", notAdmin).statusCode()).isEqualTo(200);
            assertThat(getWithToken("/api/claim", notAdmin).statusCode()).isEqualTo(403);
        }
    }
}
