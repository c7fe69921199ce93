package dev.oauthjwt.it;

/** Keycloak tokens accepted end to end by the sample WAR on Payara Micro. */
@Servers.RunOn(Servers.Kind.PAYARA_MICRO)
class PayaraMicroKeycloakIT extends KeycloakInteropContract {}
