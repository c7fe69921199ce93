/**
 * Not API. Encrypted (JWE) access tokens: the decryption keys read at deployment, the accepted algorithms, and the
 * strict opening of a nested JWT before its inner signed token is verified like any other. May use {@code jose},
 * {@code config} and the shared vocabulary.
 */
package dev.oauthjwt.jaxrs.internal.jwe;
