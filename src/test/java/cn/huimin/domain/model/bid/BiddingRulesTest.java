package cn.huimin.domain.model.bid;

import static org.assertj.core.api.Assertions.assertThat;

import cn.huimin.domain.model.tender.ProcurementMethod;
import cn.huimin.domain.model.tender.TenderStatus;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class BiddingRulesTest {
    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    static final Instant DEADLINE = ZonedDateTime.of(2026, 12, 21, 9, 30, 0, 0, CHINA).toInstant();

    @Test
    void aBidBeforeTheDeadlineIsAccepted() {
        assertThat(BiddingRules.refusal(TenderStatus.PUBLISHED, ProcurementMethod.OPEN_TENDER, DEADLINE, DEADLINE.minusNanos(1))).isNull();
        assertThat(BiddingRules.refusal(TenderStatus.PUBLISHED, ProcurementMethod.COMPETITIVE_CONSULTATION, DEADLINE, DEADLINE.minusSeconds(3600))).isNull();
    }

    @ParameterizedTest
    @ValueSource(longs = {0, 1, 1_000, 1_000_000_000L, 86_400_000_000_000L})
    void atTheDeadlineAndAnyMomentLaterTheBidIsRefused(long nanosLate) {
        assertThat(BiddingRules.refusal(TenderStatus.PUBLISHED, ProcurementMethod.OPEN_TENDER, DEADLINE, DEADLINE.plusNanos(nanosLate)))
                .isEqualTo("bid.deadlinePassed");
    }

    @Test
    void oneSecondLateIsRefused() {
        assertThat(BiddingRules.refusal(TenderStatus.PUBLISHED, ProcurementMethod.OPEN_TENDER, DEADLINE, DEADLINE.plusSeconds(1)))
                .isEqualTo("bid.deadlinePassed");
    }

    @ParameterizedTest
    @EnumSource(value = TenderStatus.class, names = "PUBLISHED", mode = EnumSource.Mode.EXCLUDE)
    void onlyAPublishedTenderTakesBids(TenderStatus status) {
        assertThat(BiddingRules.refusal(status, ProcurementMethod.OPEN_TENDER, DEADLINE, DEADLINE.minusSeconds(60)))
                .isEqualTo("bid.deadlinePassed");
    }

    @Test
    void aSingleSourceProcurementTakesNoBidsAndATenderWithoutDeadlineNone() {
        assertThat(BiddingRules.refusal(TenderStatus.PUBLISHED, ProcurementMethod.SINGLE_SOURCE, DEADLINE, DEADLINE.minusSeconds(60)))
                .isEqualTo("bid.noBidsForSingleSource");
        assertThat(BiddingRules.refusal(TenderStatus.PUBLISHED, ProcurementMethod.OPEN_TENDER, null, DEADLINE)).isEqualTo("bid.deadlinePassed");
    }

    @Test
    void aValidBidOpensMatchesItsReceiptHasItsSecurityAndStaysWithinTheCeiling() {
        assertThat(BiddingRules.invalidReason(true, true, true, true, new BigDecimal("276000.00"), new BigDecimal("288000.00"))).isNull();
        assertThat(BiddingRules.invalidReason(true, true, false, false, new BigDecimal("288000.00"), new BigDecimal("288000.00"))).isNull();
        assertThat(BiddingRules.invalidReason(true, true, false, false, new BigDecimal("1.00"), null)).isNull();
    }

    @CsvSource({
            "false, true,  true,  true,  100.00, 200.00, SEAL_BROKEN",
            "false, false, true,  false, ,       200.00, SEAL_BROKEN",
            "true,  false, true,  true,  100.00, 200.00, HASH_MISMATCH",
            "true,  true,  true,  false, 100.00, 200.00, SECURITY_NOT_CONFIRMED",
            "true,  true,  true,  false, 300.00, 200.00, SECURITY_NOT_CONFIRMED",
            "true,  true,  false, false, 200.01, 200.00, ABOVE_CEILING",
            "true,  true,  false, false, ,       200.00, ABOVE_CEILING"})
    @ParameterizedTest
    void invalidBidsNameTheirFirstReason(boolean opens, boolean hash, boolean required, boolean confirmed, BigDecimal price,
                                          BigDecimal ceiling, String reason) {
        assertThat(BiddingRules.invalidReason(opens, hash, required, confirmed, price, ceiling)).isEqualTo(reason);
    }

    @ParameterizedTest
    @CsvSource({"0,false", "1,false", "2,false", "3,true", "4,true", "200,true"})
    void aLotNeedsThreeValidBids(int valid, boolean succeeds) {
        assertThat(BiddingRules.lotSucceeds(valid)).isEqualTo(succeeds);
    }

    @ParameterizedTest
    @CsvSource({"2027-12-01,2027-11-01", "2027-03-01,2027-01-30", "2028-03-30,2028-02-29", "2027-01-15,2026-12-16"})
    void theRenewalReminderComesThirtyDaysBeforeExpiryAtMidnightInChina(LocalDate expires, LocalDate remind) {
        assertThat(BiddingRules.remindAt(expires, CHINA)).isEqualTo(remind.atStartOfDay(CHINA).toInstant());
    }

    @Test
    void aDocumentIsInForceThroughItsExpiryDay() {
        LocalDate exp = LocalDate.of(2027, 6, 30);
        assertThat(BiddingRules.expired(exp, exp.minusDays(1))).isFalse();
        assertThat(BiddingRules.expired(exp, exp)).isFalse();
        assertThat(BiddingRules.expired(exp, exp.plusDays(1))).isTrue();
        assertThat(BiddingRules.expired(null, exp)).isTrue();
    }
}
