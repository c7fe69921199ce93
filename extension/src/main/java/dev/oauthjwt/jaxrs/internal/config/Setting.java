package dev.oauthjwt.jaxrs.internal.config;

import dev.oauthjwt.jaxrs.config.InvalidConfigurationException;
import dev.oauthjwt.jaxrs.config.OAuthJwtConfigKeys;
import java.time.Duration;
import java.util.Optional;

/**
 * One configuration setting as data: its key, value type, default, bounds and one-line meaning. The catalogue of all
 * settings is {@link Settings}; {@link ConfigReader} reads any setting from it, and the documentation tests compare
 * the README and the site's configuration reference with it.
 *
 * <p>The default is kept as the text a user would write ({@code "PT10M"}), parsed by the same rules as a configured
 * value when it is used, so a default can never bypass validation. Immutable.
 *
 * @param <T> the type of the parsed value
 */
public final class Setting<T> {

    private final String key;
    private final ValueType<T> type;
    private final boolean required;
    private final String defaultText;
    private final T min;
    private final T max;
    private final String meaning;

    private Setting(String key, ValueType<T> type, boolean required, String defaultText, T min, T max, String meaning) {
        if (!key.startsWith(OAuthJwtConfigKeys.PREFIX) || key.equals(OAuthJwtConfigKeys.PREFIX)) {
            throw new IllegalArgumentException("setting key outside " + OAuthJwtConfigKeys.PREFIX + ": " + key);
        }
        this.key = key;
        this.type = type;
        this.required = required;
        this.defaultText = defaultText;
        this.min = min;
        this.max = max;
        this.meaning = meaning;
    }

    /** A setting that must be set: the deployment fails without it. */
    static <T> Setting<T> required(String key, ValueType<T> type, String meaning) {
        return new Setting<>(key, type, true, null, null, null, meaning);
    }

    /** An optional setting; {@code defaultText} {@code null} means the type's "not set" value (none, absent). */
    static <T> Setting<T> optional(String key, ValueType<T> type, String defaultText, String meaning) {
        return new Setting<>(key, type, false, defaultText, null, null, meaning);
    }

    /** A duration with inclusive bounds; every text is a number of seconds or an ISO-8601 duration. */
    static Setting<Duration> duration(String key, String defaultText, String min, String max, String meaning) {
        return new Setting<>(
                key,
                ValueType.DURATION,
                false,
                defaultText,
                ValueParsers.parseDuration(key, min),
                ValueParsers.parseDuration(key, max),
                meaning);
    }

    /** A whole number with inclusive bounds. */
    static Setting<Integer> integer(String key, int defaultValue, int min, int max, String meaning) {
        return new Setting<>(key, ValueType.INTEGER, false, Integer.toString(defaultValue), min, max, meaning);
    }

    /** A key family {@code <key><name>=<value>} (the key ends with {@code .}); read by its own reader method. */
    static <T> Setting<T> family(String keyPrefix, ValueType<T> type, String meaning) {
        if (!keyPrefix.endsWith(".")) {
            throw new IllegalArgumentException("a key family ends with '.': " + keyPrefix);
        }
        return new Setting<>(keyPrefix, type, false, null, null, null, meaning);
    }

    /**
     * @param key the key the value was read from (this setting's key, or a prefixed one such as a tenant's)
     * @param raw the trimmed, non-empty configured value, or empty when not set
     * @return the validated value, the parsed default, or the type's "not set" value
     * @throws InvalidConfigurationException naming {@code key} when the value is invalid or a required one is missing
     */
    T valueOf(String key, Optional<String> raw) {
        if (raw.isPresent()) {
            return type.parse(key, raw.get(), this);
        }
        if (required) {
            throw new InvalidConfigurationException(key, "is required but not set");
        }
        return defaultText == null ? type.whenUnset() : type.parse(key, defaultText, this);
    }

    /** @return the full key, for example {@code oauth.jwt.clock-skew}; a family ends with {@code .} */
    public String key() {
        return key;
    }

    /** @return the key without {@link OAuthJwtConfigKeys#PREFIX}, for example {@code clock-skew} */
    public String name() {
        return key.substring(OAuthJwtConfigKeys.PREFIX.length());
    }

    /** @return whether this is a key family ({@code oauth.jwt.claims.<name>}) */
    public boolean isFamily() {
        return key.endsWith(".");
    }

    /** @return the value type */
    public ValueType<T> type() {
        return type;
    }

    /** @return whether the deployment fails when the setting is not set */
    public boolean isRequired() {
        return required;
    }

    /** @return the default as a user would write it, or empty when there is none */
    public Optional<String> defaultText() {
        return Optional.ofNullable(defaultText);
    }

    /** @return the parsed default, or the type's "not set" value (may be {@code null} for a required setting) */
    public T defaultValue() {
        return defaultText == null ? type.whenUnset() : type.parse(key, defaultText, this);
    }

    /** @return the smallest accepted value, or {@code null} when the type has no bounds */
    public T min() {
        return min;
    }

    /** @return the largest accepted value, or {@code null} when the type has no bounds */
    public T max() {
        return max;
    }

    /** @return the one-line meaning, as shown in the README (Markdown) */
    public String meaning() {
        return meaning;
    }

    @Override
    public String toString() {
        return key;
    }
}
