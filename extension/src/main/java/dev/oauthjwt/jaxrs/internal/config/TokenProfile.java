package dev.oauthjwt.jaxrs.internal.config;

import java.util.Locale;
import java.util.Optional;

/** The rules an access token is held to, chosen by {@code oauth.jwt.profile}. */
public enum TokenProfile {
    /** Any JWT access token: {@code typ} absent, {@code JWT}, {@code at+jwt} or {@code application/at+jwt}. */
    OAUTH,
    /**
     * RFC 9068: {@code typ} must be {@code at+jwt} or {@code application/at+jwt}, and {@code iss}, {@code exp},
     * {@code aud}, {@code sub}, {@code client_id}, {@code iat} and {@code jti} are required (§2.2).
     */
    RFC9068;

    /** @return the profile of this configuration value ({@code oauth}, {@code rfc9068}; case-insensitive) */
    static Optional<TokenProfile> named(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "oauth" -> Optional.of(OAUTH);
            case "rfc9068" -> Optional.of(RFC9068);
            default -> Optional.empty();
        };
    }
}
