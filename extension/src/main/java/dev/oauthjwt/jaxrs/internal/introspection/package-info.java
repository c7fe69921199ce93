/**
 * Not API. RFC 7662 token introspection: the configuration, one bounded call per answer (deadline, size cap, no
 * redirects), and the memory of answers with single flight and a call budget per second. May use {@code jose},
 * {@code cache} (the token digest), {@code config} and the shared vocabulary.
 */
package dev.oauthjwt.jaxrs.internal.introspection;
