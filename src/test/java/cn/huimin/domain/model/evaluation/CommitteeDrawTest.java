package cn.huimin.domain.model.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class CommitteeDrawTest {
    @Test
    void theSameSeedAndCandidatesGiveTheSameOrderWhateverTheirListing() {
        List<Long> candidates = LongStream.rangeClosed(1, 40).boxed().toList();
        List<Long> shuffled = new ArrayList<>(candidates);
        Collections.shuffle(shuffled, new Random(7));
        String seed = CommitteeDraw.newSeed();
        assertThat(CommitteeDraw.order(seed, shuffled)).isEqualTo(CommitteeDraw.order(seed, candidates));
        assertThat(CommitteeDraw.order(seed, candidates)).containsExactlyInAnyOrderElementsOf(candidates);
    }

    @Test
    void theOrderIsTheRankByHashAndCanBeRecomputedByHand() {
        // rank = SHA-256("<seed>:<id>") in hex; the draw takes the lowest ranks first
        String seed = "00112233445566778899aabbccddeeff";
        List<Long> order = CommitteeDraw.order(seed, List.of(11L, 12L, 13L, 14L));
        for (int i = 1; i < order.size(); i++) {
            assertThat(CommitteeDraw.rank(seed, order.get(i - 1))).isLessThan(CommitteeDraw.rank(seed, order.get(i)));
        }
        assertThat(CommitteeDraw.rank(seed, 11L)).hasSize(64).matches("[0-9a-f]{64}");
    }

    @Test
    void differentSeedsGiveDifferentCommittees() {
        List<Long> candidates = LongStream.rangeClosed(1, 30).boxed().toList();
        Set<List<Long>> firstFive = new HashSet<>();
        for (int i = 0; i < 50; i++) {
            firstFive.add(CommitteeDraw.order(CommitteeDraw.newSeed(), candidates).subList(0, 5));
        }
        assertThat(firstFive.size()).isGreaterThan(45);
    }

    @Test
    void everyCandidateCanBeDrawnFirst() {
        List<Long> candidates = LongStream.rangeClosed(1, 6).boxed().toList();
        Set<Long> first = new HashSet<>();
        for (int i = 0; i < 400; i++) {
            first.add(CommitteeDraw.order(CommitteeDraw.newSeed(), candidates).get(0));
        }
        assertThat(first).containsExactlyInAnyOrderElementsOf(candidates);
    }

    @Test
    void seedsAre128RandomBits() {
        assertThat(CommitteeDraw.newSeed()).matches("[0-9a-f]{32}").isNotEqualTo(CommitteeDraw.newSeed());
    }

    @Test
    void committeeRules() {
        assertThat(CommitteeRules.validSize(5)).isTrue();
        assertThat(CommitteeRules.validSize(7)).isTrue();
        assertThat(CommitteeRules.validSize(6)).isFalse();
        assertThat(CommitteeRules.validSize(3)).isFalse();
        assertThat(CommitteeRules.minExperts(5)).isEqualTo(4);   // 10/3 = 3.33 -> 4
        assertThat(CommitteeRules.minExperts(7)).isEqualTo(5);   // 14/3 = 4.67 -> 5
        assertThat(CommitteeRules.minExperts(9)).isEqualTo(6);
        assertThat(CommitteeRules.maxPurchaserSeats(5)).isEqualTo(1);
        assertThat(CommitteeRules.maxPurchaserSeats(7)).isEqualTo(2);
        assertThat(CommitteeRules.maxPurchaserSeats(9)).isEqualTo(3);
    }
}
