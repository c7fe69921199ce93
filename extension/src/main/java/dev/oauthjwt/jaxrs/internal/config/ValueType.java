package dev.oauthjwt.jaxrs.internal.config;

import dev.oauthjwt.jaxrs.config.InvalidConfigurationException;
import dev.oauthjwt.jaxrs.internal.jose.JwsAlgorithm;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The kind of value a {@link Setting} holds: how its text is parsed and checked, what it is when not set, and how the
 * configuration reference names it (the "Type" column). Immutable.
 *
 * @param <T> the type of the parsed value
 */
public final class ValueType<T> {

    /** Parses one trimmed, non-empty value; bounded types check the bounds of the setting. */
    @FunctionalInterface
    interface Parser<T> {
        /** @throws InvalidConfigurationException naming {@code key} when the value is invalid */
        T parse(String key, String raw, Setting<T> setting);
    }

    /** An absolute {@code https} URL ({@code http} on a loopback host only). */
    public static final ValueType<URI> HTTPS_URL = new ValueType<>("URL", ValueParsers::httpsUrl, null);
    /** An optional absolute {@code https} URL ({@code http} on a loopback host only). */
    public static final ValueType<Optional<URI>> OPTIONAL_HTTPS_URL =
            new ValueType<>("URL", ValueParsers::optionalHttpsUrl, Optional.empty());
    /** A document inline, or the {@code file:} or {@code classpath:} location it is read from at deployment. */
    public static final ValueType<Optional<String>> DOCUMENT =
            new ValueType<>("document or location", ValueParsers::document, Optional.empty());
    /** A token profile: {@code oauth} or {@code rfc9068}. */
    public static final ValueType<TokenProfile> PROFILE = new ValueType<>("name", ValueParsers::profile, null);
    /** Any non-empty string. */
    public static final ValueType<String> TEXT = new ValueType<>("string", (key, raw, s) -> raw, null);
    /** The name of a top-level claim. */
    public static final ValueType<String> CLAIM_NAME = new ValueType<>("claim name", (key, raw, s) -> raw, null);
    /** Claim paths, comma separated: {@code /} between nested members, {@code "…"} around a member with {@code /}. */
    public static final ValueType<List<ClaimPath>> CLAIM_PATHS =
            new ValueType<>("list of claim paths (comma separated)", ValueParsers::claimPaths, List.of());
    /** Printable ASCII without {@code "} and {@code \}, safe inside a quoted-string of a challenge. */
    public static final ValueType<Optional<String>> CHALLENGE_TEXT =
            new ValueType<>("string", ValueParsers::challengeText, Optional.empty());
    /** Comma separated, no empty item. */
    public static final ValueType<Set<String>> NON_EMPTY_LIST =
            new ValueType<>("list (comma separated)", ValueParsers::nonEmptyList, Set.of());
    /** Comma separated, blank items ignored. */
    public static final ValueType<Set<String>> LIST =
            new ValueType<>("list (comma separated)", ValueParsers::list, Set.of());
    /** RFC 6750 scope tokens, space or comma separated. */
    public static final ValueType<Set<String>> SCOPES =
            new ValueType<>("list (space or comma separated)", ValueParsers::scopes, Set.of());
    /** JWS algorithm names, comma separated: asymmetric ones only. */
    public static final ValueType<Set<JwsAlgorithm>> ALGORITHMS =
            new ValueType<>("list (comma separated)", ValueParsers::algorithms, Set.of());
    /** A {@code file:} or {@code classpath:} location of a document. */
    public static final ValueType<Optional<String>> LOCATION =
            new ValueType<>("location (`file:` or `classpath:`)", ValueParsers::location, Optional.empty());
    /** A number of seconds or an ISO-8601 duration, within the bounds of the setting. */
    public static final ValueType<Duration> DURATION = new ValueType<>("duration", ValueParsers::duration, null);
    /** A whole number within the bounds of the setting. */
    public static final ValueType<Integer> INTEGER = new ValueType<>("integer", ValueParsers::integer, null);
    /** {@code true} or {@code false}, case-insensitive. */
    public static final ValueType<Boolean> BOOLEAN = new ValueType<>("boolean", ValueParsers::bool, Boolean.FALSE);
    /** {@code allowed}, {@code required} or {@code disabled}, case-insensitive. */
    public static final ValueType<SenderConstraintConfig.DpopMode> DPOP_MODE =
            new ValueType<>("allowed, required, disabled", ValueParsers::dpopMode, null);
    /** {@code allowed} or {@code required}, case-insensitive. */
    public static final ValueType<Boolean> ALLOWED_OR_REQUIRED =
            new ValueType<>("allowed, required", ValueParsers::required, null);

    private final String documentedAs;
    private final Parser<T> parser;
    private final T whenUnset;

    private ValueType(String documentedAs, Parser<T> parser, T whenUnset) {
        this.documentedAs = documentedAs;
        this.parser = parser;
        this.whenUnset = whenUnset;
    }

    T parse(String key, String raw, Setting<T> setting) {
        return parser.parse(key, raw, setting);
    }

    /** @return the value of an optional setting without default that is not set ({@code null} for scalars) */
    T whenUnset() {
        return whenUnset;
    }

    /** @return the name in the "Type" column of the configuration reference, for example {@code duration} */
    public String documentedAs() {
        return documentedAs;
    }
}
