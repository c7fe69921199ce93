package dev.oauthjwt.jaxrs.config;

/**
 * Thrown when the {@code oauth.jwt.*} configuration is missing a required key or holds an invalid value. It is
 * raised while the application is deployed, so that a misconfigured application never serves requests. The message
 * names the key and says what is wrong; it never contains a secret.
 */
public class InvalidConfigurationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The configuration key whose value is missing or invalid. */
    private final String key;

    /**
     * @param key the offending configuration key
     * @param problem what is wrong with its value
     */
    public InvalidConfigurationException(String key, String problem) {
        super("Invalid OAuth JWT configuration: " + key + " " + problem);
        this.key = key;
    }

    /** @return the configuration key whose value is missing or invalid */
    public String getKey() {
        return key;
    }
}
