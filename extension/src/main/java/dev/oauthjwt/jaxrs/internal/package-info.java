/**
 * Not API. The extension's wiring into CDI (the portable extension that checks the configuration at deployment, the
 * producer of the validator and of the request's {@code AccessToken}) and the closed vocabulary of answers
 * ({@link dev.oauthjwt.jaxrs.internal.Failure}, {@link dev.oauthjwt.jaxrs.internal.TokenRejectedException}) shared
 * by every concern below.
 *
 * <p>A request goes top-down through the sub-packages: {@code http} (the Jakarta REST edge: filter, header
 * extraction, authorization rules of the endpoint, the RFC 6750 answer) calls {@code token} (verification of one
 * token), which uses {@code jose} (strict parsing of JOSE objects and JSON, algorithm facts), {@code keys} (the
 * Authorization Server's keys: fetching, caching, admission) and {@code cache} (tokens already verified). Every
 * sub-package may use {@code config} (the validated configuration). No package uses one above it. Apart from that
 * flow, {@code mpjwt} serves MicroProfile JWT injection from the request's verified token.
 */
package dev.oauthjwt.jaxrs.internal;
