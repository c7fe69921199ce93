/**
 * Test code shared by every module's tests (scope {@code test} only; never in the extension jar nor in the WAR): an
 * Authorization Server stub ({@link dev.oauthjwt.testsupport.AuthorizationServerStub}: the JWKS and any other document,
 * with scriptable failures and request counters), a key factory ({@link dev.oauthjwt.testsupport.TestKeys}), a token
 * factory ({@link dev.oauthjwt.testsupport.Tokens}), a fuzzer ({@link dev.oauthjwt.testsupport.TokenMutator}) and a
 * hand-moved clock ({@link dev.oauthjwt.testsupport.MutableClock}). Keys are generated at run time, never stored. It
 * does not depend on the extension.
 */
package dev.oauthjwt.testsupport;
