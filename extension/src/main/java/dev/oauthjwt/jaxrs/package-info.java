/**
 * The public API of the extension: {@link dev.oauthjwt.jaxrs.Secured} to protect a resource, and
 * {@link dev.oauthjwt.jaxrs.AccessToken} to read the verified token. Configuration keys and the deployment error
 * are in {@link dev.oauthjwt.jaxrs.config}. Nothing under {@code dev.oauthjwt.jaxrs.internal} is API: it may change
 * in any release.
 */
package dev.oauthjwt.jaxrs;
