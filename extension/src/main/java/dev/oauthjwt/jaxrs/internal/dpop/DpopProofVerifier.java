package dev.oauthjwt.jaxrs.internal.dpop;

import dev.oauthjwt.jaxrs.internal.Failure;
import dev.oauthjwt.jaxrs.internal.TokenRejectedException;
import dev.oauthjwt.jaxrs.internal.jose.Base64Url;
import dev.oauthjwt.jaxrs.internal.jose.CompactJws;
import dev.oauthjwt.jaxrs.internal.jose.JwsAlgorithm;
import dev.oauthjwt.jaxrs.internal.jose.JwsSignatures;
import dev.oauthjwt.jaxrs.internal.jose.PublicJwk;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Verifies one DPoP proof against its request and access token, per RFC 9449 §4.3 steps 2–12 (the replay check is
 * the caller's, after the token binding held): a strict compact JWS ({@link CompactJws}); {@code typ}
 * {@code dpop+jwt}; an allowed asymmetric {@code alg}; a public {@code jwk} header that fits it ({@link PublicJwk}; a
 * private member refuses the proof); no {@code crit}, {@code b64}, {@code zip}, {@code cty}, {@code enc},
 * {@code jku}, {@code x5u}, {@code x5c}; a signature by that key; a string {@code jti} of at most 256 characters;
 * {@code htm} equal to the request method; {@code htu} equal to the target URI ({@link TargetUri}); {@code iat}
 * within the proof window and the clock skew; {@code ath} equal to the base64url SHA-256 of the access token; and,
 * when nonces are required, a valid {@code nonce}.
 */
final class DpopProofVerifier {

    /** The longest proof accepted, in characters: no decoding or JSON work is spent on larger input. */
    static final int MAX_PROOF_LENGTH = 8192;

    private static final Set<String> ACCEPTED_TYPES = Set.of("dpop+jwt", "application/dpop+jwt");
    private static final Set<String> REFUSED_HEADERS = Set.of("crit", "b64", "zip", "cty", "enc", "jku", "x5u", "x5c");
    private static final int MAX_JTI_LENGTH = 256;

    /** The verified facts of a proof that the caller still needs. */
    record VerifiedProof(String thumbprint, String jti) {}

    private final Set<JwsAlgorithm> algorithms;
    private final Duration maxAge;
    private final Duration skew;
    private final DpopNonces nonces;
    private final Clock clock;

    DpopProofVerifier(Set<JwsAlgorithm> algorithms, Duration maxAge, Duration skew, DpopNonces nonces, Clock clock) {
        this.algorithms = Set.copyOf(algorithms);
        this.maxAge = maxAge;
        this.skew = skew;
        this.nonces = nonces;
        this.clock = clock;
    }

    /**
     * @param proof the {@code DPoP} header value
     * @param method the request method
     * @param target the normal form of the request's target URI
     * @param accessToken the access token the proof must be for
     * @return the proof key's thumbprint and the proof's id
     * @throws TokenRejectedException with the first rule the proof breaks
     */
    VerifiedProof verify(String proof, String method, String target, String accessToken) throws TokenRejectedException {
        if (proof.length() > MAX_PROOF_LENGTH) {
            throw rejected(Failure.DPOP_PROOF_INVALID);
        }
        CompactJws jws;
        try {
            jws = CompactJws.parse(proof);
        } catch (TokenRejectedException malformed) {
            throw rejected(Failure.DPOP_PROOF_INVALID);
        }
        PublicJwk key = checkHeader(jws.header());
        JwsAlgorithm alg = JwsAlgorithm.named(jws.header().get("alg")).orElseThrow();
        if (!JwsSignatures.verify(alg, key.key(), proof.substring(0, proof.lastIndexOf('.')), jws.signature())) {
            throw rejected(Failure.DPOP_PROOF_INVALID);
        }
        Map<String, Object> claims = jws.claims();
        if (!(claims.get("jti") instanceof String jti) || jti.isEmpty() || jti.length() > MAX_JTI_LENGTH) {
            throw rejected(Failure.DPOP_PROOF_INVALID);
        }
        if (!method.equals(claims.get("htm"))
                || !(claims.get("htu") instanceof String htu)
                || !TargetUri.normalizedClaim(htu).map(target::equals).orElse(false)) {
            throw rejected(Failure.DPOP_PROOF_MISMATCH);
        }
        checkIssuedAt(claims.get("iat"));
        byte[] expectedAth = PublicJwk.sha256(accessToken.getBytes(StandardCharsets.US_ASCII));
        byte[] ath = claims.get("ath") instanceof String text ? Base64Url.decodeCanonical(text) : null;
        if (ath == null || !MessageDigest.isEqual(ath, expectedAth)) {
            throw rejected(Failure.DPOP_PROOF_WRONG_TOKEN);
        }
        if (nonces != null && !nonces.isValid(claims.get("nonce"))) {
            throw rejected(Failure.DPOP_NONCE_REQUIRED);
        }
        return new VerifiedProof(key.thumbprint(), jti);
    }

    private PublicJwk checkHeader(Map<String, Object> header) throws TokenRejectedException {
        if (!(header.get("typ") instanceof String typ) || !ACCEPTED_TYPES.contains(typ.toLowerCase(Locale.ROOT))) {
            throw rejected(Failure.DPOP_PROOF_INVALID);
        }
        JwsAlgorithm alg = JwsAlgorithm.named(header.get("alg"))
                .filter(algorithms::contains)
                .orElse(null);
        if (alg == null || REFUSED_HEADERS.stream().anyMatch(header::containsKey)) {
            throw rejected(Failure.DPOP_PROOF_INVALID);
        }
        @SuppressWarnings("unchecked")
        PublicJwk key = header.get("jwk") instanceof Map<?, ?> jwk
                ? PublicJwk.parse((Map<String, Object>) jwk).orElse(null)
                : null;
        if (key == null || !alg.fits(key.key(), key.curve())) {
            throw rejected(Failure.DPOP_PROOF_INVALID);
        }
        return key;
    }

    private void checkIssuedAt(Object iat) throws TokenRejectedException {
        if (!(iat instanceof Long || iat instanceof BigDecimal)) {
            throw rejected(Failure.DPOP_PROOF_INVALID);
        }
        BigDecimal issued = new BigDecimal(iat.toString());
        BigDecimal now = BigDecimal.valueOf(clock.millis()).movePointLeft(3);
        BigDecimal earliest =
                now.subtract(BigDecimal.valueOf(maxAge.plus(skew).toMillis()).movePointLeft(3));
        BigDecimal latest = now.add(BigDecimal.valueOf(skew.toMillis()).movePointLeft(3));
        if (issued.compareTo(earliest) < 0 || issued.compareTo(latest) > 0) {
            throw rejected(Failure.DPOP_PROOF_STALE);
        }
    }

    private static TokenRejectedException rejected(Failure failure) {
        return new TokenRejectedException(failure);
    }
}
