package dev.oauthjwt.it;

/** The sample WAR on Open Liberty (restfulWS-3.1, cdi-4.0, jsonp-2.1, mpConfig-3.1; no mpJwt). */
@Servers.RunOn(Servers.Kind.OPEN_LIBERTY)
class OpenLibertyIT extends SecuredApiContract {}
