package dev.oauthjwt.it;

/** Health, metrics, audit log and prefetch of the sample WAR on Payara Micro (MP Health and Metrics built in). */
@Servers.RunOn(Servers.Kind.PAYARA_MICRO)
class PayaraMicroOperationsIT extends OperationsContract {}
