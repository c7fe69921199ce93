package dev.oauthjwt.jaxrs.internal.config;

import dev.oauthjwt.jaxrs.config.InvalidConfigurationException;
import dev.oauthjwt.jaxrs.config.OAuthJwtConfigKeys;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeMap;
import org.eclipse.microprofile.config.Config;

/**
 * Reads {@link Setting}s from MicroProfile Config under a prefix: {@code oauth.jwt.} for the top-level keys, or a
 * narrower one such as {@code oauth.jwt.tenant.acme.}, whose keys fall back to the top-level key of the same name when
 * absent. Values are trimmed; an empty value counts as not set. Every malformed value becomes an
 * {@link InvalidConfigurationException} naming the key it was read from.
 */
public final class ConfigReader {

    private final Config config;
    private final String prefix;

    /** @param config the application's configuration, read at the top level ({@code oauth.jwt.*}) */
    public ConfigReader(Config config) {
        this(config, OAuthJwtConfigKeys.PREFIX);
    }

    /**
     * @param config the application's configuration
     * @param prefix where keys are looked up first, ending with {@code .}, for example {@code oauth.jwt.tenant.acme.}
     */
    public ConfigReader(Config config, String prefix) {
        if (!prefix.startsWith(OAuthJwtConfigKeys.PREFIX) || !prefix.endsWith(".")) {
            throw new IllegalArgumentException("prefix must start with oauth.jwt. and end with '.': " + prefix);
        }
        this.config = config;
        this.prefix = prefix;
    }

    /**
     * @param setting a single-valued setting
     * @return the value under this reader's prefix, else the top-level value, else the setting's default
     * @throws InvalidConfigurationException when the value read is invalid, or a required setting is set nowhere
     *     (naming the prefixed key)
     */
    public <T> T read(Setting<T> setting) {
        if (setting.isFamily()) {
            throw new IllegalArgumentException(setting.key() + " is a key family, read by its own method");
        }
        String key = prefix + setting.name();
        Optional<String> raw = optional(key);
        if (raw.isEmpty() && optional(setting.key()).isPresent()) {
            key = setting.key();
            raw = optional(key);
        }
        return setting.valueOf(key, raw);
    }

    /**
     * @param setting a single-valued setting
     * @return the key its value is read from: the prefixed key when set, else the top-level key when set, else the
     *     prefixed key (named by "not set" errors)
     */
    public String keyOf(Setting<?> setting) {
        String key = prefix + setting.name();
        return optional(key).isEmpty() && optional(setting.key()).isPresent() ? setting.key() : key;
    }

    /**
     * Claim rules from the family {@code <prefix>claims.<name>=<value>} and from environment variables
     * {@code <PREFIX>_CLAIMS_<NAME>} (claim name in lower case). Under a narrower prefix, a rule for a claim replaces
     * the top-level rule for the same claim; the other top-level rules apply too.
     */
    public List<ClaimRule> claimRules(Setting<String> family) {
        TreeMap<String, ClaimRule> rules = new TreeMap<>();
        collectClaimRules(family.key(), rules);
        if (!prefix.equals(OAuthJwtConfigKeys.PREFIX)) {
            collectClaimRules(prefix + family.name(), rules);
        }
        return new ArrayList<>(rules.values());
    }

    private void collectClaimRules(String keyPrefix, TreeMap<String, ClaimRule> rules) {
        String envPrefix = keyPrefix.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
        for (String name : config.getPropertyNames()) {
            String claim = null;
            if (name.startsWith(keyPrefix)) {
                claim = name.substring(keyPrefix.length());
            } else if (name.startsWith(envPrefix)) {
                claim = name.substring(envPrefix.length()).toLowerCase(Locale.ROOT);
            }
            if (claim != null) {
                if (claim.isBlank()) {
                    throw new InvalidConfigurationException(name, "names no claim");
                }
                String value = config.getOptionalValue(name, String.class).orElse("");
                rules.put(claim, new ClaimRule(claim, value.trim()));
            }
        }
    }

    private Optional<String> optional(String key) {
        return config.getOptionalValue(key, String.class).map(String::trim).filter(v -> !v.isEmpty());
    }

    /** CVE-2022-21449 (ECDSA "psychic signatures") affects Java 15 to 17.0.2 and 18.0.0. */
    static boolean hasEcdsaFix(Runtime.Version version) {
        int feature = version.feature();
        if (feature == 15 || feature == 16) {
            return false;
        }
        if (feature == 17) {
            return version.interim() > 0 || version.update() >= 3;
        }
        if (feature == 18) {
            return version.interim() > 0 || version.update() >= 1;
        }
        return true;
    }
}
