/**
 * Not API. Sender-constrained access tokens: DPoP proofs (RFC 9449) verified against the request and the token's
 * {@code cnf.jkt}, the normal form of the target URI (and a trusted proxy's view of it), stateless server nonces, and
 * the replay cache that accepts each proof once. May use {@code jose} (strict parsing, keys, signatures),
 * {@code token} (the token's binding), {@code config} and the shared vocabulary; used by {@code http}.
 */
package dev.oauthjwt.jaxrs.internal.dpop;
