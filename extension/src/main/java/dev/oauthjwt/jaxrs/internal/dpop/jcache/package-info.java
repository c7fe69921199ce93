/**
 * The DPoP replay cache shared by replicas through JCache (JSR-107): loaded only when {@code oauth.jwt.dpop.replay-cache}
 * names a JCache cache and the API is present ({@link dev.oauthjwt.jaxrs.internal.OptionalApis}); excluded from bean
 * discovery, so that an application without {@code javax.cache} never loads it.
 */
package dev.oauthjwt.jaxrs.internal.dpop.jcache;
