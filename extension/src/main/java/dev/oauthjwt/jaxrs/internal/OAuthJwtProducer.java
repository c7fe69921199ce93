package dev.oauthjwt.jaxrs.internal;

import dev.oauthjwt.jaxrs.AccessToken;
import dev.oauthjwt.jaxrs.config.OAuthJwtConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Produces the application's single {@link TokenValidator} from MicroProfile Config, closes it when the application
 * stops, and produces the request-scoped {@link AccessToken} of the current request.
 */
@ApplicationScoped
public class OAuthJwtProducer {

    @Produces
    @Singleton
    TokenValidator validator() {
        return TokenValidator.create(OAuthJwtConfig.from(ConfigProvider.getConfig()), Clock.systemUTC());
    }

    void close(@Disposes TokenValidator validator) {
        validator.close();
    }

    @Produces
    @RequestScoped
    AccessToken accessToken(AccessTokenHolder holder) {
        return holder.get();
    }
}
