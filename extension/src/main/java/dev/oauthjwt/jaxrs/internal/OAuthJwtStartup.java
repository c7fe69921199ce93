package dev.oauthjwt.jaxrs.internal;

import dev.oauthjwt.jaxrs.internal.config.OAuthJwtConfig;
import dev.oauthjwt.jaxrs.internal.config.Tenant;
import dev.oauthjwt.jaxrs.internal.dpop.TenantBindings;
import dev.oauthjwt.jaxrs.internal.token.IssuerRouter;
import dev.oauthjwt.jaxrs.internal.token.TokenValidator;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import java.net.URI;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * What happens when the application has started: one INFO line per issuer (per tenant) summarising the effective configuration
 * (no secrets: the JWKS URL without user info, query or fragment), the validators are created (so that its metrics are
 * registered before the first request), shared DPoP replay caches are obtained (a wrongly configured one fails
 * the deployment), and with {@code oauth.jwt.jwks.prefetch=true} the keys are fetched in the
 * background. A failed prefetch is logged by the key cache and shown by the readiness check; it never fails the
 * deployment.
 */
@ApplicationScoped
public class OAuthJwtStartup {

    private static final Logger LOG = Logger.getLogger(OAuthJwtStartup.class.getName());

    void started(@Observes @Initialized(ApplicationScoped.class) Object application, IssuerRouter validators) {
        for (int i = 0; i < validators.validators().size(); i++) {
            TokenValidator validator = validators.validators().get(i);
            String tenant = validators.tenants().all().get(i).name();
            LOG.info(tenant.equals(Tenant.SINGLE) ? report(validator.config()) : report(tenant, validator.config()));
            if (validator.config().jwksPrefetch()) {
                validator.fetchKeysIfMissing();
            }
        }
    }

    void openReplayCaches(@Observes @Initialized(ApplicationScoped.class) Object application, TenantBindings dpop) {
        dpop.open();
    }

    /** @return the startup line of the issuer of a tenant */
    static String report(String tenant, OAuthJwtConfig config) {
        return report(config).replaceFirst("^oauth-jwt: ", "oauth-jwt: tenant " + tenant + ": ");
    }

    /** @return the startup line of the configured issuer */
    static String report(OAuthJwtConfig config) {
        return "oauth-jwt: issuer " + config.issuer()
                + "; JWKS "
                + config.jwksUri()
                        .map(OAuthJwtStartup::withoutSecrets)
                        .orElse(
                                config.publicKeys().isPresent()
                                        ? "local public keys"
                                        : "discovered from the issuer's metadata")
                + " (prefetch " + (config.jwksPrefetch() ? "on" : "off")
                + ", timeout " + config.jwksTimeout().toMillis() + " ms"
                + ", refresh " + config.jwksRefreshInterval().toSeconds() + " s"
                + ", stale-if-error " + config.jwksStaleIfError().toSeconds() + " s)"
                + "; algorithms " + config.algorithms().stream().map(Enum::name).collect(Collectors.joining(","))
                + "; audiences " + String.join(",", config.audiences())
                + "; scopes " + (config.scopes().isEmpty() ? "-" : String.join(" ", config.scopes()))
                + "; claim rules " + config.claimRules().size()
                + "; clock skew " + config.clockSkew().toSeconds() + " s"
                + "; token cache "
                + (config.cacheMaxSize() == 0
                        ? "off"
                        : config.cacheMaxSize() + " entries, max age "
                                + config.cacheMaxAge().toSeconds() + " s")
                + "; audit " + config.auditRateLimit() + " lines/s per reason";
    }

    /** @return scheme, host, port and path only: user info, query and fragment may hold credentials */
    static String withoutSecrets(URI uri) {
        return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort())
                + (uri.getRawPath() == null ? "" : uri.getRawPath());
    }
}
