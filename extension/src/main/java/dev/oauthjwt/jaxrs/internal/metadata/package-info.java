/**
 * Not API. RFC 9728 protected-resource metadata: the document and the Jakarta REST resource that serves it under the
 * application's base path when {@code oauth.jwt.resource} is set. May use {@code config}, {@code http} (the scopes of
 * the secured endpoints), {@code dpop} (whether DPoP is accepted) and {@code token} (the application's configuration,
 * through its validator).
 */
package dev.oauthjwt.jaxrs.internal.metadata;
