/**
 * Not API. The validated, immutable configuration read from MicroProfile Config at deployment, and the claim rules
 * it holds. May use {@code jose} (algorithm names) and the public configuration API.
 */
package dev.oauthjwt.jaxrs.internal.config;
