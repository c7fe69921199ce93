package dev.oauthjwt.jaxrs.internal;

import dev.oauthjwt.jaxrs.config.InvalidConfigurationException;
import dev.oauthjwt.jaxrs.internal.config.ConfigReader;
import dev.oauthjwt.jaxrs.internal.config.SenderConstraintConfig;
import dev.oauthjwt.jaxrs.internal.config.Settings;
import dev.oauthjwt.jaxrs.internal.config.Tenant;
import dev.oauthjwt.jaxrs.internal.config.Tenants;
import dev.oauthjwt.jaxrs.internal.introspection.IntrospectionConfig;
import dev.oauthjwt.jaxrs.internal.jwe.DecryptionConfig;
import dev.oauthjwt.jaxrs.internal.mpjwt.ClaimInjectionRules;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AfterDeploymentValidation;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.BeforeBeanDiscovery;
import jakarta.enterprise.inject.spi.DefinitionException;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessBean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Validates the {@code oauth.jwt.*} configuration while the application is deployed, so that a missing or invalid
 * value fails the deployment (with a message naming the key) instead of the first request; the application's
 * {@code @Claim} injection points ({@link ClaimInjectionRules}); and adds the readiness check when the server offers
 * MicroProfile Health, and the metrics binding when it offers MicroProfile Metrics, as beans (their packages are
 * excluded from bean discovery, so that a server without the API never loads them).
 */
public class OAuthJwtExtension implements Extension {

    /** The readiness check, named as a string: the class may only be loaded when the Health API is present. */
    static final String READINESS_CHECK = "dev.oauthjwt.jaxrs.internal.ops.health.OAuthJwtReadinessCheck";
    /** The metrics binding, named as a string: the class may only be loaded when the Metrics API is present. */
    static final String METRICS_SOURCE = "dev.oauthjwt.jaxrs.internal.ops.metrics.MicroProfileMetricsSource";

    private static final Logger LOG = Logger.getLogger(OAuthJwtExtension.class.getName());

    void addOptionalBeans(@Observes BeforeBeanDiscovery event, BeanManager beanManager) {
        addIfPresent(OptionalApis.HEALTH, READINESS_CHECK, "readiness check", event, beanManager);
        addIfPresent(OptionalApis.METRICS, METRICS_SOURCE, "metrics", event, beanManager);
    }

    private static void addIfPresent(
            String api, String beanClass, String what, BeforeBeanDiscovery event, BeanManager beanManager) {
        if (!OptionalApis.present(api)) {
            LOG.log(Level.FINE, "{0} is absent: no oauth-jwt {1}", new Object[] {api, what});
            return;
        }
        try {
            Class<?> type = Class.forName(beanClass, false, OAuthJwtExtension.class.getClassLoader());
            event.addAnnotatedType(beanManager.createAnnotatedType(type), beanClass);
        } catch (ClassNotFoundException | LinkageError unusable) {
            LOG.log(Level.WARNING, "{0} is present but unusable ({1}): no oauth-jwt {2}", new Object[] {
                api, unusable.getClass().getName(), what
            });
        }
    }

    <T> void validateClaimInjection(@Observes ProcessBean<T> event) {
        for (String problem : ClaimInjectionRules.problems(event.getBean())) {
            event.addDefinitionError(new DefinitionException(problem));
        }
    }

    void validateConfiguration(@Observes AfterDeploymentValidation event) {
        try {
            Config config = ConfigProvider.getConfig();
            Tenants tenants = Tenants.from(config);
            for (Tenant tenant : tenants.all()) {
                if (tenant.config().publicKeys().isPresent()) {
                    OAuthJwtProducer.localKeys(
                            tenant.config(), Tenants.readerOf(config, tenant).keyOf(Settings.PUBLIC_KEYS));
                }
            }
            DecryptionConfig.from(new ConfigReader(config));
            IntrospectionConfig.from(new ConfigReader(config));
            SenderConstraintConfig.from(config);
        } catch (InvalidConfigurationException e) {
            event.addDeploymentProblem(e);
        }
    }
}
