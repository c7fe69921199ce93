package dev.oauthjwt.jaxrs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oauthjwt.jaxrs.internal.SecuredFeature;
import dev.oauthjwt.jaxrs.support.JwksServer;
import dev.oauthjwt.jaxrs.support.TestConfig;
import dev.oauthjwt.jaxrs.support.TestKeys;
import dev.oauthjwt.jaxrs.support.Tokens;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Application;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.test.JerseyTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SecuredEndpointTest extends JerseyTest {

    static JwksServer jwks;
    static TestKeys key;

    @Path("/api")
    public static class Api {
        @GET
        @Path("/public")
        public String open() {
            return "open";
        }

        @GET
        @Path("/data")
        @Secured
        public String data(@Context SecurityContext security) {
            JwtPrincipal p = (JwtPrincipal) security.getUserPrincipal();
            return p.getName() + " " + p.getScopes();
        }
    }

    @BeforeAll
    static void startJwks() {
        jwks = new JwksServer();
        key = TestKeys.rsa("k1");
        jwks.publish(key);
        TestConfig.install(TestConfig.defaults(jwks));
    }

    @AfterAll
    static void stopJwks() {
        jwks.close();
    }

    @BeforeEach
    @Override
    public void setUp() throws Exception {
        super.setUp();
    }

    @AfterEach
    @Override
    public void tearDown() throws Exception {
        super.tearDown();
    }

    @Override
    protected Application configure() {
        return new ResourceConfig(Api.class, SecuredFeature.class);
    }

    @Test
    void acceptsValidToken() {
        Response r = target("/api/data").request().header("Authorization", "Bearer " + Tokens.valid(key).sign()).get();
        assertThat(r.getStatus()).isEqualTo(200);
        assertThat(r.readEntity(String.class)).isEqualTo("alice [read, write]");
    }

    @Test
    void answersMissingTokenWithBareChallenge() {
        Response r = target("/api/data").request().get();
        assertThat(r.getStatus()).isEqualTo(401);
        assertThat(r.getHeaderString("WWW-Authenticate")).isEqualTo("Bearer realm=\"test-api\"");
    }
}
