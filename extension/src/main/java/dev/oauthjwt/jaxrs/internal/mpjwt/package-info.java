/**
 * Not API. MicroProfile JWT injection without the server's MP-JWT: {@code @Inject JsonWebToken} and
 * {@code @Inject @Claim} (raw types, {@code ClaimValue<T>}, {@code Optional<T>}, JSON-P types) served from the token
 * that the request's {@code @Secured} filter verified. The producers are CDI alternatives with a priority, so they win
 * over the same beans of a server's MP-JWT support or of smallrye-jwt's CDI classes, should either be present. May use
 * the {@code internal} root (the request's token holder) and nothing else of the extension.
 */
package dev.oauthjwt.jaxrs.internal.mpjwt;
