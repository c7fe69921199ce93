/**
 * Not API. The MicroProfile Health readiness check {@code oauth-jwt}, added as a CDI bean by the portable extension
 * only when the server offers the API ({@link dev.oauthjwt.jaxrs.internal.OptionalApis}); excluded from bean
 * discovery. May use {@code token}, {@code keys}, {@code ops} and the shared vocabulary.
 */
package dev.oauthjwt.jaxrs.internal.ops.health;
