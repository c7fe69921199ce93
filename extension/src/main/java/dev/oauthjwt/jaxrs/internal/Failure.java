package dev.oauthjwt.jaxrs.internal;

/**
 * The closed vocabulary of answers to a rejected request (RFC 6750 §3). Descriptions are fixed texts: they never carry
 * exception messages or token contents, and use only the characters RFC 6750 allows in {@code error_description}.
 */
public enum Failure {
    /** No {@code Authorization} header, or another scheme: a bare challenge without an error code. */
    NO_CREDENTIALS(401, null, null),
    MALFORMED_HEADER(400, "invalid_request", "The Authorization header is not a valid Bearer credential"),
    MULTIPLE_CREDENTIALS(400, "invalid_request", "The request carries more than one access token"),
    TOKEN_TOO_LARGE(401, "invalid_token", "The access token is too large"),
    MALFORMED_TOKEN(401, "invalid_token", "The access token is malformed"),
    UNSUPPORTED_HEADER(401, "invalid_token", "The access token uses an unsupported JOSE header"),
    UNVERIFIABLE(401, "invalid_token", "The access token signature could not be verified"),
    WRONG_TYPE(401, "invalid_token", "The access token type is not accepted"),
    EXPIRED(401, "invalid_token", "The access token expired"),
    LIFETIME_TOO_LONG(401, "invalid_token", "The access token lifetime exceeds the accepted maximum"),
    NOT_YET_VALID(401, "invalid_token", "The access token is not valid yet"),
    WRONG_ISSUER(401, "invalid_token", "The access token was issued by an untrusted issuer"),
    WRONG_AUDIENCE(401, "invalid_token", "The access token is not intended for this audience"),
    MISSING_CLAIM(401, "invalid_token", "The access token lacks a required claim"),
    INVALID_CLAIM(401, "invalid_token", "The access token contains an invalid claim"),
    INVALID_TOKEN(401, "invalid_token", "The access token is invalid"),
    UNDECRYPTABLE(401, "invalid_token", "The access token could not be decrypted"),
    INSUFFICIENT_SCOPE(403, "insufficient_scope", "The access token lacks a required scope"),
    CLAIM_RULE_FAILED(403, "insufficient_scope", "The access token does not satisfy the claim rules of this resource"),
    /** RFC 6750 has no code for roles: {@code insufficient_scope} is the one that means "valid, but not enough". */
    ROLE_MISSING(403, "insufficient_scope", "The access token lacks a role this resource requires"),
    /** {@code @DenyAll}: no token is enough. */
    ACCESS_DENIED(403, "insufficient_scope", "This resource is not accessible with any access token"),
    /** The keys could not be obtained and none is cached for the token: fail closed, ask to retry. */
    KEYS_UNAVAILABLE(503, null, null),
    /** The introspection endpoint failed, or the call budget is spent: fail closed, ask to retry. */
    INTROSPECTION_UNAVAILABLE(503, null, null),
    PROOF_WITH_BEARER(400, "invalid_request", "A DPoP proof was sent with a Bearer credential"),
    DPOP_PROOF_MISSING(401, "invalid_dpop_proof", "The request lacks a DPoP proof"),
    DPOP_PROOF_MULTIPLE(401, "invalid_dpop_proof", "The request carries more than one DPoP proof"),
    DPOP_PROOF_INVALID(401, "invalid_dpop_proof", "The DPoP proof is invalid"),
    DPOP_PROOF_MISMATCH(401, "invalid_dpop_proof", "The DPoP proof is not for this method and URI"),
    DPOP_PROOF_STALE(401, "invalid_dpop_proof", "The DPoP proof is outside its time window"),
    DPOP_PROOF_WRONG_TOKEN(401, "invalid_dpop_proof", "The DPoP proof is not for this access token"),
    DPOP_PROOF_REPLAYED(401, "invalid_dpop_proof", "The DPoP proof was already used"),
    /** The proof lacks a valid server nonce: the answer carries a fresh one in {@code DPoP-Nonce} (RFC 9449 §8). */
    DPOP_NONCE_REQUIRED(401, "use_dpop_nonce", "The resource server requires a DPoP nonce"),
    KEY_BINDING_MISMATCH(401, "invalid_token", "The access token is not bound to the presented key or certificate"),
    BOUND_TOKEN_AS_BEARER(401, "invalid_token", "The access token is sender-constrained and needs proof of possession"),
    UNSUPPORTED_CONFIRMATION(401, "invalid_token", "The access token carries an unsupported confirmation method"),
    DPOP_REQUIRED(401, "invalid_token", "This resource requires a DPoP-bound access token"),
    MTLS_REQUIRED(401, "invalid_token", "This resource requires a certificate-bound access token"),
    /** The DPoP replay cache could not answer: fail closed, never accept a possible replay; ask to retry. */
    REPLAY_CACHE_UNAVAILABLE(503, null, null);

    private final int status;
    private final String error;
    private final String description;

    Failure(int status, String error, String description) {
        this.status = status;
        this.error = error;
        this.description = description;
    }

    /** @return the HTTP status */
    public int status() {
        return status;
    }

    /** @return the RFC 6750 error code, or {@code null} when the challenge carries none */
    public String error() {
        return error;
    }

    /** @return whether the failure concerns the DPoP proof, so that it belongs to the {@code DPoP} challenge */
    public boolean isProofFailure() {
        return "invalid_dpop_proof".equals(error) || "use_dpop_nonce".equals(error);
    }

    /** @return the fixed error description, or {@code null} */
    public String description() {
        return description;
    }
}
