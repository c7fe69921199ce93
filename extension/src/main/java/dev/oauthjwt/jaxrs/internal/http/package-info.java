/**
 * Not API. The Jakarta REST edge: binds the filter to {@code @Secured} methods once at deployment, takes the token
 * from the {@code Authorization} header (RFC 6750 §2.1), applies the endpoint's scopes and claim rules, installs the
 * security context, and answers every failure with well-formed challenges. May use {@code token}, {@code dpop},
 * {@code config} and the shared vocabulary; nothing else uses it.
 */
package dev.oauthjwt.jaxrs.internal.http;
