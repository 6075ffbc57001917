package cn.huimin.application;

import static org.assertj.core.api.Assertions.assertThat;

import cn.huimin.domain.shared.Envelope;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The receipt hash and the request fingerprint behind Idempotency-Key. */
class SealedBidHashTest {

    static BidForm form(String price, List<String> proposals, List<Long> attachments) {
        BidForm f = new BidForm();
        f.setTenderId(7L);
        f.setLotId(3L);
        f.setPrice(price);
        f.setProposals(proposals);
        f.setAttachmentIds(attachments);
        f.setDeclaration(true);
        return f;
    }

    @Test
    void theSameRequestHasTheSameFingerprintWhateverTheAttachmentOrder() {
        assertThat(BidService.requestHash(form("100.00", List.of("a", "b"), List.of(2L, 1L))))
                .isEqualTo(BidService.requestHash(form("100.00", List.of("a", "b"), List.of(1L, 2L, 2L))));
    }

    @Test
    void anyChangeChangesTheFingerprint() {
        String base = BidService.requestHash(form("100.00", List.of("a", "b"), List.of(1L)));
        assertThat(BidService.requestHash(form("100.01", List.of("a", "b"), List.of(1L)))).isNotEqualTo(base);
        assertThat(BidService.requestHash(form("100.00", List.of("a", "c"), List.of(1L)))).isNotEqualTo(base);
        assertThat(BidService.requestHash(form("100.00", List.of("ab", ""), List.of(1L)))).isNotEqualTo(base);
        assertThat(BidService.requestHash(form("100.00", List.of("a", "b"), List.of()))).isNotEqualTo(base);
        BidForm noDeclaration = form("100.00", List.of("a", "b"), List.of(1L));
        noDeclaration.setDeclaration(false);
        assertThat(BidService.requestHash(noDeclaration)).isNotEqualTo(base);
        BidForm otherLot = form("100.00", List.of("a", "b"), List.of(1L));
        otherLot.setLotId(4L);
        assertThat(BidService.requestHash(otherLot)).isNotEqualTo(base);
    }

    @Test
    void theSealedHashCoversTheContentAndEveryAttachmentInOrder() {
        byte[] key = Envelope.newDataKey();
        byte[] sealed = Envelope.seal(key, "{\"price\":\"1.00\"}".getBytes(StandardCharsets.UTF_8), null);
        String a1 = Envelope.sha256Hex("one".getBytes(StandardCharsets.UTF_8));
        String a2 = Envelope.sha256Hex("two".getBytes(StandardCharsets.UTF_8));
        String h = BidService.sealedHash(sealed, List.of(a1, a2));
        assertThat(h).hasSize(64).matches("[0-9a-f]{64}");
        assertThat(BidService.sealedHash(sealed, List.of(a1, a2))).isEqualTo(h);
        assertThat(BidService.sealedHash(sealed, List.of(a2, a1))).isNotEqualTo(h);
        assertThat(BidService.sealedHash(sealed, List.of(a1))).isNotEqualTo(h);
        assertThat(BidService.sealedHash(sealed, List.of())).isEqualTo(Envelope.sha256Hex(sealed));
        byte[] altered = sealed.clone();
        altered[altered.length - 1] ^= 1;
        assertThat(BidService.sealedHash(altered, List.of(a1, a2))).isNotEqualTo(h);
    }

    @Test
    void theSealedContentOpensOnlyForItsOwnRow() {
        byte[] key = Envelope.newDataKey();
        byte[] plain = "{\"price\":\"276000.00\"}".getBytes(StandardCharsets.UTF_8);
        byte[] sealed = Envelope.seal(key, plain, Envelope.context("bid", 7, 3, 11));
        assertThat(Envelope.open(key, sealed, Envelope.context("bid", 7, 3, 11))).isEqualTo(plain);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Envelope.open(key, sealed, Envelope.context("bid", 7, 3, 12)))
                .isInstanceOf(Envelope.Broken.class);
        assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("276000");
    }
}
