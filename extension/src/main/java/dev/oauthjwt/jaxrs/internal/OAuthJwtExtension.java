package dev.oauthjwt.jaxrs.internal;

import dev.oauthjwt.jaxrs.config.InvalidConfigurationException;
import dev.oauthjwt.jaxrs.internal.config.ConfigReader;
import dev.oauthjwt.jaxrs.internal.config.OAuthJwtConfig;
import dev.oauthjwt.jaxrs.internal.introspection.IntrospectionConfig;
import dev.oauthjwt.jaxrs.internal.jwe.DecryptionConfig;
import dev.oauthjwt.jaxrs.internal.config.SenderConstraintConfig;
import dev.oauthjwt.jaxrs.internal.mpjwt.ClaimInjectionRules;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AfterDeploymentValidation;
import jakarta.enterprise.inject.spi.DefinitionException;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessBean;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Validates the {@code oauth.jwt.*} configuration while the application is deployed, so that a missing or invalid
 * value fails the deployment (with a message naming the key) instead of the first request; and the application's
 * {@code @Claim} injection points ({@link ClaimInjectionRules}).
 */
public class OAuthJwtExtension implements Extension {

    <T> void validateClaimInjection(@Observes ProcessBean<T> event) {
        for (String problem : ClaimInjectionRules.problems(event.getBean())) {
            event.addDefinitionError(new DefinitionException(problem));
        }
    }

    void validateConfiguration(@Observes AfterDeploymentValidation event) {
        try {
            OAuthJwtConfig config = OAuthJwtConfig.from(ConfigProvider.getConfig());
            if (config.publicKeys().isPresent()) {
                OAuthJwtProducer.localKeys(config);
            }
            DecryptionConfig.from(new ConfigReader(ConfigProvider.getConfig()));
            IntrospectionConfig.from(new ConfigReader(ConfigProvider.getConfig()));
            SenderConstraintConfig.from(ConfigProvider.getConfig());
        } catch (InvalidConfigurationException e) {
            event.addDeploymentProblem(e);
        }
    }
}
