/**
 * Public configuration API: the MicroProfile Config key names
 * ({@link dev.oauthjwt.jaxrs.config.OAuthJwtConfigKeys}) and the exception that fails a deployment with a bad value
 * ({@link dev.oauthjwt.jaxrs.config.InvalidConfigurationException}).
 */
package dev.oauthjwt.jaxrs.config;
