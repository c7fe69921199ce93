package dev.oauthjwt.jaxrs.internal;

import dev.oauthjwt.jaxrs.config.InvalidConfigurationException;
import dev.oauthjwt.jaxrs.internal.config.OAuthJwtConfig;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AfterDeploymentValidation;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.BeforeBeanDiscovery;
import jakarta.enterprise.inject.spi.Extension;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Validates the {@code oauth.jwt.*} configuration while the application is deployed, so that a missing or invalid
 * value fails the deployment (with a message naming the key) instead of the first request; and adds the readiness
 * check as a bean when the server offers MicroProfile Health (its package is excluded from bean discovery, so that a
 * server without the API never loads it).
 */
public class OAuthJwtExtension implements Extension {

    /** The readiness check, named as a string: the class may only be loaded when the Health API is present. */
    static final String READINESS_CHECK = "dev.oauthjwt.jaxrs.internal.ops.health.OAuthJwtReadinessCheck";

    private static final Logger LOG = Logger.getLogger(OAuthJwtExtension.class.getName());

    void addOptionalBeans(@Observes BeforeBeanDiscovery event, BeanManager beanManager) {
        if (!OptionalApis.present(OptionalApis.HEALTH)) {
            LOG.log(Level.FINE, "MicroProfile Health is absent: no oauth-jwt readiness check");
            return;
        }
        try {
            Class<?> check = Class.forName(READINESS_CHECK, false, OAuthJwtExtension.class.getClassLoader());
            event.addAnnotatedType(beanManager.createAnnotatedType(check), READINESS_CHECK);
        } catch (ClassNotFoundException | LinkageError unusable) {
            LOG.log(Level.WARNING, "MicroProfile Health is present but unusable ({0}): no oauth-jwt readiness check",
                    unusable.getClass().getName());
        }
    }

    void validateConfiguration(@Observes AfterDeploymentValidation event) {
        try {
            OAuthJwtConfig.from(ConfigProvider.getConfig());
        } catch (InvalidConfigurationException e) {
            event.addDeploymentProblem(e);
        }
    }
}
