package dev.oauthjwt.jaxrs.internal.ops;

import java.util.Locale;

/**
 * The closed vocabulary of how one fetch of a document of the Authorization Server (the JWKS) ended. It names the
 * kind of failure only: never a URL, an exception message or a response body.
 */
public enum FetchResult {
    /** The document was downloaded and understood. */
    OK,
    /** The deadline passed (connect, headers or body). */
    TIMEOUT,
    /** No exchange took place: connection refused or reset, name not resolved, TLS failure. */
    REFUSED,
    /** The server answered with a status other than 200 (redirects included). */
    HTTP_STATUS,
    /** A 200 whose body was refused: over the size cap, content-coded, not JSON, or holding no usable key. */
    BAD_DOCUMENT;

    private final String label = name().toLowerCase(Locale.ROOT);

    /** @return the lower-case name used as a metric label and in the health data */
    public String label() {
        return label;
    }
}
