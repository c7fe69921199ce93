package dev.oauthjwt.it;

/** DPoP end to end on Open Liberty. */
@Servers.RunOn(Servers.Kind.OPEN_LIBERTY)
class OpenLibertyDpopIT extends DpopContract {}
