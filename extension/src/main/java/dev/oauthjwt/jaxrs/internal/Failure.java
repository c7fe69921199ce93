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
    /** The keys could not be obtained and none is cached for the token: fail closed, ask to retry. */
    KEYS_UNAVAILABLE(503, null, null),
    /** The introspection endpoint failed, or the call budget is spent: fail closed, ask to retry. */
    INTROSPECTION_UNAVAILABLE(503, null, null);

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

    /** @return the fixed error description, or {@code null} */
    public String description() {
        return description;
    }
}
