package dev.oauthjwt.it;

import java.util.Map;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 extension for the Keycloak interop tests: a second instance of the test class's {@link Servers.RunOn}
 * server (named {@code <server>-keycloak}) running the same sample WAR, configured to trust the run's
 * {@link KeycloakServer} (its issuer only: the JWKS URL is discovered from Keycloak's OpenID Connect metadata;
 * audience {@value KeycloakServer#AUDIENCE}, realm {@value #API_REALM}). Each is booted at most once per run
 * ({@link OncePerRun}), on first use, after Keycloak.
 */
final class KeycloakServers implements ParameterResolver {

    /** {@code oauth.jwt.realm} of the Keycloak-configured servers. */
    static final String API_REALM = "keycloak-it";
    /** The tenant of realm {@value KeycloakServer#REALM}. */
    static final String MAIN_TENANT = "main";
    /** The tenant of realm {@value KeycloakServer#PARTNER_REALM}; the sample's {@code /api/partner} accepts it only. */
    static final String PARTNER_TENANT = "partner";

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == ManagedServer.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Servers.Kind kind = Servers.kindOf(context);
        KeycloakServer keycloak = Keycloak.get(context);
        return OncePerRun.get(
                context,
                KeycloakServers.class,
                kind,
                kind + " for Keycloak",
                () -> kind.launcher("-keycloak", environment(keycloak)),
                ManagedServer::boot);
    }

    /**
     * The oauth.jwt.* configuration pointing at Keycloak by discovery only (no jwks-uri; JWKS timeout 5 s), with two
     * tenants: {@value #MAIN_TENANT} (realm {@value KeycloakServer#REALM}) and {@value #PARTNER_TENANT} (realm
     * {@value KeycloakServer#PARTNER_REALM}), as environment variables; the other keys are shared top-level ones.
     */
    private static OAuthJwtEnvironment environment(KeycloakServer keycloak) {
        return new OAuthJwtEnvironment(
                null,
                keycloak.issuer(),
                KeycloakServer.AUDIENCE,
                API_REALM,
                5,
                Map.of(
                        "OAUTH_JWT_TENANTS", MAIN_TENANT + "," + PARTNER_TENANT,
                        "OAUTH_JWT_TENANT_MAIN_ISSUER", keycloak.issuer(),
                        "OAUTH_JWT_TENANT_PARTNER_ISSUER", keycloak.issuer(KeycloakServer.PARTNER_REALM)));
    }
}
