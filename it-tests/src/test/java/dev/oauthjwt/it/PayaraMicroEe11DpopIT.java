package dev.oauthjwt.it;

/** DPoP end to end on Payara Micro 7 (Jakarta EE 11) on Java 25. */
@Servers.RunOn(Servers.Kind.PAYARA_MICRO_EE11)
class PayaraMicroEe11DpopIT extends DpopContract {}
