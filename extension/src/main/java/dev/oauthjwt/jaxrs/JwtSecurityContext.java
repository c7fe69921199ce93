package dev.oauthjwt.jaxrs;

import jakarta.ws.rs.core.SecurityContext;
import java.util.Objects;

/**
 * The {@link SecurityContext} of a request authenticated by a verified JWT access token.
 *
 * <p>{@link #getUserPrincipal()} returns the {@link JwtPrincipal}; {@link #isUserInRole(String)} reads the configured
 * roles claim ({@code oauth.jwt.roles-claim}, default {@code groups}); the authentication scheme is {@code Bearer}.
 */
public final class JwtSecurityContext implements SecurityContext {

    /** The authentication scheme reported by {@link #getAuthenticationScheme()}. */
    public static final String BEARER = "Bearer";

    private final JwtPrincipal principal;
    private final boolean secure;

    /**
     * @param principal the authenticated principal
     * @param secure whether the request came over a secure channel, taken from the original security context
     */
    public JwtSecurityContext(JwtPrincipal principal, boolean secure) {
        this.principal = Objects.requireNonNull(principal, "principal");
        this.secure = secure;
    }

    @Override
    public JwtPrincipal getUserPrincipal() {
        return principal;
    }

    @Override
    public boolean isUserInRole(String role) {
        return role != null && principal.getRoles().contains(role);
    }

    @Override
    public boolean isSecure() {
        return secure;
    }

    @Override
    public String getAuthenticationScheme() {
        return BEARER;
    }
}
