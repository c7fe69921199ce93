/**
 * Not API. The Authorization Server's keys: fetching the JWKS with a deadline and a size cap, admitting keys,
 * caching them with refresh, cooldown, single flight and stale-if-error, and selecting them by {@code kid} and
 * algorithm. May use {@code jose}.
 */
package dev.oauthjwt.jaxrs.internal.keys;
