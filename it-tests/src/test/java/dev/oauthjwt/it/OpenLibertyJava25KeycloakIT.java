package dev.oauthjwt.it;

/** Keycloak tokens accepted end to end by the sample WAR on Open Liberty on Java 25. */
@Servers.RunOn(Servers.Kind.OPEN_LIBERTY_JAVA25)
class OpenLibertyJava25KeycloakIT extends KeycloakInteropContract {}
