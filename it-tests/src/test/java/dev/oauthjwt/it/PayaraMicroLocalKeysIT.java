package dev.oauthjwt.it;

/** Local keys, the RFC 9068 profile and RFC 9728 metadata on Payara Micro. */
@Servers.RunOn(Servers.Kind.PAYARA_MICRO)
class PayaraMicroLocalKeysIT extends LocalKeysContract {}
