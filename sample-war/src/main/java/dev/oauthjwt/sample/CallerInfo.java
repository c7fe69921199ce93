package dev.oauthjwt.sample;

import dev.oauthjwt.jaxrs.AccessToken;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

/** A CDI bean that reads the verified token of the current request through an injected {@link AccessToken}. */
@RequestScoped
public class CallerInfo {

    @Inject
    AccessToken token;

    /** @return the token's subject ({@code sub}) */
    public String subject() {
        return token.claim("sub").map(String::valueOf).orElse("");
    }

    /** @return the granted scopes, space separated */
    public String scope() {
        return String.join(" ", token.getScopes());
    }

    /** @return the token's {@code role} claim */
    public String role() {
        return token.getStringClaim("role").orElse("");
    }
}
