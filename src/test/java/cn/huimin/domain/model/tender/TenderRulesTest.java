package cn.huimin.domain.model.tender;

import cn.huimin.application.Violation;
import cn.huimin.domain.shared.Money;
import cn.huimin.domain.shared.WorkingDayCalendar;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Rules of a tender form. The base form is valid; each test breaks one rule and asserts the exact
 * violation (field, key, arguments). "Today" is 2026-12-01 in Shanghai (now = 2026-12-01T02:00Z = 10:00 CST).
 */
class TenderRulesTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final Instant NOW = Instant.parse("2026-12-01T02:00:00Z");

    /** Category 1 and 2 exist; deliverable 10 is in category 1, 20 in category 2; places 1..5 are in the jurisdiction. */
    static final class FakeContext implements TenderRules.Context {
        private final WorkingDayCalendar calendar = WorkingDayCalendar.official2026();

        @Override
        public boolean categoryExists(Long categoryId) {
            return categoryId != null && (categoryId == 1L || categoryId == 2L);
        }

        @Override
        public boolean deliverableInCategory(Long deliverableTypeId, Long categoryId) {
            if (deliverableTypeId == null || categoryId == null) {
                return false;
            }
            return (deliverableTypeId == 10L && categoryId == 1L) || (deliverableTypeId == 20L && categoryId == 2L);
        }

        @Override
        public boolean placeInJurisdiction(Long placeId) {
            return placeId != null && placeId >= 1 && placeId <= 5;
        }

        @Override
        public WorkingDayCalendar calendar() {
            return calendar;
        }

        @Override
        public Instant now() {
            return NOW;
        }

        @Override
        public LocalDate today() {
            return LocalDate.ofInstant(NOW, SHANGHAI);
        }
    }

    private final FakeContext ctx = new FakeContext();

    // ---------------------------------------------------------------- builders

    private static TenderForm.Factor factor(String name, Integer points) {
        TenderForm.Factor f = new TenderForm.Factor();
        f.setName(name);
        f.setPoints(points);
        f.setDescription("依据服务方案的完整性评分");
        return f;
    }

    private static TenderForm.Deliverable deliverable(Long type, Long place, Integer quantity, String perPeriod) {
        TenderForm.Deliverable d = new TenderForm.Deliverable();
        d.setDeliverableTypeId(type);
        d.setPlaceId(place);
        d.setQuantity(quantity);
        d.setPerPeriod(perPeriod);
        return d;
    }

    private static TenderForm.Lot lot(String ceiling, LocalDate start, LocalDate end) {
        TenderForm.Lot lot = new TenderForm.Lot();
        lot.setTitle("第一包：文化管家服务");
        lot.setBudgetCeiling(ceiling);
        lot.setServiceStart(start);
        lot.setServiceEnd(end);
        lot.getDeliverables().add(deliverable(10L, 1L, 12, "YEAR"));
        return lot;
    }

    /** A valid open tender: budget 288000.00, bid security 5000.00 (< 2%), 30 + 40 + 30 = 100, one lot in 2027. */
    private static TenderForm validForm() {
        TenderForm f = new TenderForm();
        f.setTitle("2027年某街道综合文化站文化管家服务采购项目");
        f.setUnitId(1L);
        f.setCategoryId(1L);
        f.setMethod("OPEN_TENDER");
        f.setBudget("288000.00");
        f.setBidSecurity("5000.00");
        f.setPriceWeight(30);
        f.setQualification("具有独立承担民事责任的能力；具有良好的商业信誉。");
        f.setDescription("派驻一名专业文化管家，策划活动、培训群众、培育文艺团队。");
        f.getFactors().add(factor("服务方案", 40));
        f.getFactors().add(factor("同类项目经验", 30));
        f.getLots().add(lot("288000.00", LocalDate.of(2027, 1, 1), LocalDate.of(2027, 12, 31)));
        return f;
    }

    private static TenderForm validSingleSource() {
        TenderForm f = validForm();
        f.setMethod("SINGLE_SOURCE");
        f.setSingleSourceReason("该剧种仅有本县剧团能够演出，无其他供应商可以提供。");
        f.setProposedSupplier("某县越剧团");
        f.setPriceWeight(null);
        f.getFactors().clear();
        return f;
    }

    private List<Violation> submit(TenderForm f) {
        return TenderRules.checkForSubmission(f, ctx);
    }

    private static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    /** Sets the price weight and replaces the factors by the given points. */
    private static TenderForm scoring(TenderForm f, Integer priceWeight, int... points) {
        f.setPriceWeight(priceWeight);
        f.getFactors().clear();
        for (int i = 0; i < points.length; i++) {
            f.getFactors().add(factor("因素" + (i + 1), points[i]));
        }
        return f;
    }

    // ---------------------------------------------------------------- the base cases

    @Test
    void validOpenTenderHasNoViolations() {
        assertThat(TenderRules.checkDraft(validForm())).isEmpty();
        assertThat(submit(validForm())).isEmpty();
    }

    @Test
    void validSingleSourceHasNoViolationsAndNeedsNoScoringScheme() {
        TenderForm f = validSingleSource();
        assertThat(f.getPriceWeight()).isNull();
        assertThat(f.getFactors()).isEmpty();
        assertThat(submit(f)).isEmpty();
    }

    @Test
    void fakeContextIsWhatTheTestsAssume() {
        assertThat(ctx.today()).isEqualTo(d("2026-12-01"));
        assertThat(ctx.categoryExists(1L)).isTrue();
        assertThat(ctx.categoryExists(3L)).isFalse();
        assertThat(ctx.deliverableInCategory(10L, 1L)).isTrue();
        assertThat(ctx.deliverableInCategory(20L, 1L)).isFalse();
        assertThat(ctx.placeInJurisdiction(5L)).isTrue();
        assertThat(ctx.placeInJurisdiction(6L)).isFalse();
    }

    // ---------------------------------------------------------------- budget

    @Test
    void negativeBudgetIsRefused() {
        TenderForm f = validForm();
        f.setBudget("-1");
        assertThat(submit(f)).extracting(Violation::getField, Violation::getKey)
                .containsExactly(tuple("budget", "money.NEGATIVE"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "0.00", "0.0"})
    void zeroBudgetIsRefused(String budget) {
        TenderForm f = validForm();
        f.setBudget(budget);
        assertThat(submit(f)).extracting(Violation::getField, Violation::getKey)
                .containsExactly(tuple("budget", "money.NOT_POSITIVE"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "1,000", "１２", "288000元", "2.88e5", "288 000"})
    void nonNumericBudgetIsRefused(String budget) {
        TenderForm f = validForm();
        f.setBudget(budget);
        assertThat(submit(f)).extracting(Violation::getField, Violation::getKey)
                .containsExactly(tuple("budget", "money.NOT_A_NUMBER"));
        // already refused when the draft is saved
        assertThat(TenderRules.checkDraft(f)).extracting(Violation::getField, Violation::getKey)
                .containsExactly(tuple("budget", "money.NOT_A_NUMBER"));
    }

    @Test
    void budgetWithMoreThanTwoDecimalsIsRefused() {
        TenderForm f = validForm();
        f.setBudget("1.234");
        assertThat(submit(f)).extracting(Violation::getField, Violation::getKey)
                .containsExactly(tuple("budget", "money.TOO_MANY_DECIMALS"));
    }

    @Test
    void hugeBudgetIsRefused() {
        TenderForm f = validForm();
        f.setBudget("10000000000000.00");
        assertThat(submit(f)).extracting(Violation::getField, Violation::getKey)
                .containsExactly(tuple("budget", "money.TOO_LARGE"));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   "})
    void missingBudgetIsRefusedOnSubmissionButNotInADraft(String budget) {
        TenderForm f = validForm();
        f.setBudget(budget);
        assertThat(submit(f)).extracting(Violation::getField, Violation::getKey)
                .containsExactly(tuple("budget", "money.MISSING"));
        assertThat(TenderRules.checkDraft(f)).isEmpty();
    }

    @Test
    void budgetWithSurroundingSpacesAndOneDecimalIsAccepted() {
        TenderForm f = validForm();
        f.setBudget(" 288000.5 ");
        assertThat(submit(f)).isEmpty();
    }

    // ---------------------------------------------------------------- scoring

    @Test
    void pointsNotSummingTo100AreRefused() {
        TenderForm f = scoring(validForm(), 30, 40, 20);
        List<Violation> v = submit(f);
        assertThat(v).extracting(Violation::getField, Violation::getKey)
                .containsExactly(tuple("factors", "tender.pointsSum"));
        assertThat(v.get(0).getArgs()).containsExactly(90);
    }

    @Test
    void pointsAbove100AreRefused() {
        List<Violation> v = submit(scoring(validForm(), 30, 40, 31));
        assertThat(v).extracting(Violation::getField, Violation::getKey)
                .containsExactly(tuple("factors", "tender.pointsSum"));
        assertThat(v.get(0).getArgs()).containsExactly(101);
    }

    @Test
    void openTenderPriceWeight9IsRefused() {
        List<Violation> v = submit(scoring(validForm(), 9, 61, 30));
        assertThat(v).extracting(Violation::getField, Violation::getKey)
                .containsExactly(tuple("priceWeight", "tender.priceWeightRange"));
        assertThat(v.get(0).getArgs()).containsExactly(10, 99);
    }

    @Test
    void openTenderPriceWeight100IsRefused() {
        // no factor can have points when price takes 100, so the sum rule fails too
        List<Violation> v = submit(scoring(validForm(), 100, 1));
        assertThat(v).extracting(Violation::getField, Violation::getKey)
                .contains(tuple("priceWeight", "tender.priceWeightRange"));
        assertThat(v).filteredOn(x -> x.getField().equals("priceWeight")).singleElement()
                .satisfies(x -> assertThat(x.getArgs()).containsExactly(10, 99));
    }

    @ParameterizedTest
    @ValueSource(ints = {10, 30, 60, 99})
    void openTenderPriceWeightWithinRangeIsAccepted(int priceWeight) {
        assertThat(submit(scoring(validForm(), priceWeight, 100 - priceWeight))).isEmpty();
    }

    @Test
    void consultationPriceWeight31IsRefused() {
        TenderForm f = scoring(validForm(), 31, 69);
        f.setMethod("COMPETITIVE_CONSULTATION");
        List<Violation> v = submit(f);
        assertThat(v).extracting(Violation::getField, Violation::getKey)
                .containsExactly(tuple("priceWeight", "tender.priceWeightRange"));
        assertThat(v.get(0).getArgs()).containsExactly(10, 30);
    }

    @Test
    void consultationPriceWeight9IsRefused() {
        TenderForm f = scoring(validForm(), 9, 91);
        f.setMethod("COMPETITIVE_CONSULTATION");
        assertThat(submit(f)).extracting(Violation::getField, Violation::getKey)
                .containsExactly(tuple("priceWeight", "tender.priceWeightRange"));
    }

    @ParameterizedTest
    @ValueSource(ints = {10, 20, 30})
    void consultationPriceWeightFrom10To30IsAccepted(int priceWeight) {
        TenderForm f = scoring(validForm(), priceWeight, 100 - priceWeight);
        f.setMethod("COMPETITIVE_CONSULTATION");
        assertThat(submit(f)).isEmpty();
    }

    @Test
    void missingPriceWeightIsRequired() {
        TenderForm f = scoring(validForm(), null, 70, 30);
        assertThat(submit(f)).extracting(Violation::getField, Violation::getKey)
                .containsExactly(tuple("priceWeight", "validation.required"));
    }

    @Test
    void noFactorsBesidesPriceIsRefused() {
        TenderForm f = scoring(validForm(), 30);
        assertThat(submit(f)).extracting(Violation::getField, Violation::getKey)
                .containsExactly(tuple("factors", "tender.factorsRequired"));
    }

    @Test
    void factorNamedTwiceIsRefused() {
        TenderForm f = validForm();
        f.getFactors().get(1).setName(" 服务方案 ");
        List<Violation> v = submit(f);
        assertThat(v).extracting(Violation::getField, Violation::getKey)
                .containsExactly(tuple("factorName", "tender.factorTwice"));
        assertThat(v.get(0).getArgs()).containsExactly("服务方案");
    }

    @Test
    void factorWithoutNameIsRefused() {
        TenderForm f = validForm();
        f.getFactors().get(1).setName("  ");
        assertThat(submit(f)).extracting(Violation::getField, Violation::getKey)
                .containsExactly(tuple("factorName", "validation.required"));
    }

    @Test
    void factorWithZeroOrNoPointsIsRefused() {
        TenderForm f = scoring(validForm(), 30, 70, 0);
        assertThat(submit(f)).extracting(Violation::getField, Violation::getKey)
                .containsExactly(tuple("factorPoints", "tender.factorPointsPositive"));
        TenderForm g = validForm();
        g.getFactors().get(0).setPoints(null);
        assertThat(submit(g)).extracting(Violation::getField, Violation::getKey)
                .contains(tuple("factorPoints", "tender.factorPointsPositive"), tuple("factors", "tender.pointsSum"));
    }

    // ---------------------------------------------------------------- bid security

    @Test
    void bidSecurityAbove2PercentIsRefused() {
        TenderForm f = validForm();
        f.setBidSecurity("5760.01");
        List<Violation> v = submit(f);
        assertThat(v).extracting(Violation::getField, Violation::getKey)
                .containsExactly(tuple("bidSecurity", "tender.bidSecurityTooHigh"));
        assertThat(v.get(0).getArgs()).containsExactly(Money.format(new BigDecimal("5760.00")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"5760.00", "5760", "0", "0.00", "1"})
    void bidSecurityUpTo2PercentIsAccepted(String security) {
        TenderForm f = validForm();
        f.setBidSecurity(security);
        assertThat(submit(f)).isEmpty();
    }

    @ParameterizedTest
    @NullAndEmptySource
    void bidSecurityIsOptional(String security) {
        TenderForm f = validForm();
        f.setBidSecurity(security);
        assertThat(submit(f)).isEmpty();
    }

    @Test
    void bidSecurityOfSmallBudgetIsCheckedToTheCent() {
        TenderForm f = validForm();
        f.setBudget("100.00");
        f.getLots().get(0).setBudgetCeiling("100.00");
        f.setBidSecurity("2.01");
        assertThat(submit(f)).extracting(Violation::getField, Violation::getKey)
                .containsExactly(tuple("bidSecurity", "tender.bidSecurityTooHigh"));
        f.setBidSecurity("2.00");
        assertThat(submit(f)).isEmpty();
    }

    @Test
    void negativeOrMalformedBidSecurityIsRefused() {
        TenderForm f = validForm();
        f.setBidSecurity("-5");
        assertThat(submit(f)).extracting(Violation::getField, Violation::getKey)
                .containsExactly(tuple("bidSecurity", "money.NEGATIVE"));
        f.setBidSecurity("5,000");
        assertThat(submit(f)).extracting(Violation::getField, Violation::getKey)
                .containsExactly(tuple("bidSecurity", "money.NOT_A_NUMBER"));
    }

    // ---------------------------------------------------------------- single source

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "太短的理由", "123456789", "   123456789   "})
    void singleSourceWithoutAReasonOfAtLeast10CharactersIsRefused(String reason) {
        TenderForm f = validSingleSource();
        f.setSingleSourceReason(reason);
        assertThat(submit(f)).extracting(Violation::getField, Violation::getKey)
                .containsExactly(tuple("singleSourceReason", "tender.singleSourceReasonRequired"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1234567890", "仅此一家剧团能演出该剧种"})
    void singleSourceReasonOf10CharactersIsEnough(String reason) {
        TenderForm f = validSingleSource();
        f.setSingleSourceReason(reason);
        assertThat(submit(f)).isEmpty();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"  "})
    void singleSourceWithoutProposedSupplierIsRefused(String supplier) {
        TenderForm f = validSingleSource();
        f.setProposedSupplier(supplier);
        assertThat(submit(f)).extracting(Violation::getField, Violation::getKey)
                .containsExactly(tuple("proposedSupplier", "validation.required"));
    }

    @Test
    void otherMethodsNeedNoSingleSourceReason() {
        TenderForm f = validForm();
        f.setSingleSourceReason(null);
        f.setProposedSupplier(null);
        assertThat(submit(f)).isEmpty();
    }

    @Test
    void singleSourceIgnoresAnOutOfRangePriceWeight() {
        TenderForm f = validSingleSource();
        f.setPriceWeight(5);
        assertThat(submit(f)).isEmpty();
    }

    // ---------------------------------------------------------------- preferred deadline

    @Test
    void earliestDeadlinesFromNowAreWhatTheDeadlineTestsAssume() {
        WorkingDayCalendar cal = ctx.calendar();
        assertThat(DeadlineRules.earliestBidDeadline(ProcurementMethod.OPEN_TENDER, NOW, cal))
                .isEqualTo(LocalDateTime.parse("2026-12-21T09:30").atZone(SHANGHAI));
        assertThat(DeadlineRules.earliestBidDeadline(ProcurementMethod.COMPETITIVE_CONSULTATION, NOW, cal))
                .isEqualTo(LocalDateTime.parse("2026-12-11T09:30").atZone(SHANGHAI));
        assertThat(DeadlineRules.earliestBidDeadline(ProcurementMethod.SINGLE_SOURCE, NOW, cal))
                .isEqualTo(LocalDateTime.parse("2026-12-08T17:30").atZone(SHANGHAI));
    }

    @Test
    void preferredDeadlineOnASaturdayBeforeTheLegalMinimumGivesBothProblems() {
        TenderForm f = validForm();
        f.setPreferredDeadline(d("2026-12-19")); // Saturday, before Mon 2026-12-21
        List<Violation> v = submit(f);
        assertThat(v).extracting(Violation::getField, Violation::getKey).containsExactlyInAnyOrder(
                tuple("preferredDeadline", "deadline.BEFORE_LEGAL_MINIMUM"),
                tuple("preferredDeadline", "deadline.NOT_A_WORKING_DAY"));
        assertThat(v).allSatisfy(x -> assertThat(x.getArgs()).containsExactly("2026-12-21"));
    }

    @Test
    void preferredDeadlineOnAWorkingDayBeforeTheLegalMinimumIsRefused() {
        TenderForm f = validForm();
        f.setPreferredDeadline(d("2026-12-18")); // Friday
        List<Violation> v = submit(f);
        assertThat(v).extracting(Violation::getField, Violation::getKey)
                .containsExactly(tuple("preferredDeadline", "deadline.BEFORE_LEGAL_MINIMUM"));
        assertThat(v.get(0).getArgs()).containsExactly("2026-12-21");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-12-21", "2026-12-22", "2026-12-31"})
    void preferredDeadlineOnOrAfterTheLegalMinimumOnAWorkingDayIsAccepted(String date) {
        TenderForm f = validForm();
        f.setPreferredDeadline(d(date));
        assertThat(submit(f)).isEmpty();
    }

    @Test
    void preferredDeadlineOnAWeekendAfterTheLegalMinimumIsNotAWorkingDay() {
        TenderForm f = validForm();
        f.setPreferredDeadline(d("2026-12-27")); // Sunday
        assertThat(submit(f)).extracting(Violation::getField, Violation::getKey)
                .containsExactly(tuple("preferredDeadline", "deadline.NOT_A_WORKING_DAY"));
    }

    @Test
    void preferredDeadlineIn2027HasNoOfficialSchedule() {
        TenderForm f = validForm();
        f.setPreferredDeadline(d("2027-01-04")); // Monday
        assertThat(submit(f)).extracting(Violation::getField, Violation::getKey)
                .containsExactly(tuple("preferredDeadline", "deadline.YEAR_WITHOUT_SCHEDULE"));
        f.setPreferredDeadline(d("2027-01-02")); // Saturday
        assertThat(submit(f)).extracting(Violation::getField, Violation::getKey).containsExactlyInAnyOrder(
                tuple("preferredDeadline", "deadline.NOT_A_WORKING_DAY"),
                tuple("preferredDeadline", "deadline.YEAR_WITHOUT_SCHEDULE"));
    }

    @Test
    void consultationPreferredDeadlineUsesItsOwnMinimum() {
        TenderForm f = scoring(validForm(), 30, 70);
        f.setMethod("COMPETITIVE_CONSULTATION");
        f.setPreferredDeadline(d("2026-12-11"));
        assertThat(submit(f)).isEmpty();
        f.setPreferredDeadline(d("2026-12-10"));
        List<Violation> v = submit(f);
        assertThat(v).extracting(Violation::getField, Violation::getKey)
                .containsExactly(tuple("preferredDeadline", "deadline.BEFORE_LEGAL_MINIMUM"));
        assertThat(v.get(0).getArgs()).containsExactly("2026-12-11");
    }

    @Test
    void singleSourcePreferredDeadlineUsesTheNoticePeriod() {
        TenderForm f = validSingleSource();
        f.setPreferredDeadline(d("2026-12-08"));
        assertThat(submit(f)).isEmpty();
        f.setPreferredDeadline(d("2026-12-07"));
        assertThat(submit(f)).extracting(Violation::getField, Violation::getKey)
                .containsExactly(tuple("preferredDeadline", "deadline.BEFORE_LEGAL_MINIMUM"));
    }

    // ---------------------------------------------------------------- lots

    @Test
    void tenderWithoutLotsIsRefused() {
        TenderForm f = validForm();
        f.getLots().clear();
        assertThat(submit(f)).extracting(Violation::getField, Violation::getKey)
                .containsExactly(tuple("lots", "tender.lotsRequired"));
    }

    @Test
    void lotCeilingsAboveTheBudgetAreRefused() {
        TenderForm f = validForm();
        f.getLots().clear();
        f.getLots().add(lot("150000.00", d("2027-01-01"), d("2027-12-31")));
        f.getLots().add(lot("138000.01", d("2027-01-01"), d("2027-12-31")));
        List<Violation> v = submit(f);
        assertThat(v).extracting(Violation::getField, Violation::getKey)
                .containsExactly(tuple("lots", "tender.lotsOverBudget"));
        assertThat(v.get(0).getArgs()).containsExactly(
                Money.format(new BigDecimal("288000.01")), Money.format(new BigDecimal("288000.00")));
    }

    @Test
    void lotCeilingsEqualToTheBudgetAreAccepted() {
        TenderForm f = validForm();
        f.getLots().clear();
        f.getLots().add(lot("150000.00", d("2027-01-01"), d("2027-12-31")));
        f.getLots().add(lot("138000.00", d("2027-01-01"), d("2027-12-31")));
        assertThat(submit(f)).isEmpty();
    }

    @Test
    void serviceEndBeforeStartIsRefused() {
        TenderForm f = validForm();
        f.getLots().get(0).setServiceStart(d("2027-06-01"));
        f.getLots().get(0).setServiceEnd(d("2027-05-31"));
        List<Violation> v = submit(f);
        assertThat(v).extracting(Violation::getField, Violation::getKey)
                .containsExactly(tuple("servicePeriod", "tender.periodOrder"));
        assertThat(v.get(0).getArgs()).containsExactly(1);
    }

    @Test
    void serviceEndEqualToStartIsRefused() {
        TenderForm f = validForm();
        f.getLots().get(0).setServiceStart(d("2027-06-01"));
        f.getLots().get(0).setServiceEnd(d("2027-06-01"));
        assertThat(submit(f)).extracting(Violation::getField, Violation::getKey)
                .containsExactly(tuple("servicePeriod", "tender.periodOrder"));
    }

    @Test
    void servicePeriodOfExactlyThreeYearsIsAccepted() {
        TenderForm f = validForm();
        f.getLots().get(0).setServiceEnd(d("2029-12-31"));
        assertThat(submit(f)).isEmpty();
    }

    @Test
    void servicePeriodLongerThanThreeYearsIsRefused() {
        TenderForm f = validForm();
        f.getLots().get(0).setServiceEnd(d("2030-01-01"));
        List<Violation> v = submit(f);
        assertThat(v).extracting(Violation::getField, Violation::getKey)
                .containsExactly(tuple("servicePeriod", "tender.periodTooLong"));
        assertThat(v.get(0).getArgs()).containsExactly(1, 3);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-12-01", "2026-11-30", "2026-01-01"})
    void serviceStartNotAfterTodayIsRefused(String start) {
        TenderForm f = validForm();
        f.getLots().get(0).setServiceStart(d(start));
        f.getLots().get(0).setServiceEnd(d("2027-06-30"));
        List<Violation> v = submit(f);
        assertThat(v).extracting(Violation::getField, Violation::getKey)
                .containsExactly(tuple("servicePeriod", "tender.periodInPast"));
        assertThat(v.get(0).getArgs()).containsExactly(1);
    }

    @Test
    void serviceStartTomorrowIsAccepted() {
        TenderForm f = validForm();
        f.getLots().get(0).setServiceStart(d("2026-12-02"));
        assertThat(submit(f)).isEmpty();
    }

    @Test
    void missingServiceDatesAreRequired() {
        TenderForm f = validForm();
        f.getLots().get(0).setServiceEnd(null);
        assertThat(submit(f)).extracting(Violation::getField, Violation::getKey)
                .containsExactly(tuple("servicePeriod", "tender.lotValueRequired"));
        f.getLots().get(0).setServiceEnd(d("2027-12-31"));
        f.getLots().get(0).setServiceStart(null);
        assertThat(submit(f)).extracting(Violation::getField, Violation::getKey)
                .containsExactly(tuple("servicePeriod", "tender.lotValueRequired"));
    }

    @Test
    void deliverableOfAnotherCategoryIsRefused() {
        TenderForm f = validForm();
        f.getLots().get(0).getDeliverables().get(0).setDeliverableTypeId(20L);
        List<Violation> v = submit(f);
        assertThat(v).extracting(Violation::getField, Violation::getKey)
                .containsExactly(tuple("deliverableType", "tender.deliverableNotInCategory"));
        assertThat(v.get(0).getArgs()).containsExactly(1);
    }

    @Test
    void deliverableWithoutTypeIsRefused() {
        TenderForm f = validForm();
        f.getLots().get(0).getDeliverables().get(0).setDeliverableTypeId(null);
        assertThat(submit(f)).extracting(Violation::getField, Violation::getKey)
                .containsExactly(tuple("deliverableType", "tender.deliverableNotInCategory"));
    }

    @Test
    void deliverableOfCategory2IsAcceptedInACategory2Tender() {
        TenderForm f = validForm();
        f.setCategoryId(2L);
        f.getLots().get(0).getDeliverables().get(0).setDeliverableTypeId(20L);
        assertThat(submit(f)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(longs = {0, 6, 999})
    void placeOutsideJurisdictionIsRefused(long place) {
        TenderForm f = validForm();
        f.getLots().get(0).getDeliverables().get(0).setPlaceId(place);
        List<Violation> v = submit(f);
        assertThat(v).extracting(Violation::getField, Violation::getKey)
                .containsExactly(tuple("place", "tender.placeOutsideJurisdiction"));
        assertThat(v.get(0).getArgs()).containsExactly(1);
    }

    @Test
    void deliverableWithoutPlaceIsRefused() {
        TenderForm f = validForm();
        f.getLots().get(0).getDeliverables().get(0).setPlaceId(null);
        assertThat(submit(f)).extracting(Violation::getField, Violation::getKey)
                .containsExactly(tuple("place", "tender.placeOutsideJurisdiction"));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, 100_001, Integer.MAX_VALUE})
    void quantityOutside1To100000IsRefused(int quantity) {
        TenderForm f = validForm();
        f.getLots().get(0).getDeliverables().get(0).setQuantity(quantity);
        List<Violation> v = submit(f);
        assertThat(v).extracting(Violation::getField, Violation::getKey)
                .containsExactly(tuple("quantity", "tender.quantityRange"));
        assertThat(v.get(0).getArgs()).containsExactly(1);
    }

    @Test
    void missingQuantityIsRefused() {
        TenderForm f = validForm();
        f.getLots().get(0).getDeliverables().get(0).setQuantity(null);
        assertThat(submit(f)).extracting(Violation::getField, Violation::getKey)
                .containsExactly(tuple("quantity", "tender.quantityRange"));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 100_000})
    void quantityAtTheLimitsIsAccepted(int quantity) {
        TenderForm f = validForm();
        f.getLots().get(0).getDeliverables().get(0).setQuantity(quantity);
        assertThat(submit(f)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"MONTH", "QUARTER", "YEAR", "WHOLE_TERM"})
    void everyKnownPeriodIsAccepted(String period) {
        TenderForm f = validForm();
        f.getLots().get(0).getDeliverables().get(0).setPerPeriod(period);
        assertThat(submit(f)).isEmpty();
    }

    @ParameterizedTest
    @NullAndEmptySource
    void missingPeriodIsRefusedOnSubmission(String period) {
        TenderForm f = validForm();
        f.getLots().get(0).getDeliverables().get(0).setPerPeriod(period);
        List<Violation> v = submit(f);
        assertThat(v).extracting(Violation::getField, Violation::getKey)
                .containsExactly(tuple("perPeriod", "tender.periodUnknown"));
        assertThat(v.get(0).getArgs()).containsExactly(1);
        assertThat(TenderRules.checkDraft(f)).isEmpty();
    }

    @Test
    void unknownPeriodIsRefusedInADraft() {
        TenderForm f = validForm();
        f.getLots().get(0).getDeliverables().get(0).setPerPeriod("DAILY");
        assertThat(TenderRules.checkDraft(f)).extracting(Violation::getField, Violation::getKey)
                .containsExactly(tuple("perPeriod", "tender.periodUnknown"));
    }

    /** An unknown period is reported once, by the draft check, not again by the lot check. */
    @Test
    void unknownPeriodIsReportedOnceOnSubmission() {
        TenderForm f = validForm();
        f.getLots().get(0).getDeliverables().get(0).setPerPeriod("DAILY");
        assertThat(submit(f)).extracting(Violation::getField, Violation::getKey)
                .containsExactly(tuple("perPeriod", "tender.periodUnknown"));
    }

    @Test
    void lotWithoutDeliverablesIsRefused() {
        TenderForm f = validForm();
        f.getLots().get(0).getDeliverables().clear();
        List<Violation> v = submit(f);
        assertThat(v).extracting(Violation::getField, Violation::getKey)
                .containsExactly(tuple("deliverables", "tender.deliverablesRequired"));
        assertThat(v.get(0).getArgs()).containsExactly(1);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"  "})
    void lotWithoutTitleIsRefused(String title) {
        TenderForm f = validForm();
        f.getLots().get(0).setTitle(title);
        assertThat(submit(f)).extracting(Violation::getField, Violation::getKey)
                .containsExactly(tuple("lotTitle", "tender.lotValueRequired"));
    }

    @Test
    void lotWithoutCeilingIsRefused() {
        TenderForm f = validForm();
        f.getLots().get(0).setBudgetCeiling(null);
        assertThat(submit(f)).extracting(Violation::getField, Violation::getKey)
                .containsExactly(tuple("lotBudget", "tender.lotValueRequired"));
    }

    @Test
    void malformedLotCeilingIsRefusedWithTheLotNumber() {
        TenderForm f = validForm();
        f.getLots().get(0).setBudgetCeiling("12.345");
        List<Violation> v = submit(f);
        assertThat(v).extracting(Violation::getField, Violation::getKey)
                .containsExactly(tuple("lotBudget", "money.TOO_MANY_DECIMALS"));
        assertThat(v.get(0).getArgs()).containsExactly(1);
    }

    @Test
    void violationsOfTheSecondLotCarryItsNumber() {
        TenderForm f = validForm();
        f.getLots().clear();
        f.getLots().add(lot("100000.00", d("2027-01-01"), d("2027-12-31")));
        TenderForm.Lot second = lot("100000.00", d("2027-01-01"), d("2027-12-31"));
        second.getDeliverables().get(0).setQuantity(0);
        second.getDeliverables().get(0).setPlaceId(42L);
        f.getLots().add(second);
        List<Violation> v = submit(f);
        assertThat(v).extracting(Violation::getField, Violation::getKey).containsExactlyInAnyOrder(
                tuple("quantity", "tender.quantityRange"),
                tuple("place", "tender.placeOutsideJurisdiction"));
        assertThat(v).allSatisfy(x -> assertThat(x.getArgs()).containsExactly(2));
    }

    // ---------------------------------------------------------------- title, category, qualification, texts

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "\t"})
    void missingTitleIsRequired(String title) {
        TenderForm f = validForm();
        f.setTitle(title);
        assertThat(submit(f)).extracting(Violation::getField, Violation::getKey)
                .containsExactly(tuple("title", "validation.required"));
        assertThat(TenderRules.checkDraft(f)).extracting(Violation::getField, Violation::getKey)
                .containsExactly(tuple("title", "validation.required"));
    }

    @Test
    void titleOf301CharactersIsTooLong() {
        TenderForm f = validForm();
        f.setTitle("a".repeat(301));
        List<Violation> v = submit(f);
        assertThat(v).extracting(Violation::getField, Violation::getKey)
                .containsExactly(tuple("title", "validation.tooLong"));
        assertThat(v.get(0).getArgs()).containsExactly(300);
        f.setTitle("文".repeat(301));
        assertThat(submit(f)).extracting(Violation::getField, Violation::getKey)
                .containsExactly(tuple("title", "validation.tooLong"));
    }

    @Test
    void titleOf300CharactersIsAccepted() {
        TenderForm f = validForm();
        f.setTitle("文".repeat(300));
        assertThat(submit(f)).isEmpty();
    }

    @Test
    void htmlInTextFieldsIsAcceptedBecauseEscapingIsThePagesJob() {
        TenderForm f = validForm();
        f.setTitle("<script>alert(1)</script>");
        f.setQualification("<b>资格</b> & <img src=x onerror=alert(1)>");
        f.setDescription("<iframe src=\"javascript:alert(1)\"></iframe>");
        f.getLots().get(0).setTitle("<script>alert(2)</script>");
        assertThat(submit(f)).isEmpty();
    }

    @Test
    void tooLongTextFieldsAreRefused() {
        TenderForm f = validForm();
        f.setQualification("x".repeat(TenderRules.MAX_TEXT + 1));
        f.setDescription("x".repeat(TenderRules.MAX_DESCRIPTION + 1));
        f.getLots().get(0).setTitle("x".repeat(301));
        f.getFactors().get(0).setDescription("x".repeat(2001));
        assertThat(submit(f)).extracting(Violation::getField, Violation::getKey).containsExactlyInAnyOrder(
                tuple("qualification", "validation.tooLong"),
                tuple("description", "validation.tooLong"),
                tuple("lotTitle", "validation.tooLong"),
                tuple("factorDescription", "validation.tooLong"));
        f.setQualification("x".repeat(TenderRules.MAX_TEXT));
        f.setDescription("x".repeat(TenderRules.MAX_DESCRIPTION));
        f.getLots().get(0).setTitle("x".repeat(300));
        f.getFactors().get(0).setDescription("x".repeat(2000));
        assertThat(submit(f)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(longs = {3, 99, -1})
    void unknownCategoryIsRefused(long category) {
        TenderForm f = validForm();
        f.setCategoryId(category);
        // the deliverable of category 1 is then not in the tender's category either
        assertThat(submit(f)).extracting(Violation::getField, Violation::getKey).containsExactlyInAnyOrder(
                tuple("category", "validation.required"),
                tuple("deliverableType", "tender.deliverableNotInCategory"));
    }

    @Test
    void missingCategoryIsRequired() {
        TenderForm f = validForm();
        f.setCategoryId(null);
        assertThat(submit(f)).extracting(Violation::getField, Violation::getKey)
                .contains(tuple("category", "validation.required"));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"  "})
    void missingQualificationIsRequired(String qualification) {
        TenderForm f = validForm();
        f.setQualification(qualification);
        assertThat(submit(f)).extracting(Violation::getField, Violation::getKey)
                .containsExactly(tuple("qualification", "validation.required"));
    }

    // ---------------------------------------------------------------- method and draft

    @Test
    void draftWithOnlyTitleAndMethodIsAccepted() {
        TenderForm f = new TenderForm();
        f.setTitle("草稿");
        f.setMethod("OPEN_TENDER");
        assertThat(TenderRules.checkDraft(f)).isEmpty();
    }

    @Test
    void almostEmptyDraftIsNotReadyForSubmission() {
        TenderForm f = new TenderForm();
        f.setTitle("草稿");
        f.setMethod("OPEN_TENDER");
        assertThat(submit(f)).extracting(Violation::getField, Violation::getKey).containsExactlyInAnyOrder(
                tuple("category", "validation.required"),
                tuple("budget", "money.MISSING"),
                tuple("qualification", "validation.required"),
                tuple("priceWeight", "validation.required"),
                tuple("factors", "tender.factorsRequired"),
                tuple("lots", "tender.lotsRequired"));
    }

    @ParameterizedTest
    @NullAndEmptySource
    void draftWithoutMethodIsRefused(String method) {
        TenderForm f = new TenderForm();
        f.setTitle("草稿");
        f.setMethod(method);
        assertThat(TenderRules.checkDraft(f)).extracting(Violation::getField, Violation::getKey)
                .containsExactly(tuple("method", "validation.required"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"AUCTION", "open_tender", "OPEN TENDER"})
    void unknownMethodIsRefused(String method) {
        TenderForm f = validForm();
        f.setMethod(method);
        assertThat(TenderRules.checkDraft(f)).extracting(Violation::getField, Violation::getKey)
                .containsExactly(tuple("method", "tender.methodUnknown"));
        // no scoring or deadline rule can be applied without a method, but nothing crashes
        assertThat(submit(f)).extracting(Violation::getField, Violation::getKey)
                .containsExactly(tuple("method", "tender.methodUnknown"));
    }

    @Test
    void draftChecksAmountsThatArePresent() {
        TenderForm f = new TenderForm();
        f.setTitle("草稿");
        f.setMethod("COMPETITIVE_CONSULTATION");
        f.setBudget("1.234");
        f.setBidSecurity("-1");
        TenderForm.Lot lot = new TenderForm.Lot();
        lot.setBudgetCeiling("abc");
        f.getLots().add(lot);
        assertThat(TenderRules.checkDraft(f)).extracting(Violation::getField, Violation::getKey)
                .containsExactlyInAnyOrder(
                        tuple("budget", "money.TOO_MANY_DECIMALS"),
                        tuple("bidSecurity", "money.NEGATIVE"),
                        tuple("lotBudget", "money.NOT_A_NUMBER"));
    }

    @Test
    void checkingDoesNotChangeTheForm() {
        TenderForm f = validForm();
        f.setBudget("abc");
        List<TenderForm.Lot> lots = new ArrayList<>(f.getLots());
        submit(f);
        assertThat(f.getBudget()).isEqualTo("abc");
        assertThat(f.getLots()).isEqualTo(lots);
        assertThat(f.getFactors()).hasSize(2);
    }

    @Test
    void methodAndPeriodParsing() {
        TenderForm f = new TenderForm();
        f.setMethod("SINGLE_SOURCE");
        assertThat(TenderRules.method(f)).isEqualTo(ProcurementMethod.SINGLE_SOURCE);
        f.setMethod("single_source");
        assertThat(TenderRules.method(f)).isNull();
        assertThat(TenderRules.period("QUARTER")).isEqualTo(LotDeliverable.Period.QUARTER);
        assertThat(TenderRules.period("")).isNull();
        assertThat(TenderRules.period(null)).isNull();
    }
}
