package dev.oauthjwt.it;

/**
 * Certificate-bound tokens over mutual TLS on Open Liberty with application security ({@code appSecurity-5.0}), the
 * configuration the site documents; without it Liberty shows applications no client certificate
 * ({@link OpenLibertyIT}).
 */
@Servers.RunOn(Servers.Kind.OPEN_LIBERTY_APP_SECURITY)
class OpenLibertyMtlsIT extends MtlsContract {}
