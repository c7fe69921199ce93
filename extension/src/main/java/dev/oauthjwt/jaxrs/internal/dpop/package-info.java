/**
 * Not API. Sender-constrained access tokens: DPoP proofs (RFC 9449) verified against the request and the token's
 * {@code cnf.jkt}, the normal form of the target URI (and a trusted proxy's view of it), stateless server nonces, the
 * replay cache that accepts each proof once; and certificate-bound tokens (RFC 8705, {@code cnf.x5t#S256}) checked
 * against the request's TLS client certificate. May use {@code jose} (strict parsing, keys, signatures),
 * {@code token} (the token's binding), {@code config} and the shared vocabulary; used by {@code http}.
 */
package dev.oauthjwt.jaxrs.internal.dpop;
