package dev.oauthjwt.jaxrs.internal.http;

import dev.oauthjwt.jaxrs.AccessToken;
import jakarta.ws.rs.core.SecurityContext;
import java.util.Objects;

/**
 * The {@link SecurityContext} of a request authenticated by a verified JWT access token: the principal is the
 * {@link AccessToken}, {@link #isUserInRole(String)} reads its roles ({@code oauth.jwt.roles-claim}), the scheme is
 * the request's: {@code Bearer} or {@code DPoP}.
 */
final class JwtSecurityContext implements SecurityContext {

    private final AccessToken token;
    private final boolean secure;
    private final String scheme;

    /**
     * @param token the verified token
     * @param secure whether the request came over a secure channel, taken from the original security context
     * @param scheme the authentication scheme of the request: {@code Bearer} or {@code DPoP}
     */
    JwtSecurityContext(AccessToken token, boolean secure, String scheme) {
        this.token = Objects.requireNonNull(token, "token");
        this.secure = secure;
        this.scheme = scheme;
    }

    @Override
    public AccessToken getUserPrincipal() {
        return token;
    }

    @Override
    public boolean isUserInRole(String role) {
        return role != null && token.getGroups().contains(role);
    }

    @Override
    public boolean isSecure() {
        return secure;
    }

    @Override
    public String getAuthenticationScheme() {
        return scheme;
    }
}
