package dev.oauthjwt.jaxrs.internal;

import dev.oauthjwt.jaxrs.AccessToken;
import jakarta.enterprise.context.RequestScoped;
import java.util.Optional;

/** Holds the verified token of the current request, for injection of {@link AccessToken} into CDI beans. */
@RequestScoped
public class AccessTokenHolder {

    private AccessToken token;

    /** @param verified the token verified in this request */
    public void set(AccessToken verified) {
        this.token = verified;
    }

    /** @return the verified token of this request, if a secured endpoint verified one */
    public Optional<AccessToken> find() {
        return Optional.ofNullable(token);
    }

    /**
     * @return the verified token of this request
     * @throws IllegalStateException when no secured endpoint verified a token in this request
     */
    AccessToken get() {
        if (token == null) {
            throw new IllegalStateException(
                    "No access token was verified in this request: the endpoint is not @Secured");
        }
        return token;
    }
}
