package dev.oauthjwt.it;

/** Local keys, the RFC 9068 profile and RFC 9728 metadata on Open Liberty. */
@Servers.RunOn(Servers.Kind.OPEN_LIBERTY)
class OpenLibertyLocalKeysIT extends LocalKeysContract {}
