package dev.oauthjwt.jaxrs.internal.config;

/**
 * One trusted issuer of the application and its rules.
 *
 * @param name the tenant's name in {@code oauth.jwt.tenants}, or {@link #SINGLE} for the top-level configuration
 * @param config its validated configuration (tenant keys, falling back to the top-level ones)
 * @param senderConstraints its DPoP rules ({@code dpop.*}, tenant keys falling back to the top-level ones)
 */
public record Tenant(String name, OAuthJwtConfig config, SenderConstraintConfig senderConstraints) {

    /** The name of the one issuer configured by the top-level keys when {@code oauth.jwt.tenants} is not set. */
    public static final String SINGLE = "";
}
