package dev.oauthjwt.it;

/** Certificate-bound tokens over mutual TLS on Payara Micro. */
@Servers.RunOn(Servers.Kind.PAYARA_MICRO)
class PayaraMicroMtlsIT extends MtlsContract {}
