/**
 * Not API. The bounded memory of tokens already verified, keyed on a digest of the signing input and the canonical
 * signature, valid only while the verifying key is still selected. May use {@code jose} and {@code keys}.
 */
package dev.oauthjwt.jaxrs.internal.cache;
