/**
 * Not API. The binding of {@link dev.oauthjwt.jaxrs.internal.ops.Telemetry} to MicroProfile Metrics 5.x, loaded only
 * when the server offers the API ({@link dev.oauthjwt.jaxrs.internal.OptionalApis}); excluded from bean discovery.
 * May use {@code ops} and the shared vocabulary.
 */
package dev.oauthjwt.jaxrs.internal.ops.metrics;
