package dev.oauthjwt.it;

/** Keycloak tokens accepted end to end by the sample WAR on Payara Micro 7 (Jakarta EE 11) on Java 25. */
@Servers.RunOn(Servers.Kind.PAYARA_MICRO_EE11)
class PayaraMicroEe11KeycloakIT extends KeycloakInteropContract {}
