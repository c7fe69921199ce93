package dev.oauthjwt.it;

/** Certificate-bound tokens over mutual TLS on Open Liberty. */
@Servers.RunOn(Servers.Kind.OPEN_LIBERTY)
class OpenLibertyMtlsIT extends MtlsContract {}
