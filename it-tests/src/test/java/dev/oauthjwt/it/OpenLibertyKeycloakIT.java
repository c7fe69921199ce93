package dev.oauthjwt.it;

/** Keycloak tokens accepted end to end by the sample WAR on Open Liberty. */
@Servers.RunOn(Servers.Kind.OPEN_LIBERTY)
class OpenLibertyKeycloakIT extends KeycloakInteropContract {}
