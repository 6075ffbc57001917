package cn.huimin.domain.shared;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** AES-256-GCM envelopes: round trips, tamper detection, associated data, master key parsing, digests. */
class EnvelopeTest {
    private static final byte[] KEY = Envelope.newDataKey();
    private static final byte[] AAD = Envelope.context("bid", 7L, 3L, 42L);

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] random(int n, long seed) {
        byte[] b = new byte[n];
        new Random(seed).nextBytes(b);
        return b;
    }

    // ---------------------------------------------------------------- round trips

    @Test
    void emptyPlaintextRoundTrips() {
        byte[] sealed = Envelope.seal(KEY, new byte[0], AAD);
        assertThat(sealed).hasSize(1 + 12 + 16);
        assertThat(Envelope.open(KEY, sealed, AAD)).isEmpty();
    }

    @Test
    void smallPlaintextRoundTrips() {
        byte[] plain = utf8("报价：1,234,567.89 元");
        byte[] sealed = Envelope.seal(KEY, plain, AAD);
        assertThat(sealed).hasSize(1 + 12 + plain.length + 16);
        assertThat(Envelope.open(KEY, sealed, AAD)).isEqualTo(plain);
    }

    @Test
    void fiveMegabytePlaintextRoundTrips() {
        byte[] plain = random(5 * 1024 * 1024, 5);
        byte[] sealed = Envelope.seal(KEY, plain, AAD);
        assertThat(sealed).hasSize(1 + 12 + plain.length + 16);
        assertThat(Envelope.open(KEY, sealed, AAD)).isEqualTo(plain);
    }

    @Test
    void everyLengthUpTo100RoundTrips() {
        for (int n = 0; n <= 100; n++) {
            byte[] plain = random(n, n);
            assertThat(Envelope.open(KEY, Envelope.seal(KEY, plain, AAD), AAD)).as("%d bytes", n).isEqualTo(plain);
        }
    }

    @Test
    void nullAssociatedDataRoundTrips() {
        byte[] sealed = Envelope.seal(KEY, utf8("x"), null);
        assertThat(Envelope.open(KEY, sealed, null)).isEqualTo(utf8("x"));
        // GCM makes no difference between no associated data and empty associated data
        assertThat(Envelope.open(KEY, sealed, new byte[0])).isEqualTo(utf8("x"));
        assertThatThrownBy(() -> Envelope.open(KEY, sealed, AAD)).isInstanceOf(Envelope.Broken.class);
    }

    @Test
    void layoutIsVersionNonceCiphertextAndTagAndOpensWithThePlainJdkCipher() throws Exception {
        byte[] plain = utf8("sealed bid");
        byte[] sealed = Envelope.seal(KEY, plain, AAD);
        assertThat(sealed[0]).isEqualTo((byte) 1);
        Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
        c.init(Cipher.DECRYPT_MODE, new SecretKeySpec(KEY, "AES"),
                new GCMParameterSpec(128, Arrays.copyOfRange(sealed, 1, 13)));
        c.updateAAD(AAD);
        assertThat(c.doFinal(sealed, 13, sealed.length - 13)).isEqualTo(plain);
    }

    @Test
    void ciphertextDoesNotContainThePlaintext() {
        byte[] plain = utf8("A".repeat(64));
        String sealed = new String(Envelope.seal(KEY, plain, AAD), StandardCharsets.ISO_8859_1);
        assertThat(sealed).doesNotContain("AAAAAAAA");
    }

    // ---------------------------------------------------------------- randomness

    @Test
    void twoSealsOfTheSamePlaintextDiffer() {
        byte[] plain = utf8("same");
        byte[] a = Envelope.seal(KEY, plain, AAD);
        byte[] b = Envelope.seal(KEY, plain, AAD);
        assertThat(a).isNotEqualTo(b);
        assertThat(Arrays.copyOfRange(a, 1, 13)).isNotEqualTo(Arrays.copyOfRange(b, 1, 13));
        assertThat(Envelope.open(KEY, a, AAD)).isEqualTo(plain);
        assertThat(Envelope.open(KEY, b, AAD)).isEqualTo(plain);
    }

    @Test
    void noncesDoNotRepeatOverManySeals() {
        Set<String> nonces = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            byte[] s = Envelope.seal(KEY, new byte[0], null);
            nonces.add(Base64.getEncoder().encodeToString(Arrays.copyOfRange(s, 1, 13)));
        }
        assertThat(nonces).hasSize(10_000);
    }

    @Test
    void dataKeysAreRandomAnd32Bytes() {
        byte[] a = Envelope.newDataKey();
        byte[] b = Envelope.newDataKey();
        assertThat(a).hasSize(32);
        assertThat(b).hasSize(32);
        assertThat(a).isNotEqualTo(b);
    }

    @Test
    void randomTokensAreUrlSafeWithoutPadding() {
        String t = Envelope.randomToken(32);
        assertThat(t).hasSize(43).matches("[A-Za-z0-9_-]+");
        assertThat(Base64.getUrlDecoder().decode(t)).hasSize(32);
        assertThat(Envelope.randomToken(32)).isNotEqualTo(t);
        assertThat(Envelope.randomToken(0)).isEmpty();
    }

    // ---------------------------------------------------------------- does not open

    @Test
    void wrongKeyIsBroken() {
        byte[] sealed = Envelope.seal(KEY, utf8("secret"), AAD);
        byte[] other = Envelope.newDataKey();
        assertThatThrownBy(() -> Envelope.open(other, sealed, AAD)).isInstanceOf(Envelope.Broken.class);
        byte[] nearly = KEY.clone();
        nearly[31] ^= 1;
        assertThatThrownBy(() -> Envelope.open(nearly, sealed, AAD)).isInstanceOf(Envelope.Broken.class);
    }

    @Test
    void wrongAssociatedDataIsBroken() {
        byte[] sealed = Envelope.seal(KEY, utf8("secret"), AAD);
        for (byte[] wrong : new byte[][]{Envelope.context("bid", 7L, 3L, 43L), Envelope.context("bid", 7L, 3L),
                Envelope.context("bid", 7L, 3L, 42L, 0L), Envelope.context("bid", 42L, 3L, 7L),
                Envelope.context("tender", 7L, 3L, 42L), new byte[0], null}) {
            assertThatThrownBy(() -> Envelope.open(KEY, sealed, wrong)).isInstanceOf(Envelope.Broken.class);
        }
        // a value copied to another row does not open there
        byte[] forRow1 = Envelope.seal(KEY, utf8("100.00"), Envelope.context("price", 1L));
        assertThatThrownBy(() -> Envelope.open(KEY, forRow1, Envelope.context("price", 2L)))
                .isInstanceOf(Envelope.Broken.class);
    }

    @Test
    void everyFlippedBitIsBroken() {
        byte[] sealed = Envelope.seal(KEY, utf8("bid price 99.50"), AAD);
        for (int i = 0; i < sealed.length; i++) {
            for (int bit = 0; bit < 8; bit++) {
                byte[] altered = sealed.clone();
                altered[i] ^= (byte) (1 << bit);
                int at = i;
                int b = bit;
                assertThatThrownBy(() -> Envelope.open(KEY, altered, AAD)).as("byte %d bit %d", at, b)
                        .isInstanceOf(Envelope.Broken.class);
            }
        }
    }

    @Test
    void everyTruncationIsBroken() {
        byte[] sealed = Envelope.seal(KEY, utf8("bid price 99.50"), AAD);
        for (int n = 0; n < sealed.length; n++) {
            byte[] cut = Arrays.copyOf(sealed, n);
            int len = n;
            assertThatThrownBy(() -> Envelope.open(KEY, cut, AAD)).as("first %d bytes", len)
                    .isInstanceOf(Envelope.Broken.class);
        }
        assertThatThrownBy(() -> Envelope.open(KEY, Arrays.copyOfRange(sealed, 1, sealed.length), AAD))
                .isInstanceOf(Envelope.Broken.class);
    }

    @Test
    void appendedBytesAreBroken() {
        byte[] sealed = Envelope.seal(KEY, utf8("x"), AAD);
        byte[] longer = Arrays.copyOf(sealed, sealed.length + 1);
        assertThatThrownBy(() -> Envelope.open(KEY, longer, AAD)).isInstanceOf(Envelope.Broken.class);
    }

    @Test
    void wrongVersionByteIsBroken() {
        byte[] sealed = Envelope.seal(KEY, utf8("x"), AAD);
        for (int v : new int[]{0, 2, 0x7F, 0x80, 0xFF}) {
            byte[] other = sealed.clone();
            other[0] = (byte) v;
            assertThatThrownBy(() -> Envelope.open(KEY, other, AAD)).isInstanceOf(Envelope.Broken.class);
        }
    }

    @Test
    void nullOrGarbageIsBroken() {
        assertThatThrownBy(() -> Envelope.open(KEY, null, AAD)).isInstanceOf(Envelope.Broken.class);
        assertThatThrownBy(() -> Envelope.open(KEY, new byte[0], AAD)).isInstanceOf(Envelope.Broken.class);
        byte[] garbage = random(200, 1);
        garbage[0] = 1;
        assertThatThrownBy(() -> Envelope.open(KEY, garbage, AAD)).isInstanceOf(Envelope.Broken.class);
    }

    @Test
    void brokenIsARuntimeExceptionWithAMessage() {
        byte[] sealed = Envelope.seal(KEY, utf8("x"), AAD);
        assertThatThrownBy(() -> Envelope.open(Envelope.newDataKey(), sealed, AAD))
                .isInstanceOf(RuntimeException.class).hasMessageContaining("does not open");
    }

    @Test
    void keysOfTheWrongLengthAreRefusedOutright() {
        byte[] sealed = Envelope.seal(KEY, utf8("x"), AAD);
        for (byte[] k : new byte[][]{null, new byte[0], new byte[16], new byte[24], new byte[31], new byte[33]}) {
            assertThatThrownBy(() -> Envelope.seal(k, utf8("x"), AAD)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> Envelope.open(k, sealed, AAD)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    // ---------------------------------------------------------------- master key

    @Test
    void masterKeyIsBase64Of32Bytes() {
        byte[] raw = random(32, 99);
        String text = Base64.getEncoder().encodeToString(raw);
        assertThat(Envelope.parseMasterKey(text)).isEqualTo(raw);
        assertThat(Envelope.parseMasterKey("  " + text + "\n")).isEqualTo(raw);
        assertThat(Envelope.parseMasterKey(text.replace("=", ""))).isEqualTo(raw);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "\n"})
    void emptyMasterKeyIsRefused(String text) {
        assertThatThrownBy(() -> Envelope.parseMasterKey(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("empty");
    }

    @ParameterizedTest
    @ValueSource(strings = {"not base64!", "%%%%", "AAAA AAAA", "ab$d", "a"})
    void nonBase64MasterKeyIsRefused(String text) {
        assertThatThrownBy(() -> Envelope.parseMasterKey(text)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void masterKeyOfAnotherLengthIsRefused() {
        for (int n : new int[]{1, 16, 24, 31, 33, 64}) {
            String text = Base64.getEncoder().encodeToString(random(n, n));
            assertThatThrownBy(() -> Envelope.parseMasterKey(text)).as("%d bytes", n)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("32 bytes");
        }
    }

    @Test
    void urlSafeBase64IsNotTakenForAMasterKey() {
        byte[] raw = new byte[32];
        Arrays.fill(raw, (byte) 0xFB); // encodes to '+' and '/' in plain base64, '-' and '_' in the URL alphabet
        assertThat(Envelope.parseMasterKey(Base64.getEncoder().encodeToString(raw))).isEqualTo(raw);
        String urlSafe = Base64.getUrlEncoder().encodeToString(raw);
        assertThatThrownBy(() -> Envelope.parseMasterKey(urlSafe)).isInstanceOf(IllegalArgumentException.class);
    }

    // ---------------------------------------------------------------- key wrap

    @Test
    void dataKeyWrappedByTheMasterKeyOpensAndEncrypts() {
        byte[] master = Envelope.parseMasterKey(Base64.getEncoder().encodeToString(random(32, 2027)));
        byte[] dataKey = Envelope.newDataKey();
        byte[] wrapContext = Envelope.context("data-key", 15L);
        byte[] wrapped = Envelope.seal(master, dataKey, wrapContext);
        assertThat(wrapped).hasSize(1 + 12 + 32 + 16);

        byte[] sealedBid = Envelope.seal(dataKey, utf8("1,000,000.00"), AAD);

        byte[] unwrapped = Envelope.open(master, wrapped, wrapContext);
        assertThat(unwrapped).isEqualTo(dataKey);
        assertThat(Envelope.open(unwrapped, sealedBid, AAD)).isEqualTo(utf8("1,000,000.00"));

        // the wrapped key is bound to its owner and to the master key
        assertThatThrownBy(() -> Envelope.open(master, wrapped, Envelope.context("data-key", 16L)))
                .isInstanceOf(Envelope.Broken.class);
        assertThatThrownBy(() -> Envelope.open(Envelope.newDataKey(), wrapped, wrapContext))
                .isInstanceOf(Envelope.Broken.class);
        // and a data key cannot open what was sealed for the master key
        assertThatThrownBy(() -> Envelope.open(dataKey, wrapped, wrapContext)).isInstanceOf(Envelope.Broken.class);
    }

    // ---------------------------------------------------------------- context

    @Test
    void contextDiffersForDifferentIdsAndKinds() {
        Set<String> seen = new HashSet<>();
        byte[][] all = {
                Envelope.context("bid"),
                Envelope.context("bid", 1L),
                Envelope.context("bid", 2L),
                Envelope.context("bid", 1L, 2L),
                Envelope.context("bid", 2L, 1L),
                Envelope.context("bid", 1L, 2L, 3L),
                Envelope.context("bid", 0L),
                Envelope.context("bid", -1L),
                Envelope.context("bid", Long.MAX_VALUE),
                Envelope.context("bid", 256L),
                Envelope.context("bids", 1L),
                Envelope.context("bi", 1L),
                Envelope.context("Bid", 1L),
                Envelope.context("tender", 1L),
                Envelope.context("price", 1L),
                Envelope.context("data-key", 1L),
                Envelope.context("", 1L),
                Envelope.context("投标", 1L),
                Envelope.context("投票", 1L),
        };
        for (byte[] c : all) {
            seen.add(Base64.getEncoder().encodeToString(c));
        }
        assertThat(seen).hasSize(all.length);
    }

    @Test
    void contextIsKindThenNulThenBigEndianIds() {
        assertThat(Envelope.context("bid", 1L, 258L)).containsExactly(
                'b', 'i', 'd', 0,
                0, 0, 0, 0, 0, 0, 0, 1,
                0, 0, 0, 0, 0, 0, 1, 2);
        assertThat(Envelope.context("")).containsExactly(0);
        assertThat(Envelope.context("投", 1L)).containsExactly(
                (byte) 0xE6, (byte) 0x8A, (byte) 0x95, 0, 0, 0, 0, 0, 0, 0, 0, 1);
    }

    @Test
    void contextIsStable() {
        assertThat(Envelope.context("bid", 7L, 3L)).isEqualTo(Envelope.context("bid", 7L, 3L));
    }

    @Test
    void contextFitsKindsOutsideTheBasicPlane() {
        // U+1F512 is two chars and four bytes in UTF-8
        assertThat(Envelope.context("\uD83D\uDD12", 1L)).hasSize(4 + 1 + 8);
    }

    // ---------------------------------------------------------------- digests

    @Test
    void sha256HexOfKnownVectors() {
        assertThat(Envelope.sha256Hex(utf8("abc")))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThat(Envelope.sha256Hex(new byte[0]))
                .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        assertThat(Envelope.sha256Hex())
                .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        assertThat(Envelope.sha256Hex(utf8("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")))
                .isEqualTo("248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
        byte[] million = new byte[1_000_000];
        Arrays.fill(million, (byte) 'a');
        assertThat(Envelope.sha256Hex(million))
                .isEqualTo("cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
    }

    @Test
    void sha256HexOfPartsIsThatOfTheirConcatenation() {
        assertThat(Envelope.sha256Hex(utf8("a"), utf8("bc"))).isEqualTo(Envelope.sha256Hex(utf8("abc")));
        assertThat(Envelope.sha256Hex(utf8("ab"), new byte[0], utf8("c"))).isEqualTo(Envelope.sha256Hex(utf8("abc")));
    }

    @Test
    void sha256HexIsLowerCaseAnd64Characters() {
        assertThat(Envelope.sha256Hex(random(100, 3))).hasSize(64).matches("[0-9a-f]{64}");
    }

    @Test
    void fingerprintIsStableAnd16HexCharacters() {
        byte[] key = random(32, 8);
        String f = Envelope.fingerprint(key);
        assertThat(f).hasSize(16).matches("[0-9a-f]{16}");
        assertThat(Envelope.fingerprint(key.clone())).isEqualTo(f);
        assertThat(f).isEqualTo(Envelope.sha256Hex(key).substring(0, 16));
        assertThat(Envelope.fingerprint(Envelope.newDataKey())).isNotEqualTo(f);
        // the fingerprint of the 32 zero bytes, from SHA-256 of them: 66687aadf862bd77...
        assertThat(Envelope.fingerprint(new byte[32])).isEqualTo("66687aadf862bd77");
    }

    @Test
    void fingerprintDoesNotChangeTheKey() {
        byte[] key = random(32, 9);
        byte[] copy = key.clone();
        Envelope.fingerprint(key);
        assertThat(key).isEqualTo(copy);
    }

    /**
     * Plaintext is encrypted in slices; the result must be the very GCM ciphertext one call would give (sealed values
     * from before still open, and others' tools open these), at every size around the slice boundary.
     */
    @ParameterizedTest
    @ValueSource(ints = {0, 1, 15, 16, 8191, 8192, 8193, 3 * 8192 + 5, 1 << 20})
    void slicedSealingIsPlainAesGcm(int size) throws Exception {
        byte[] data = random(size, size);
        byte[] sealed = Envelope.seal(KEY, data, AAD);
        assertThat(sealed.length).isEqualTo(1 + 12 + size + 16);
        Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
        c.init(Cipher.DECRYPT_MODE, new SecretKeySpec(KEY, "AES"), new GCMParameterSpec(128, sealed, 1, 12));
        c.updateAAD(AAD);
        assertThat(c.doFinal(sealed, 13, sealed.length - 13)).isEqualTo(data);
        assertIsOneShotAesGcm(sealed, data);
    }

    /** The warm-up's short slices give the same ciphertext as the production slice, at odd sizes too. */
    @ParameterizedTest
    @ValueSource(ints = {1, 255, 256, 257, 65536, 100_003})
    void anySliceGivesPlainAesGcm(int size) throws Exception {
        byte[] data = random(size, size + 1);
        byte[] sealed = Envelope.seal(KEY, data, AAD, 256);
        assertIsOneShotAesGcm(sealed, data);
    }

    /** The ciphertext is what one JDK AES-GCM call gives with the sealed value's nonce, and it opens. */
    private static void assertIsOneShotAesGcm(byte[] sealed, byte[] data) throws Exception {
        Cipher e = Cipher.getInstance("AES/GCM/NoPadding");
        e.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(KEY, "AES"), new GCMParameterSpec(128, sealed, 1, 12));
        e.updateAAD(AAD);
        assertThat(Arrays.copyOfRange(sealed, 13, sealed.length)).isEqualTo(e.doFinal(data));
        assertThat(Envelope.open(KEY, sealed, AAD)).isEqualTo(data);
    }

    /**
     * After the warm-up a megabyte seals on the CPU's instructions: well under the 15-100 ms of the code the JIT starts
     * with. The budget is generous (a quiet JVM needs a few hundred milliseconds). The timing is asserted only where the
     * CPU has AES and carry-less multiply instructions; elsewhere the warm-up must still end within its budget.
     */
    @Test
    void warmUpEndsWithFastSealing() {
        Envelope.WarmUp w = Envelope.warmUp(60_000);
        assertThat(w.rounds()).isPositive();
        assertThat(w.millis()).isLessThan(70_000);
        if (cpuHasAesAndClmul()) {
            assertThat(w.fast()).as("warm-up %s", w).isTrue();
            assertThat(w.msPerMegabyte()).isLessThanOrEqualTo(Envelope.FAST_MS_PER_MB);
        } else {
            assertThat(w.rounds()).as("without AES-NI the warm-up runs until its budget").isGreaterThan(1);
        }
    }

    private static boolean cpuHasAesAndClmul() {
        try {
            String info = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/cpuinfo"));
            return info.matches("(?s).*\\baes\\b.*") && info.contains("pclmulqdq");
        } catch (java.io.IOException | RuntimeException e) {
            return false;
        }
    }

    @Test
    void warmUpStopsAtItsBudget() {
        Envelope.WarmUp w = Envelope.warmUp(0);
        assertThat(w.rounds()).isZero();
        assertThat(w.fast()).isFalse();
    }
}
