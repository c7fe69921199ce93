package dev.oauthjwt.it;

/** Health, metrics, audit log and prefetch of the sample WAR on Open Liberty (mpHealth-4.0, mpMetrics-5.1). */
@Servers.RunOn(Servers.Kind.OPEN_LIBERTY)
class OpenLibertyOperationsIT extends OperationsContract {}
