package dev.oauthjwt.jaxrs.internal;

import dev.oauthjwt.jaxrs.config.InvalidConfigurationException;
import dev.oauthjwt.jaxrs.config.OAuthJwtConfigKeys;
import dev.oauthjwt.jaxrs.internal.config.Tenant;
import dev.oauthjwt.jaxrs.internal.config.Tenants;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AfterDeploymentValidation;
import jakarta.enterprise.inject.spi.Extension;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Validates the {@code oauth.jwt.*} configuration while the application is deployed, so that a missing or invalid
 * value fails the deployment (with a message naming the key) instead of the first request.
 */
public class OAuthJwtExtension implements Extension {

    void validateConfiguration(@Observes AfterDeploymentValidation event) {
        try {
            for (Tenant tenant : Tenants.from(ConfigProvider.getConfig()).all()) {
                if (tenant.config().publicKeys().isPresent()) {
                    OAuthJwtProducer.localKeys(tenant.config(), tenant.name().equals(Tenant.SINGLE)
                            ? OAuthJwtConfigKeys.PUBLIC_KEYS
                            : OAuthJwtConfigKeys.TENANT_PREFIX + tenant.name() + ".public-keys");
                }
            }
        } catch (InvalidConfigurationException e) {
            event.addDeploymentProblem(e);
        }
    }
}
