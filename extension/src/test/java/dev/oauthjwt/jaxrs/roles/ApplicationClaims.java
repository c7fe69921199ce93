package dev.oauthjwt.jaxrs.roles;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.jwt.Claim;
import org.eclipse.microprofile.jwt.ClaimValue;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** An application-scoped bean: claims through {@code ClaimValue}, read from the current request at each call. */
@ApplicationScoped
public class ApplicationClaims {

    @Inject
    @Claim("sub")
    ClaimValue<String> sub;

    @Inject
    @Claim("level")
    ClaimValue<Optional<Long>> level;

    @Inject
    @Claim("groups")
    ClaimValue<Set<String>> groups;

    @Inject
    JsonWebToken jwt;

    /** @return the values of the current request */
    public String describe() {
        return sub.getName() + "=" + sub.getValue() + " level="
                + level.getValue().orElse(-1L) + " groups=" + groups.getValue() + " jwt=" + jwt.getName();
    }
}
