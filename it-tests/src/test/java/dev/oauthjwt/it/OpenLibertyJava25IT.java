package dev.oauthjwt.it;

/**
 * The sample WAR on Open Liberty on Java 25, with the same features as {@link OpenLibertyIT} (restfulWS-3.1,
 * cdi-4.0, jsonp-2.1, mpConfig-3.1; no mpJwt): Open Liberty 26.0.0.3 ships no Jakarta EE 11 features.
 */
@Servers.RunOn(Servers.Kind.OPEN_LIBERTY_JAVA25)
class OpenLibertyJava25IT extends SecuredApiContract {}
