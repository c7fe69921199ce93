package dev.oauthjwt.jaxrs.internal.ops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oauthjwt.jaxrs.internal.Failure;
import dev.oauthjwt.jaxrs.internal.TokenIds;
import dev.oauthjwt.jaxrs.support.LogCapture;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The audit log: line format, what it names and never names, and its rate limit per refusal reason. */
class AuditLogTest {

    static final String ENDPOINT = "com.example.Orders#list";
    static final Map<String, Object> CLAIMS =
            Map.of("iss", "https://as.example", "sub", "alice", "jti", "j-1", "scope", "read");

    final AtomicLong millis = new AtomicLong(1_700_000_000_000L);
    final AuditLog audit = new AuditLog(10, millis::get);
    LogCapture log;

    @BeforeEach
    void capture() {
        log = new LogCapture(AuditLog.LOGGER_NAME, Level.INFO);
    }

    @AfterEach
    void release() {
        log.close();
    }

    @Test
    void writesOneInfoLinePerRefusalNamingReasonStatusEndpointAndClient() {
        audit.refused(Failure.MALFORMED_TOKEN, ENDPOINT, "10.1.2.3", null);
        assertThat(log.records())
                .singleElement()
                .satisfies(r -> assertThat(r.getLevel()).isEqualTo(Level.INFO));
        assertThat(log.messages())
                .containsExactly(
                        "refused reason=MALFORMED_TOKEN status=401 endpoint=com.example.Orders#list client=\"10.1.2.3\"");
    }

    @Test
    void namesKidIssSubAndJtiOnlyWhenTheSignatureHeld() {
        audit.refused(Failure.EXPIRED, ENDPOINT, null, TokenIds.of("k1", CLAIMS));
        audit.refused(Failure.UNVERIFIABLE, ENDPOINT, null, null);
        assertThat(log.messages())
                .containsExactly(
                        "refused reason=EXPIRED status=401 endpoint=com.example.Orders#list client=- kid=\"k1\""
                                + " iss=\"https://as.example\" sub=\"alice\" jti=\"j-1\"",
                        "refused reason=UNVERIFIABLE status=401 endpoint=com.example.Orders#list client=-");
    }

    @Test
    void I1_floodOfRefusals_isCappedPerReasonAndSecond_withOneSuppressedSummary() {
        for (int i = 0; i < 10_000; i++) {
            audit.refused(Failure.UNVERIFIABLE, ENDPOINT, "10.0.0.9", null);
        }
        audit.refused(
                Failure.EXPIRED, ENDPOINT, "10.0.0.9", TokenIds.of("k1", CLAIMS)); // another reason has its own budget
        assertThat(log.messages()).hasSize(11);
        audit.flush();
        assertThat(log.messages()).hasSize(11); // the window has not ended yet

        millis.addAndGet(1_000);
        audit.flush();
        audit.flush(); // a summary is written once
        assertThat(log.messages())
                .hasSize(12)
                .last()
                .asString()
                .startsWith("suppressed reason=UNVERIFIABLE lines=9990 since=")
                .endsWith("(limit 10 lines per second and reason)");
        audit.refused(Failure.UNVERIFIABLE, ENDPOINT, "10.0.0.9", null);
        assertThat(log.messages()).hasSize(13).last().asString().startsWith("refused reason=UNVERIFIABLE");
    }

    @Test
    void I1_racingThreadsReadingTheClockOutOfOrder_neverOpenAnExtraWindow() {
        for (int i = 0; i < 100; i++) {
            millis.addAndGet(i % 2 == 0 ? 3 : -2); // a thread that read the clock earlier enters the lock later
            audit.refused(Failure.UNVERIFIABLE, ENDPOINT, null, null);
        }
        assertThat(log.messages()).hasSize(10);
        millis.set(millis.get() - 5_000); // a real step back of the wall clock starts a new window
        audit.refused(Failure.UNVERIFIABLE, ENDPOINT, null, null);
        assertThat(log.messages()).hasSize(12).last().asString().startsWith("refused reason=UNVERIFIABLE");
        assertThat(log.messages().get(10)).startsWith("suppressed reason=UNVERIFIABLE lines=90 ");
    }

    @Test
    void summaryIsWrittenByTheFirstRefusalOfTheNextWindowToo() {
        for (int i = 0; i < 15; i++) {
            audit.refused(Failure.EXPIRED, ENDPOINT, null, null);
        }
        millis.addAndGet(1_500);
        audit.refused(Failure.EXPIRED, ENDPOINT, null, null);
        assertThat(log.messages()).hasSize(12);
        assertThat(log.messages().get(10)).startsWith("suppressed reason=EXPIRED lines=5 ");
        assertThat(log.messages().get(11)).startsWith("refused reason=EXPIRED");
    }

    @Test
    void I2_lineBreaksQuotesAndControlCharactersInClaims_cannotForgeAuditLines() {
        Map<String, Object> hostile = Map.of(
                "iss", "https://as.example", "sub", "alice\nrefused reason=EXPIRED \"x\"\\\u001b[31m\u2028", "jti", 42);
        audit.refused(Failure.WRONG_AUDIENCE, ENDPOINT, null, TokenIds.of("k\r\n1", hostile));
        String line = log.messages().get(0);
        assertThat(line)
                .doesNotContain("\n", "\r", "\u001b", "\u2028", "\\")
                .contains(" kid=\"k??1\"")
                .contains(" sub=\"alice?refused reason=EXPIRED ?x???[31m?\"")
                .endsWith(" jti=-"); // not a string: not shown
    }

    @Test
    void cutsLongValuesTo64Characters() {
        audit.refused(Failure.EXPIRED, ENDPOINT, null, TokenIds.of("k", Map.of("sub", "a".repeat(10_000))));
        assertThat(log.messages().get(0))
                .contains(" sub=\"" + "a".repeat(64) + "...\" ")
                .hasSizeLessThan(300);
    }

    @Test
    void acceptedRequestsAreLoggedAtFineOnly() {
        audit.accepted(ENDPOINT, "10.0.0.1", TokenIds.of(null, CLAIMS));
        assertThat(log.messages()).isEmpty();
        assertThat(audit.logsAccepted()).isFalse();
        try (LogCapture fine = new LogCapture(AuditLog.LOGGER_NAME, Level.FINE)) {
            assertThat(audit.logsAccepted()).isTrue();
            audit.accepted(ENDPOINT, "10.0.0.1", TokenIds.of(null, CLAIMS));
            assertThat(fine.records())
                    .singleElement()
                    .satisfies(r -> assertThat(r.getLevel()).isEqualTo(Level.FINE));
            assertThat(fine.messages())
                    .containsExactly("accepted endpoint=com.example.Orders#list client=\"10.0.0.1\""
                            + " iss=\"https://as.example\" sub=\"alice\" jti=\"j-1\"");
        }
    }
}
