package dev.oauthjwt.it;

/** DPoP end to end on Open Liberty on Java 25. */
@Servers.RunOn(Servers.Kind.OPEN_LIBERTY_JAVA25)
class OpenLibertyJava25DpopIT extends DpopContract {}
