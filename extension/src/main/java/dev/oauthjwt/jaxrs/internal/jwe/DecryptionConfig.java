package dev.oauthjwt.jaxrs.internal.jwe;

import dev.oauthjwt.jaxrs.config.InvalidConfigurationException;
import dev.oauthjwt.jaxrs.config.OAuthJwtConfigKeys;
import dev.oauthjwt.jaxrs.internal.config.ConfigReader;
import dev.oauthjwt.jaxrs.internal.config.Settings;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What encrypted (JWE) access tokens may use, read and checked at deployment: the private keys, the key management
 * algorithms and the content encryption methods. Key management is asymmetric only: {@code RSA1_5} is refused
 * (Bleichenbacher padding oracles, RFC 8725 §3.2), and the shared-secret families ({@code dir}, AES key wrap,
 * {@code PBES2}) are not supported.
 *
 * @param keys the private keys, at least one
 * @param algorithms the accepted {@code alg} values
 * @param encryptionMethods the accepted {@code enc} values
 */
public record DecryptionConfig(List<DecryptionKey> keys, Set<String> algorithms, Set<String> encryptionMethods) {

    private static final Set<String> KEY_MANAGEMENT =
            Set.of("RSA-OAEP", "RSA-OAEP-256", "ECDH-ES", "ECDH-ES+A128KW", "ECDH-ES+A192KW", "ECDH-ES+A256KW");
    private static final Map<String, String> REFUSED = Map.of(
            "RSA1_5", "is never accepted (RSA1_5 padding oracles, RFC 8725 §3.2)",
            "dir", "needs a shared secret, which is not supported",
            "A128KW", "needs a shared secret, which is not supported",
            "A192KW", "needs a shared secret, which is not supported",
            "A256KW", "needs a shared secret, which is not supported");
    private static final Set<String> CONTENT_ENCRYPTION =
            Set.of("A128GCM", "A192GCM", "A256GCM", "A128CBC-HS256", "A192CBC-HS384", "A256CBC-HS512");

    /** Canonical constructor: copies the collections so that the record stays immutable. */
    public DecryptionConfig {
        keys = List.copyOf(keys);
        algorithms = Collections.unmodifiableSet(new LinkedHashSet<>(algorithms));
        encryptionMethods = Collections.unmodifiableSet(new LinkedHashSet<>(encryptionMethods));
    }

    /**
     * @param reader the configuration
     * @return the decryption configuration, or empty when {@code oauth.jwt.decryption-keys} is not set (encrypted
     *     tokens are then refused as malformed)
     * @throws InvalidConfigurationException naming the key, for unreadable keys or refused algorithms
     */
    public static Optional<DecryptionConfig> from(ConfigReader reader) {
        Optional<String> location = reader.read(Settings.DECRYPTION_KEYS);
        Set<String> algorithms = checked(
                OAuthJwtConfigKeys.DECRYPTION_ALGORITHMS, reader.read(Settings.DECRYPTION_ALGORITHMS), KEY_MANAGEMENT);
        Set<String> methods = checked(
                OAuthJwtConfigKeys.DECRYPTION_ENCRYPTION_METHODS,
                reader.read(Settings.DECRYPTION_ENCRYPTION_METHODS),
                CONTENT_ENCRYPTION);
        return location.map(where -> new DecryptionConfig(
                DecryptionKeys.load(OAuthJwtConfigKeys.DECRYPTION_KEYS, where), algorithms, methods));
    }

    private static Set<String> checked(String key, Set<String> values, Set<String> supported) {
        for (String value : values) {
            if (REFUSED.containsKey(value)) {
                throw new InvalidConfigurationException(key, "contains " + value + ", which " + REFUSED.get(value));
            }
            if (value.startsWith("PBES2") || value.endsWith("GCMKW")) {
                throw new InvalidConfigurationException(
                        key,
                        "contains a password-based or AES-GCM key wrap"
                                + " algorithm, which needs a shared secret and is not supported");
            }
            if (!supported.contains(value)) {
                throw new InvalidConfigurationException(
                        key, "contains an unknown value; accepted: " + String.join(", ", new TreeSet<>(supported)));
            }
        }
        return values;
    }
}
