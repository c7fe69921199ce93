package dev.oauthjwt.jaxrs.internal.config;

import dev.oauthjwt.jaxrs.config.InvalidConfigurationException;
import dev.oauthjwt.jaxrs.internal.jose.JwsAlgorithm;
import java.net.URI;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** The parsers behind {@link ValueType}: each turns one trimmed, non-empty value into a value or a named refusal. */
final class ValueParsers {

    private ValueParsers() {}

    static URI httpsUrl(String key, String value, Setting<URI> setting) {
        SecureUrls.Result checked = SecureUrls.check(value);
        return checked.uri().orElseThrow(() -> new InvalidConfigurationException(key, checked.problem()));
    }

    static Optional<URI> optionalHttpsUrl(String key, String value, Setting<Optional<URI>> setting) {
        return Optional.of(httpsUrl(key, value, null));
    }

    static Optional<String> document(String key, String value, Setting<Optional<String>> setting) {
        return Optional.of(LocalDocuments.read(key, value));
    }

    static TokenProfile profile(String key, String value, Setting<TokenProfile> setting) {
        return TokenProfile.named(value)
                .orElseThrow(() -> new InvalidConfigurationException(key, "must be oauth or rfc9068"));
    }

    static Optional<String> challengeText(String key, String value, Setting<Optional<String>> setting) {
        if (!value.chars().allMatch(c -> c >= 0x20 && c <= 0x7E && c != '"' && c != '\\')) {
            throw new InvalidConfigurationException(key, "may only contain printable ASCII without '\"' and '\\'");
        }
        return Optional.of(value);
    }

    static Set<String> nonEmptyList(String key, String value, Setting<Set<String>> setting) {
        Set<String> items = new LinkedHashSet<>();
        for (String item : value.split(",", -1)) {
            if (item.isBlank()) {
                throw new InvalidConfigurationException(key, "contains an empty " + itemName(setting));
            }
            items.add(item.trim());
        }
        return Collections.unmodifiableSet(items);
    }

    static List<ClaimPath> claimPaths(String key, String value, Setting<List<ClaimPath>> setting) {
        try {
            return ClaimPath.parseList(value);
        } catch (IllegalArgumentException e) {
            throw new InvalidConfigurationException(key, e.getMessage());
        }
    }

    static Set<String> list(String key, String value, Setting<Set<String>> setting) {
        Set<String> items = new LinkedHashSet<>();
        for (String item : value.split(",")) {
            if (!item.isBlank()) {
                items.add(item.trim());
            }
        }
        return Collections.unmodifiableSet(items);
    }

    static Set<String> scopes(String key, String value, Setting<Set<String>> setting) {
        Set<String> scopes = new LinkedHashSet<>();
        for (String scope : value.split("[ ,]+")) {
            if (!scope.isEmpty()) {
                if (!OAuthJwtConfig.isScopeToken(scope)) {
                    throw new InvalidConfigurationException(
                            key, "contains a scope with a character outside RFC 6750's scope-token set");
                }
                scopes.add(scope);
            }
        }
        return Collections.unmodifiableSet(scopes);
    }

    static Set<JwsAlgorithm> algorithms(String key, String value, Setting<Set<JwsAlgorithm>> setting) {
        Set<JwsAlgorithm> algorithms = new LinkedHashSet<>();
        for (String name : list(key, value, null)) {
            algorithms.add(JwsAlgorithm.named(name)
                    .orElseThrow(() -> new InvalidConfigurationException(
                            key,
                            "contains '" + sanitize(name) + "': only " + JwsAlgorithm.allNames()
                                    + " are accepted (never none or HMAC)")));
        }
        if (algorithms.isEmpty()) {
            algorithms.addAll(List.of(JwsAlgorithm.values()));
        }
        if (algorithms.stream().anyMatch(alg -> alg.curve() != null) && !ConfigReader.hasEcdsaFix(Runtime.version())) {
            throw new InvalidConfigurationException(
                    key,
                    "contains ECDSA algorithms, but this Java runtime ("
                            + Runtime.version()
                            + ") accepts forged ECDSA signatures (CVE-2022-21449): use Java 17.0.3 or later");
        }
        return Collections.unmodifiableSet(algorithms);
    }

    static int integer(String key, String value, Setting<Integer> setting) {
        String problem = "must be a whole number between " + setting.min() + " and " + setting.max();
        if (value.isEmpty() || value.length() > 9 || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new InvalidConfigurationException(key, problem);
        }
        int parsed = Integer.parseInt(value);
        if (parsed < setting.min() || parsed > setting.max()) {
            throw new InvalidConfigurationException(key, problem);
        }
        return parsed;
    }

    static boolean bool(String key, String value, Setting<Boolean> setting) {
        String lower = value.toLowerCase(Locale.ROOT);
        if (!lower.equals("true") && !lower.equals("false")) {
            throw new InvalidConfigurationException(key, "must be true or false");
        }
        return lower.equals("true");
    }

    static SenderConstraintConfig.DpopMode dpopMode(
            String key, String value, Setting<SenderConstraintConfig.DpopMode> setting) {
        try {
            return SenderConstraintConfig.DpopMode.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidConfigurationException(key, "must be allowed, required or disabled");
        }
    }

    /** @return whether the value is {@code required} (else it is {@code allowed}) */
    static boolean required(String key, String value, Setting<Boolean> setting) {
        String lower = value.toLowerCase(Locale.ROOT);
        if (!lower.equals("allowed") && !lower.equals("required")) {
            throw new InvalidConfigurationException(key, "must be allowed or required");
        }
        return lower.equals("required");
    }

    static Duration duration(String key, String raw, Setting<Duration> setting) {
        Duration value = parseDuration(key, raw);
        if (value.compareTo(setting.min()) < 0 || value.compareTo(setting.max()) > 0) {
            throw new InvalidConfigurationException(
                    key, "must be between " + describe(setting.min()) + " and " + describe(setting.max()));
        }
        return value;
    }

    /** A whole number of seconds (at most 12 digits) or an ISO-8601 duration, case-insensitive. */
    static Duration parseDuration(String key, String raw) {
        try {
            if (raw.chars().allMatch(c -> c >= '0' && c <= '9') && raw.length() <= 12) {
                return Duration.ofSeconds(Long.parseLong(raw));
            }
            return Duration.parse(raw.toUpperCase(Locale.ROOT));
        } catch (DateTimeParseException | NumberFormatException e) {
            throw new InvalidConfigurationException(
                    key, "is neither a number of seconds nor an ISO-8601 duration such as PT30S");
        }
    }

    private static String describe(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.getSeconds() + " s" : d.toMillis() + " ms";
    }

    /** "audience" for {@code oauth.jwt.audience}: the last word of the key, without a plural {@code s}. */
    private static String itemName(Setting<?> setting) {
        String name =
                setting.name().substring(setting.name().lastIndexOf('.') + 1).replace('-', ' ');
        return name.endsWith("s") ? name.substring(0, name.length() - 1) : name;
    }

    private static String sanitize(String s) {
        String cut = s.length() > 20 ? s.substring(0, 20) : s;
        return cut.replaceAll("[^A-Za-z0-9+_-]", "?");
    }

    static Optional<String> location(String key, String raw, Setting<Optional<String>> setting) {
        if (!raw.startsWith("file:") && !raw.startsWith("classpath:")) {
            throw new InvalidConfigurationException(key, "must be a file: or classpath: location");
        }
        return Optional.of(raw);
    }
}
