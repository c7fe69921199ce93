package dev.oauthjwt.jaxrs.internal.dpop;

import dev.oauthjwt.jaxrs.internal.Failure;
import dev.oauthjwt.jaxrs.internal.TokenRejectedException;
import dev.oauthjwt.jaxrs.internal.config.SenderConstraintConfig;
import dev.oauthjwt.jaxrs.internal.config.SenderConstraintConfig.DpopMode;
import dev.oauthjwt.jaxrs.internal.jose.Base64Url;
import dev.oauthjwt.jaxrs.internal.jose.JwsAlgorithm;
import dev.oauthjwt.jaxrs.internal.jose.PublicJwk;
import dev.oauthjwt.jaxrs.internal.token.Confirmation;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * Enforces how a verified access token is bound to its client (its {@code cnf} claim, {@link Confirmation}):
 * a DPoP-bound token only with the {@code DPoP} scheme and a proof by the bound key ({@link DpopProofVerifier}), each
 * proof once ({@link ReplayCache}); a certificate-bound token only with the {@code Bearer} scheme over TLS with the
 * bound client certificate ({@link CertificateBinding}); an unbound token with the {@code Bearer} scheme unless DPoP
 * or certificates are required. One per application; thread-safe.
 */
public final class SenderConstraints {

    /** The request header that carries the proof (RFC 9449 §4.1). */
    public static final String DPOP_HEADER = "DPoP";

    /** The request property (the servlet attribute) with the client's TLS certificate chain. */
    public static final String CERTIFICATE_ATTRIBUTE = CertificateBinding.ATTRIBUTE;

    private static final Logger LOG = Logger.getLogger(SenderConstraints.class.getName());
    private static final AtomicBoolean UNEXPECTED_LOGGED = new AtomicBoolean();

    private final SenderConstraintConfig config;
    private final DpopProofVerifier verifier;
    private final DpopNonces nonces;
    private final ReplayCache replayCache;

    /**
     * @param config the sender-constraint configuration
     * @param clockSkew the leeway for the proof's {@code iat}
     * @param replayCache where accepted proofs are remembered
     * @param clock the clock
     */
    public SenderConstraints(SenderConstraintConfig config, Duration clockSkew, ReplayCache replayCache, Clock clock) {
        this.config = config;
        this.nonces = config.nonceSecret()
                .map(secret -> new DpopNonces(secret, config.dpopMaxAge(), clockSkew, clock))
                .orElse(null);
        this.verifier = new DpopProofVerifier(config.dpopAlgorithms(), config.dpopMaxAge(), clockSkew, nonces, clock);
        this.replayCache = replayCache;
    }

    /**
     * @param config the sender-constraint configuration
     * @param clockSkew the leeway for proof times
     * @param clock the clock
     * @return sender constraints with the in-memory replay cache, entries kept for the window plus twice the skew
     */
    public static SenderConstraints inMemory(SenderConstraintConfig config, Duration clockSkew, Clock clock) {
        Duration retention = config.dpopMaxAge().plus(clockSkew).plus(clockSkew);
        return new SenderConstraints(
                config, clockSkew, new InMemoryReplayCache(config.replayCacheMaxSize(), retention, clock), clock);
    }

    /** @return whether DPoP is disabled, allowed or required */
    public DpopMode dpopMode() {
        return config.dpop();
    }

    /** @return the proof algorithms, space separated, for the {@code algs} of the {@code DPoP} challenge */
    public String algorithmNames() {
        return config.dpopAlgorithms().stream().map(JwsAlgorithm::name).collect(Collectors.joining(" "));
    }

    /** @return a fresh server nonce for a {@code DPoP-Nonce} header, or {@code null} when nonces are not used */
    public String freshNonce() {
        return nonces == null ? null : nonces.issue();
    }

    /**
     * The checks that need no token: run before the token is verified.
     *
     * @param dpopScheme whether the credential came with the {@code DPoP} scheme (only when DPoP is not disabled)
     * @param proofs the {@code DPoP} header values (null or empty when absent)
     * @throws TokenRejectedException for a missing or repeated proof, or a proof sent with a Bearer credential
     */
    public void checkProofHeaders(boolean dpopScheme, List<String> proofs) throws TokenRejectedException {
        int count = proofs == null ? 0 : proofs.size();
        if (count == 1 && proofs.get(0).indexOf(',') >= 0) {
            count = 2; // several fields folded into one line (RFC 9110 §5.3): a JWS never holds a comma
        }
        if (!dpopScheme && count > 0 && config.dpop() != DpopMode.DISABLED) {
            throw new TokenRejectedException(Failure.PROOF_WITH_BEARER);
        }
        if (dpopScheme && count == 0) {
            throw new TokenRejectedException(Failure.DPOP_PROOF_MISSING);
        }
        if (dpopScheme && count > 1) {
            throw new TokenRejectedException(Failure.DPOP_PROOF_MULTIPLE);
        }
    }

    /**
     * @param dpopScheme whether the credential came with the {@code DPoP} scheme
     * @param accessToken the access token text
     * @param confirmation the verified token's binding
     * @param request the request's method, URI, headers and client certificate
     * @throws TokenRejectedException when the token's binding does not hold for this request
     */
    public void enforce(boolean dpopScheme, String accessToken, Confirmation confirmation, RequestFacts request)
            throws TokenRejectedException {
        try {
            check(dpopScheme, accessToken, confirmation, request);
        } catch (RuntimeException | StackOverflowError unexpected) {
            // only the type is logged: messages of the libraries underneath may quote the proof or the token
            LOG.log(
                    UNEXPECTED_LOGGED.compareAndSet(false, true) ? Level.WARNING : Level.FINE,
                    "Binding check failed unexpectedly with {0}; the request is answered 401",
                    unexpected.getClass().getName());
            throw new TokenRejectedException(dpopScheme ? Failure.DPOP_PROOF_INVALID : Failure.INVALID_TOKEN);
        }
    }

    private void check(boolean dpopScheme, String accessToken, Confirmation confirmation, RequestFacts request)
            throws TokenRejectedException {
        if (!dpopScheme && config.dpop() == DpopMode.REQUIRED && confirmation.type() != Confirmation.Type.DPOP) {
            throw new TokenRejectedException(Failure.DPOP_REQUIRED);
        }
        switch (confirmation.type()) {
            case MTLS -> {
                if (dpopScheme || !CertificateBinding.matches(confirmation.thumbprint(), request.certificates())) {
                    throw new TokenRejectedException(Failure.KEY_BINDING_MISMATCH);
                }
            }
            case DPOP -> {
                if (!dpopScheme) {
                    throw new TokenRejectedException(Failure.BOUND_TOKEN_AS_BEARER);
                }
                verifyProof(accessToken, confirmation, request);
            }
            default -> {
                if (dpopScheme) {
                    verifyProof(accessToken, confirmation, request);
                }
            }
        }
        if (config.mtlsRequired() && confirmation.type() != Confirmation.Type.MTLS) {
            throw new TokenRejectedException(Failure.MTLS_REQUIRED);
        }
    }

    /** Verifies the proof, then that the token is bound to its key, then that it is the proof's first use. */
    private void verifyProof(String accessToken, Confirmation confirmation, RequestFacts request)
            throws TokenRejectedException {
        String target = TargetUri.ofRequest(request.uri(), request.headers(), config.trustedProxy())
                .orElseThrow(() -> new TokenRejectedException(Failure.DPOP_PROOF_MISMATCH));
        DpopProofVerifier.VerifiedProof proof =
                verifier.verify(request.headers().apply(DPOP_HEADER).get(0), request.method(), target, accessToken);
        if (confirmation.type() != Confirmation.Type.DPOP
                || !MessageDigest.isEqual(
                        confirmation.thumbprint().getBytes(StandardCharsets.US_ASCII),
                        proof.thumbprint().getBytes(StandardCharsets.US_ASCII))) {
            throw new TokenRejectedException(Failure.KEY_BINDING_MISMATCH);
        }
        replayCache.recordFirstUse(proofId(proof));
    }

    /** The proof's identity: its {@code jti} within its key, so that clients cannot block each other's ids. */
    private static String proofId(DpopProofVerifier.VerifiedProof proof) {
        byte[] id = (proof.thumbprint() + "." + proof.jti()).getBytes(StandardCharsets.UTF_8);
        return Base64Url.encode(PublicJwk.sha256(id));
    }
}
