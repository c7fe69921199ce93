package dev.oauthjwt.jaxrs.internal.token;

import dev.oauthjwt.jaxrs.internal.Failure;
import dev.oauthjwt.jaxrs.internal.TokenRejectedException;
import dev.oauthjwt.jaxrs.internal.config.TokenProfile;
import dev.oauthjwt.jaxrs.internal.jose.JwsAlgorithm;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The rules for the JOSE header of an access token, checked before any key is looked up: an allowed {@code alg}, a
 * string {@code kid} if any, an accepted {@code typ} if any ({@code JWT}, {@code at+jwt}, {@code application/at+jwt},
 * case-insensitive; under the RFC 9068 profile {@code typ} is required and {@code JWT} is refused), and none of {@code crit}, {@code b64}, {@code zip}, {@code cty}, {@code enc} (the library would
 * otherwise act on them, or they announce something that is not a signed JWT access token).
 */
final class HeaderPolicy {

    private static final Set<String> ACCEPTED_TYPES = Set.of("jwt", "at+jwt", "application/at+jwt");
    private static final Set<String> ACCESS_TOKEN_TYPES = Set.of("at+jwt", "application/at+jwt");
    private static final Set<String> REFUSED_MEMBERS = Set.of("crit", "b64", "zip", "cty", "enc");

    /** The header members the rest of the validation needs. */
    record Checked(JwsAlgorithm alg, String kid) {}

    private final Set<JwsAlgorithm> allowed;
    private final TokenProfile profile;

    HeaderPolicy(Set<JwsAlgorithm> allowed, TokenProfile profile) {
        this.allowed = Set.copyOf(allowed);
        this.profile = profile;
    }

    /**
     * @param header the parsed JOSE header
     * @return the algorithm and key id
     * @throws TokenRejectedException with the first rule the header breaks
     */
    Checked check(Map<String, Object> header) throws TokenRejectedException {
        JwsAlgorithm alg =
                JwsAlgorithm.named(header.get("alg")).filter(allowed::contains).orElse(null);
        if (alg == null) {
            throw new TokenRejectedException(Failure.UNVERIFIABLE);
        }
        Object kid = header.get("kid");
        if (header.containsKey("kid") && !(kid instanceof String)) {
            throw new TokenRejectedException(Failure.MALFORMED_TOKEN);
        }
        for (String name : REFUSED_MEMBERS) {
            if (header.containsKey(name)) {
                throw new TokenRejectedException(Failure.UNSUPPORTED_HEADER);
            }
        }
        Set<String> accepted = profile == TokenProfile.RFC9068 ? ACCESS_TOKEN_TYPES : ACCEPTED_TYPES;
        if ((header.containsKey("typ") || profile == TokenProfile.RFC9068)
                && !(header.get("typ") instanceof String typ && accepted.contains(typ.toLowerCase(Locale.ROOT)))) {
            throw new TokenRejectedException(Failure.WRONG_TYPE);
        }
        return new Checked(alg, (String) kid);
    }
}
