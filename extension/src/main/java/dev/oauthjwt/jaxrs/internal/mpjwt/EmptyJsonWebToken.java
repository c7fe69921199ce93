package dev.oauthjwt.jaxrs.internal.mpjwt;

import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The {@link JsonWebToken} of a request that no {@code @Secured} endpoint authenticated: no name, no claims, no
 * groups, as MicroProfile JWT injects for an unauthenticated request.
 */
final class EmptyJsonWebToken implements JsonWebToken {

    static final EmptyJsonWebToken INSTANCE = new EmptyJsonWebToken();

    private EmptyJsonWebToken() {}

    @Override
    public String getName() {
        return null;
    }

    @Override
    public Set<String> getClaimNames() {
        return Set.of();
    }

    @Override
    public <T> T getClaim(String claimName) {
        return null;
    }

    @Override
    public Set<String> getGroups() {
        return Set.of();
    }

    @Override
    public String toString() {
        return "JsonWebToken[none]";
    }
}
