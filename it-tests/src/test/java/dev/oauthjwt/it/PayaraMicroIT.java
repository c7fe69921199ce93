package dev.oauthjwt.it;

/** The sample WAR on Payara Micro. */
@Servers.RunOn(Servers.Kind.PAYARA_MICRO)
class PayaraMicroIT extends SecuredApiContract {}
