package dev.oauthjwt.sample;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.jwt.Claim;
import org.eclipse.microprofile.jwt.Claims;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Claims of the current request, read the MicroProfile JWT way: {@code @Inject @Claim} and
 * {@code @Inject JsonWebToken}, served by the OAuth JWT extension (the server's own MP-JWT is not used).
 */
@RequestScoped
public class TokenClaims {

    @Inject
    JsonWebToken jwt;

    @Inject
    @Claim(standard = Claims.sub)
    String subject;

    @Inject
    @Claim(standard = Claims.iss)
    String issuer;

    @Inject
    @Claim(standard = Claims.aud)
    Set<String> audience;

    @Inject
    @Claim("scope")
    Optional<String> scope;

    @Inject
    @Claim("realm_access")
    Optional<JsonObject> realmAccess;

    /** @return the token's subject */
    public String subject() {
        return subject;
    }

    /** @return the token's issuer */
    public String issuer() {
        return issuer;
    }

    /** @return the token's audiences */
    public Set<String> audience() {
        return audience;
    }

    /** @return the granted scopes as the token spells them, or empty */
    public String scope() {
        return scope.orElse("");
    }

    /** @return whether the token carries Keycloak's {@code realm_access} object */
    public boolean hasRealmAccess() {
        return realmAccess.isPresent();
    }

    /** @return the roles ({@code oauth.jwt.roles-claim}), as {@code JsonWebToken.getGroups()} reports them */
    public Set<String> roles() {
        return jwt.getGroups();
    }
}
