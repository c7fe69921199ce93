package dev.oauthjwt.jaxrs.internal.config;

import dev.oauthjwt.jaxrs.config.InvalidConfigurationException;
import dev.oauthjwt.jaxrs.internal.jose.JwsAlgorithm;
import java.net.URI;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.eclipse.microprofile.config.Config;

/** Reads single {@code oauth.jwt.*} values and turns every malformed one into an {@link InvalidConfigurationException}. */
final class ConfigReader {

    private static final String ENV_CLAIMS_PREFIX = "OAUTH_JWT_CLAIMS_";

    private final Config config;

    ConfigReader(Config config) {
        this.config = config;
    }

    Optional<String> optional(String key) {
        return config.getOptionalValue(key, String.class).map(String::trim).filter(v -> !v.isEmpty());
    }

    String required(String key) {
        return optional(key).orElseThrow(() -> new InvalidConfigurationException(key, "is required but not set"));
    }

    List<String> list(String key) {
        List<String> items = new ArrayList<>();
        for (String item : optional(key).orElse("").split(",")) {
            if (!item.isBlank()) {
                items.add(item.trim());
            }
        }
        return items;
    }

    /** @return the URL of {@code key} if set; https, or http on a loopback host */
    Optional<URI> url(String key) {
        Optional<String> value = optional(key);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        SecureUrls.Result checked = SecureUrls.check(value.get());
        if (checked.uri().isEmpty()) {
            throw new InvalidConfigurationException(key, checked.problem());
        }
        return checked.uri();
    }

    /** The issuer; when it is the base of discovery it must also be a URL without query and fragment. */
    String issuer(String key, boolean discovered) {
        String issuer = required(key);
        if (discovered) {
            SecureUrls.Result checked = SecureUrls.check(issuer);
            if (checked.uri().isEmpty()) {
                throw new InvalidConfigurationException(key, checked.problem()
                        + " to discover the keys (neither jwks-uri nor public-keys is set)");
            }
            if (checked.uri().get().getRawQuery() != null || checked.uri().get().getRawFragment() != null) {
                throw new InvalidConfigurationException(key, "may not have a query or fragment (RFC 8414 §2)");
            }
        }
        return issuer;
    }

    TokenProfile profile(String key) {
        return optional(key).map(value -> TokenProfile.named(value).orElseThrow(() ->
                new InvalidConfigurationException(key, "must be oauth or rfc9068"))).orElse(TokenProfile.OAUTH);
    }

    /** @return the text of {@code key}: inline, or read from a {@code file:} or {@code classpath:} location */
    Optional<String> document(String key) {
        return optional(key).map(value -> LocalDocuments.read(key, value));
    }

    Set<String> audiences(String key) {
        String raw = required(key);
        Set<String> audiences = new LinkedHashSet<>();
        for (String item : raw.split(",", -1)) {
            if (item.isBlank()) {
                throw new InvalidConfigurationException(key, "contains an empty audience");
            }
            audiences.add(item.trim());
        }
        return audiences;
    }

    Set<JwsAlgorithm> algorithms(String key) {
        Set<JwsAlgorithm> algorithms = new LinkedHashSet<>();
        for (String name : list(key)) {
            algorithms.add(JwsAlgorithm.named(name).orElseThrow(() -> new InvalidConfigurationException(key,
                    "contains '" + sanitize(name) + "': only " + JwsAlgorithm.allNames()
                            + " are accepted (never none or HMAC)")));
        }
        if (algorithms.isEmpty()) {
            algorithms.addAll(List.of(JwsAlgorithm.values()));
        }
        if (algorithms.stream().anyMatch(alg -> alg.curve() != null) && !hasEcdsaFix(Runtime.version())) {
            throw new InvalidConfigurationException(key, "contains ECDSA algorithms, but this Java runtime ("
                    + Runtime.version() + ") accepts forged ECDSA signatures (CVE-2022-21449): use Java 17.0.3 or later");
        }
        return algorithms;
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

    Set<String> scopes(String key) {
        Set<String> scopes = new LinkedHashSet<>();
        for (String scope : optional(key).orElse("").split("[ ,]+")) {
            if (!scope.isEmpty()) {
                if (!OAuthJwtConfig.isScopeToken(scope)) {
                    throw new InvalidConfigurationException(key,
                            "contains a scope with a character outside RFC 6750's scope-token set");
                }
                scopes.add(scope);
            }
        }
        return scopes;
    }

    /** Rules from {@code oauth.jwt.claims.<name>} and, from environment variables, {@code OAUTH_JWT_CLAIMS_<NAME>}. */
    List<ClaimRule> claimRules(String prefix) {
        TreeMap<String, ClaimRule> rules = new TreeMap<>();
        for (String name : config.getPropertyNames()) {
            String claim = null;
            if (name.startsWith(prefix)) {
                claim = name.substring(prefix.length());
            } else if (name.startsWith(ENV_CLAIMS_PREFIX)) {
                claim = name.substring(ENV_CLAIMS_PREFIX.length()).toLowerCase(Locale.ROOT);
            }
            if (claim != null) {
                if (claim.isBlank()) {
                    throw new InvalidConfigurationException(name, "names no claim");
                }
                String value = config.getOptionalValue(name, String.class).orElse("");
                rules.put(claim, new ClaimRule(claim, value.trim()));
            }
        }
        return new ArrayList<>(rules.values());
    }

    Optional<String> realm(String key) {
        Optional<String> realm = optional(key);
        realm.ifPresent(value -> {
            if (!value.chars().allMatch(ConfigReader::isQuotedStringChar)) {
                throw new InvalidConfigurationException(key, "may only contain printable ASCII without '\"' and '\\'");
            }
        });
        return realm;
    }

    String name(String key, String defaultValue) {
        return optional(key).orElse(defaultValue);
    }

    int integer(String key, int defaultValue, int min, int max) {
        Optional<String> raw = optional(key);
        if (raw.isEmpty()) {
            return defaultValue;
        }
        String value = raw.get();
        if (value.isEmpty() || value.length() > 9 || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new InvalidConfigurationException(key, "must be a whole number between " + min + " and " + max);
        }
        int parsed = Integer.parseInt(value);
        if (parsed < min || parsed > max) {
            throw new InvalidConfigurationException(key, "must be a whole number between " + min + " and " + max);
        }
        return parsed;
    }

    Duration duration(String key, Duration defaultValue, Duration min, Duration max) {
        Optional<String> raw = optional(key);
        if (raw.isEmpty()) {
            return defaultValue;
        }
        Duration value = parseDuration(key, raw.get());
        if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
            throw new InvalidConfigurationException(key, "must be between " + describe(min) + " and " + describe(max));
        }
        return value;
    }

    private static Duration parseDuration(String key, String raw) {
        try {
            if (raw.chars().allMatch(c -> c >= '0' && c <= '9') && raw.length() <= 12) {
                return Duration.ofSeconds(Long.parseLong(raw));
            }
            return Duration.parse(raw.toUpperCase(Locale.ROOT));
        } catch (DateTimeParseException | NumberFormatException e) {
            throw new InvalidConfigurationException(key, "is neither a number of seconds nor an ISO-8601 duration such as PT30S");
        }
    }

    private static String describe(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.getSeconds() + " s" : d.toMillis() + " ms";
    }

    private static boolean isQuotedStringChar(int c) {
        return c >= 0x20 && c <= 0x7E && c != '"' && c != '\\';
    }

    private static String sanitize(String s) {
        String cut = s.length() > 20 ? s.substring(0, 20) : s;
        return cut.replaceAll("[^A-Za-z0-9+_-]", "?");
    }
}
