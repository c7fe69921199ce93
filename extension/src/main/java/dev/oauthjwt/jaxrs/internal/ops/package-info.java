/**
 * Not API. What an operator sees of the extension at run time: the closed vocabularies of operational signals
 * ({@link dev.oauthjwt.jaxrs.internal.ops.FetchResult}), the {@link dev.oauthjwt.jaxrs.internal.ops.Telemetry} sink
 * that the request path, the key cache and the token cache report to, and the rate-limited audit log of refused
 * requests. Uses only the shared vocabulary; every other internal package may use it.
 *
 * <p>Its sub-packages bind optional MicroProfile APIs and are loaded only when the API is present: {@code health}
 * (the readiness check, added as a CDI bean by the portable extension; may use {@code token} and {@code keys}) and
 * {@code metrics} (MicroProfile Metrics counters and timer). Both are excluded from bean discovery in
 * {@code META-INF/beans.xml}, so that an application server without the API never loads them.
 */
package dev.oauthjwt.jaxrs.internal.ops;
