package cn.huimin.domain.model.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import cn.huimin.domain.model.evaluation.ConflictRules.Bidder;
import cn.huimin.domain.model.evaluation.ConflictRules.Kind;
import cn.huimin.domain.model.evaluation.ConflictRules.Relation;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ConflictRulesTest {
    static final LocalDate ON = LocalDate.of(2026, 12, 1);
    static final Bidder A = new Bidder(1L, "青山文化服务中心", "91330106MA2H0PQ73D");
    static final Bidder B = new Bidder(2L, "Sunrise Arts Co", "52330100MJ8731405C");

    @Test
    void employerByUsccNameOrVendorId() {
        assertThat(ConflictRules.conflicts(List.of(new Relation(Kind.EMPLOYER, "x", "91330106MA2H0PQ73D", null, null)), List.of(A, B), ON))
                .extracting(ConflictRules.Conflict::vendorId).containsExactly(1L);
        assertThat(ConflictRules.conflicts(List.of(new Relation(Kind.EMPLOYER, " sunrise  arts co ", null, null, null)), List.of(A, B), ON))
                .extracting(ConflictRules.Conflict::vendorId).containsExactly(2L);
        assertThat(ConflictRules.conflicts(List.of(new Relation(Kind.RELATIVE, null, null, 2L, null)), List.of(A, B), ON))
                .extracting(ConflictRules.Conflict::kind).containsExactly(Kind.RELATIVE);
    }

    @Test
    void workEndedMoreThanThreeYearsAgoNoLongerCounts() {
        Relation lastDayInside = new Relation(Kind.WORK, "青山文化服务中心", null, null, ON.minusYears(3));
        Relation lastDayOutside = new Relation(Kind.WORK, "青山文化服务中心", null, null, ON.minusYears(3).minusDays(1));
        Relation ongoing = new Relation(Kind.WORK, "青山文化服务中心", null, null, null);
        assertThat(ConflictRules.conflicts(List.of(lastDayInside), List.of(A), ON)).hasSize(1);
        assertThat(ConflictRules.conflicts(List.of(lastDayOutside), List.of(A), ON)).isEmpty();
        assertThat(ConflictRules.conflicts(List.of(ongoing), List.of(A), ON)).hasSize(1);
        // relatives and employers never expire
        assertThat(ConflictRules.conflicts(List.of(new Relation(Kind.RELATIVE, "青山文化服务中心", null, null, ON.minusYears(10))), List.of(A), ON)).hasSize(1);
    }

    @Test
    void unrelatedOrganizationsAreNoConflict() {
        assertThat(ConflictRules.conflicts(List.of(new Relation(Kind.EMPLOYER, "县文化馆", "12330100470000000X", null, null)), List.of(A, B), ON)).isEmpty();
        assertThat(ConflictRules.conflicts(List.of(new Relation(Kind.EMPLOYER, "", "", null, null)), List.of(new Bidder(3L, "", "")), ON)).isEmpty();
    }

    @Test
    void generatedPoolsNeverLetAConflictThrough() {
        // every relation generated toward a bidder must be found, whichever way it is recorded
        Random r = new Random(42);
        for (int round = 0; round < 500; round++) {
            List<Bidder> bidders = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                bidders.add(new Bidder((long) (round * 10 + i), "Org " + round + "-" + i, "USCC" + round + "X" + i));
            }
            Bidder target = bidders.get(r.nextInt(bidders.size()));
            Kind kind = Kind.values()[r.nextInt(3)];
            Relation rel = switch (r.nextInt(3)) {
                case 0 -> new Relation(kind, null, target.uscc().toLowerCase(), null, ON);
                case 1 -> new Relation(kind, "  " + target.name().toUpperCase() + " ", null, null, ON.minusYears(2));
                default -> new Relation(kind, null, null, target.vendorId(), null);
            };
            assertThat(ConflictRules.conflicts(List.of(rel), bidders, ON)).extracting(ConflictRules.Conflict::vendorId)
                    .containsExactly(target.vendorId());
        }
    }
}
