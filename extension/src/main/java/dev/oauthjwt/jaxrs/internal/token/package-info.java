/**
 * Not API. Verification of one access token: header policy, key selection, signature (smallrye-jwt), claim rules,
 * and the verified {@link dev.oauthjwt.jaxrs.AccessToken}. May use {@code jose}, {@code keys}, {@code cache},
 * {@code config} and the shared vocabulary.
 */
package dev.oauthjwt.jaxrs.internal.token;
