/**
 * Not API. Strict parsing of what an attacker shapes before any library sees it: canonical base64url, the compact
 * JWS, one strict JSON parser; and the facts of each accepted JWS algorithm. Uses only the shared vocabulary.
 */
package dev.oauthjwt.jaxrs.internal.jose;
