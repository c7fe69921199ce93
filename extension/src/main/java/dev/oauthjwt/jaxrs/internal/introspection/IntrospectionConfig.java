package dev.oauthjwt.jaxrs.internal.introspection;

import dev.oauthjwt.jaxrs.config.InvalidConfigurationException;
import dev.oauthjwt.jaxrs.config.OAuthJwtConfigKeys;
import dev.oauthjwt.jaxrs.internal.config.ConfigReader;
import dev.oauthjwt.jaxrs.internal.config.Settings;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * How tokens are introspected (RFC 7662), read and checked at deployment. The client secret is kept for the
 * {@code Authorization} header of the calls only: {@link #toString()} never shows it.
 *
 * @param mode when tokens are introspected
 * @param endpoint the introspection endpoint
 * @param clientId the client id ({@code client_secret_basic})
 * @param clientSecret the client secret
 * @param cacheTtl the longest reuse of an answer, zero for none
 * @param maxRate the most calls per second
 * @param timeout the total deadline of one call
 */
public record IntrospectionConfig(
        Mode mode,
        URI endpoint,
        String clientId,
        String clientSecret,
        Duration cacheTtl,
        int maxRate,
        Duration timeout) {

    /** When a token is introspected. */
    public enum Mode {
        /** Never: only signed (or encrypted) JWTs are accepted. */
        OFF,
        /** Tokens that are not a compact JWS; JWTs are validated locally. */
        OPAQUE,
        /** Every token, for APIs that must see a revocation at once. */
        ALWAYS
    }

    /**
     * @param reader the configuration
     * @return the introspection configuration, or empty when the mode is {@code off}
     * @throws InvalidConfigurationException naming the key, for an unknown mode or a missing endpoint or client
     */
    public static Optional<IntrospectionConfig> from(ConfigReader reader) {
        String modeText = reader.read(Settings.INTROSPECTION_MODE).toLowerCase(Locale.ROOT);
        Mode mode = switch (modeText) {
            case "off" -> Mode.OFF;
            case "opaque" -> Mode.OPAQUE;
            case "always" -> Mode.ALWAYS;
            default ->
                throw new InvalidConfigurationException(
                        OAuthJwtConfigKeys.INTROSPECTION_MODE, "must be off, opaque or always");
        };
        if (mode == Mode.OFF) {
            return Optional.empty();
        }
        return Optional.of(new IntrospectionConfig(
                mode,
                required(OAuthJwtConfigKeys.INTROSPECTION_ENDPOINT, reader.read(Settings.INTROSPECTION_ENDPOINT)),
                required(OAuthJwtConfigKeys.INTROSPECTION_CLIENT_ID, reader.read(Settings.INTROSPECTION_CLIENT_ID)),
                required(
                        OAuthJwtConfigKeys.INTROSPECTION_CLIENT_SECRET,
                        reader.read(Settings.INTROSPECTION_CLIENT_SECRET)),
                reader.read(Settings.INTROSPECTION_CACHE_TTL),
                reader.read(Settings.INTROSPECTION_MAX_RATE),
                reader.read(Settings.INTROSPECTION_TIMEOUT)));
    }

    private static <T> T required(String key, T value) {
        if (value == null) {
            throw new InvalidConfigurationException(
                    key, "is required when " + OAuthJwtConfigKeys.INTROSPECTION_MODE + " is not off");
        }
        return value;
    }

    @Override
    public String toString() {
        return "IntrospectionConfig[mode=" + mode + ", endpoint=" + endpoint + ", clientId=" + clientId
                + ", clientSecret=(redacted), cacheTtl=" + cacheTtl + ", maxRate=" + maxRate + ", timeout=" + timeout
                + "]";
    }
}
