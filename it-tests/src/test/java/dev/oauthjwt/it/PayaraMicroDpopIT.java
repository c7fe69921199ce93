package dev.oauthjwt.it;

/** DPoP end to end on Payara Micro. */
@Servers.RunOn(Servers.Kind.PAYARA_MICRO)
class PayaraMicroDpopIT extends DpopContract {}
