/**
 * Not API. The configuration: every setting as data ({@link dev.oauthjwt.jaxrs.internal.config.Settings}: key, type,
 * default, bounds, meaning), the reader that reads them from MicroProfile Config (with a prefix for tenants), and the
 * validated, immutable configuration built from them at deployment, with the claim rules it holds. May use
 * {@code jose} (algorithm names) and the public configuration API.
 */
package dev.oauthjwt.jaxrs.internal.config;
