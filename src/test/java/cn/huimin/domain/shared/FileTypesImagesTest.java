package cn.huimin.domain.shared;

import cn.huimin.domain.shared.FileTypes.Problem;
import cn.huimin.domain.shared.FileTypes.Type;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.CRC32;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** JPEG and PNG by content, and the sets of types allowed for each kind of upload. */
class FileTypesImagesTest {

    /** A real image written by the JDK's encoder. */
    static byte[] image(String format) {
        BufferedImage img = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < 8; x++) {
            for (int y = 0; y < 8; y++) {
                img.setRGB(x, y, (x * 32) << 16 | (y * 32) << 8 | 0x40);
            }
        }
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            assertThat(ImageIO.write(img, format, out)).as("an ImageIO writer for %s", format).isTrue();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] jpeg() {
        return image("jpeg");
    }

    static byte[] png() {
        return image("png");
    }

    static byte[] pdf() {
        return FileTypesTest.pdf();
    }

    static byte[] docx() {
        return FileTypesTest.docx();
    }

    static byte[] xlsx() {
        return FileTypesTest.xlsx();
    }

    static byte[] html() {
        return "<!DOCTYPE html><html><body><script>alert(1)</script></body></html>".getBytes(StandardCharsets.UTF_8);
    }

    static byte[] content(Type t) {
        switch (t) {
            case PDF: return pdf();
            case DOCX: return docx();
            case XLSX: return xlsx();
            case JPEG: return jpeg();
            case PNG: return png();
            default: throw new AssertionError(t);
        }
    }

    /** {@code head} padded with zero bytes to exactly {@code size} bytes. */
    static byte[] ofSize(byte[] head, long size) {
        return Arrays.copyOf(head, Math.toIntExact(size));
    }

    /** The PNG signature and a complete IHDR chunk for a 1 x 1 RGBA image, CRC included: 33 bytes. */
    static byte[] pngHeader() {
        byte[] head = bytes(0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A,
                0, 0, 0, 13, 'I', 'H', 'D', 'R', 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0);
        CRC32 crc = new CRC32();
        crc.update(head, 12, 17);
        long v = crc.getValue();
        byte[] out = Arrays.copyOf(head, 33);
        for (int i = 0; i < 4; i++) {
            out[29 + i] = (byte) (v >>> (24 - 8 * i));
        }
        return out;
    }

    static byte[] bytes(int... b) {
        byte[] out = new byte[b.length];
        for (int i = 0; i < b.length; i++) {
            out[i] = (byte) b[i];
        }
        return out;
    }

    // ---------------------------------------------------------------- types and sets

    @Test
    void imageTypesCarryTheirMimeTypesAndExtensions() {
        assertThat(Type.JPEG.mime).isEqualTo("image/jpeg");
        assertThat(Type.JPEG.extension).isEqualTo("jpg");
        assertThat(Type.JPEG.extensions).containsExactly("jpg", "jpeg");
        assertThat(Type.PNG.mime).isEqualTo("image/png");
        assertThat(Type.PNG.extension).isEqualTo("png");
        assertThat(Type.PNG.extensions).containsExactly("png");
        assertThat(Type.PDF.extensions).containsExactly("pdf");
        assertThat(Type.DOCX.extensions).containsExactly("docx");
        assertThat(Type.XLSX.extensions).containsExactly("xlsx");
    }

    @Test
    void setsHoldExactlyTheirTypes() {
        assertThat(FileTypes.TENDER_DOCUMENTS).containsExactlyInAnyOrder(Type.PDF, Type.DOCX, Type.XLSX);
        assertThat(FileTypes.VENDOR_DOCUMENTS).containsExactlyInAnyOrder(Type.PDF, Type.JPEG, Type.PNG);
        assertThat(FileTypes.BID_ATTACHMENTS).containsExactlyInAnyOrder(Type.values());
        assertThat(FileTypes.PHOTOS).containsExactlyInAnyOrder(Type.JPEG, Type.PNG);
    }

    @Test
    void setsCannotBeChangedByCallers() {
        for (Set<Type> s : List.of(FileTypes.TENDER_DOCUMENTS, FileTypes.VENDOR_DOCUMENTS, FileTypes.BID_ATTACHMENTS,
                FileTypes.PHOTOS)) {
            assertThatThrownBy(() -> s.add(Type.PDF)).isInstanceOf(UnsupportedOperationException.class);
            assertThatThrownBy(() -> s.remove(Type.PNG)).isInstanceOf(UnsupportedOperationException.class);
            assertThatThrownBy(s::clear).isInstanceOf(UnsupportedOperationException.class);
        }
        assertThat(FileTypes.PHOTOS).doesNotContain(Type.PDF);
    }

    // ---------------------------------------------------------------- detect

    @Test
    void detectRecognisesRealImages() {
        assertThat(FileTypes.detect(jpeg())).isEqualTo(Type.JPEG);
        assertThat(FileTypes.detect(png())).isEqualTo(Type.PNG);
        assertThat(FileTypes.detect(pngHeader())).isEqualTo(Type.PNG);
    }

    @Test
    void detectRecognisesEveryType() {
        for (Type t : Type.values()) {
            assertThat(FileTypes.detect(content(t))).isEqualTo(t);
        }
    }

    /** FileTypesTest.png() stops before the IHDR CRC: a cut-off header is not taken for an image. */
    @Test
    void pngHeaderCutBeforeItsCrcIsNotRecognised() {
        assertThat(FileTypes.detect(FileTypesTest.png())).isNull();
        byte[] full = pngHeader();
        for (int n = 0; n < full.length; n++) {
            assertThat(FileTypes.detect(Arrays.copyOf(full, n))).as("first %d bytes", n).isNull();
        }
    }

    @Test
    void pngWithAnyByteOfItsHeaderChangedIsNotRecognised() {
        byte[] full = pngHeader();
        for (int i = 0; i < full.length; i++) {
            byte[] wrong = full.clone();
            wrong[i] ^= 0x20;
            assertThat(FileTypes.detect(wrong)).as("byte %d changed", i).isNull();
        }
    }

    @Test
    void pngMangledByATextModeTransferIsNotRecognised() {
        // CR LF turned into LF
        byte[] full = pngHeader();
        byte[] mangled = new byte[full.length - 1];
        System.arraycopy(full, 0, mangled, 0, 4);
        System.arraycopy(full, 5, mangled, 4, full.length - 5);
        assertThat(FileTypes.detect(mangled)).isNull();
    }

    @Test
    void pngWhoseFirstChunkIsNotIhdrIsNotRecognised() {
        byte[] idat = pngHeader();
        idat[12] = 'I';
        idat[13] = 'D';
        idat[14] = 'A';
        idat[15] = 'T';
        assertThat(FileTypes.detect(idat)).isNull();
    }

    @Test
    void jpegMagicIsFfD8Ff() {
        assertThat(FileTypes.detect(bytes(0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 'J', 'F', 'I', 'F', 0))).isEqualTo(Type.JPEG);
        assertThat(FileTypes.detect(bytes(0xFF, 0xD8, 0xFF, 0xE1, 0x00, 0x10, 'E', 'x', 'i', 'f', 0))).isEqualTo(Type.JPEG);
        assertThat(FileTypes.detect(bytes(0xFF, 0xD8, 0xFE, 0xE0, 0x00, 0x10))).isNull();
        assertThat(FileTypes.detect(bytes(0xFF, 0xD9, 0xFF, 0xE0, 0x00, 0x10))).isNull();
        assertThat(FileTypes.detect(bytes(0x00, 0xFF, 0xD8, 0xFF, 0xE0, 0x00))).isNull();
        assertThat(FileTypes.detect(bytes(0xFF, 0xD8, 0xFF))).isNull(); // nothing after the magic
    }

    @Test
    void otherImageFormatsAreNotRecognised() {
        assertThat(FileTypes.detect("GIF89a\1\0\1\0".getBytes(StandardCharsets.ISO_8859_1))).isNull();
        assertThat(FileTypes.detect(image("bmp"))).isNull();
        assertThat(FileTypes.detect("RIFF\0\0\0\0WEBPVP8 ".getBytes(StandardCharsets.ISO_8859_1))).isNull();
        assertThat(FileTypes.detect(("<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>")
                .getBytes(StandardCharsets.UTF_8))).isNull();
        assertThat(FileTypes.detect(bytes(0x49, 0x49, 0x2A, 0x00, 0x08, 0x00))).isNull(); // TIFF
        assertThat(FileTypes.detect(html())).isNull();
        assertThat(FileTypes.detect(new byte[0])).isNull();
        assertThat(FileTypes.detect(null)).isNull();
    }

    // ---------------------------------------------------------------- byExtension

    @Test
    void byExtensionReadsTheLastExtensionInAnyCase() {
        assertThat(FileTypes.byExtension("营业执照.jpg")).isEqualTo(Type.JPEG);
        assertThat(FileTypes.byExtension("a.JPEG")).isEqualTo(Type.JPEG);
        assertThat(FileTypes.byExtension("a.JpG")).isEqualTo(Type.JPEG);
        assertThat(FileTypes.byExtension("a.png")).isEqualTo(Type.PNG);
        assertThat(FileTypes.byExtension("a.exe.PNG")).isEqualTo(Type.PNG);
        assertThat(FileTypes.byExtension("a.pdf")).isEqualTo(Type.PDF);
        assertThat(FileTypes.byExtension("a.docx")).isEqualTo(Type.DOCX);
        assertThat(FileTypes.byExtension("a.Xlsx")).isEqualTo(Type.XLSX);
        assertThat(FileTypes.byExtension(".png")).isEqualTo(Type.PNG);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"png", "jpg", "a.", "a.png.exe", "a.jfif", "a.jpe", "a.gif", "a.svg", "a.doc", "a.png ",
            "a. png", "a.p ng"})
    void byExtensionIsNullForAnythingElse(String name) {
        assertThat(FileTypes.byExtension(name)).isNull();
    }

    @Test
    void packagePrivateExtensionKnowsTheImageExtensions() {
        assertThat(FileTypes.extension("a.JPG")).isEqualTo("jpg");
        assertThat(FileTypes.extension("a.jpeg")).isEqualTo("jpeg");
        assertThat(FileTypes.extension("a.Png")).isEqualTo("png");
        assertThat(FileTypes.extension("a.gif")).isNull();
    }

    // ---------------------------------------------------------------- check with a set: accepted

    @ParameterizedTest
    @ValueSource(strings = {"营业执照.jpg", "a.jpeg", "A.JPG", "scan.JPEG", "photo.final.Jpg"})
    void jpegWithEitherExtensionIsAccepted(String name) {
        assertThat(FileTypes.check(name, jpeg(), FileTypes.PHOTOS)).isNull();
        assertThat(FileTypes.check(name, jpeg(), FileTypes.VENDOR_DOCUMENTS)).isNull();
        assertThat(FileTypes.check(name, jpeg(), FileTypes.BID_ATTACHMENTS)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"资质证书.png", "a.PNG", "screen shot.Png"})
    void pngWithPngNameIsAccepted(String name) {
        assertThat(FileTypes.check(name, png(), FileTypes.PHOTOS)).isNull();
        assertThat(FileTypes.check(name, png(), FileTypes.VENDOR_DOCUMENTS)).isNull();
        assertThat(FileTypes.check(name, png(), FileTypes.BID_ATTACHMENTS)).isNull();
    }

    @Test
    void everyTypeWithItsOwnNameIsAcceptedExactlyWhereItIsAllowed() {
        Map<String, Set<Type>> sets = Map.of("TENDER_DOCUMENTS", FileTypes.TENDER_DOCUMENTS,
                "VENDOR_DOCUMENTS", FileTypes.VENDOR_DOCUMENTS, "BID_ATTACHMENTS", FileTypes.BID_ATTACHMENTS,
                "PHOTOS", FileTypes.PHOTOS);
        for (Map.Entry<String, Set<Type>> s : sets.entrySet()) {
            for (Type t : Type.values()) {
                for (String ext : t.extensions) {
                    Problem p = FileTypes.check("file." + ext, content(t), s.getValue());
                    if (s.getValue().contains(t)) {
                        assertThat(p).as("%s named .%s in %s", t, ext, s.getKey()).isNull();
                    } else {
                        assertThat(p).as("%s named .%s in %s", t, ext, s.getKey()).isEqualTo(Problem.TYPE_NOT_ALLOWED);
                    }
                }
            }
        }
    }

    @Test
    void twoArgumentCheckIsTheTenderDocumentSet() {
        for (Type t : Type.values()) {
            for (String name : List.of("a.pdf", "a.docx", "a.xlsx", "a.jpg", "a.jpeg", "a.png", "a.exe", "a")) {
                assertThat(FileTypes.check(name, content(t)))
                        .as("%s named %s", t, name)
                        .isEqualTo(FileTypes.check(name, content(t), FileTypes.TENDER_DOCUMENTS));
            }
        }
        assertThat(FileTypes.check("a.jpg", jpeg())).isEqualTo(Problem.TYPE_NOT_ALLOWED);
        assertThat(FileTypes.check("a.png", png())).isEqualTo(Problem.TYPE_NOT_ALLOWED);
    }

    // ---------------------------------------------------------------- check with a set: type not allowed

    @Test
    void pdfInPhotosIsNotAllowed() {
        assertThat(FileTypes.check("a.pdf", pdf(), FileTypes.PHOTOS)).isEqualTo(Problem.TYPE_NOT_ALLOWED);
        assertThat(FileTypes.check("scan.PDF", pdf(), FileTypes.PHOTOS)).isEqualTo(Problem.TYPE_NOT_ALLOWED);
    }

    @Test
    void officeDocumentsInVendorDocumentsAndPhotosAreNotAllowed() {
        assertThat(FileTypes.check("a.docx", docx(), FileTypes.VENDOR_DOCUMENTS)).isEqualTo(Problem.TYPE_NOT_ALLOWED);
        assertThat(FileTypes.check("a.xlsx", xlsx(), FileTypes.VENDOR_DOCUMENTS)).isEqualTo(Problem.TYPE_NOT_ALLOWED);
        assertThat(FileTypes.check("a.docx", docx(), FileTypes.PHOTOS)).isEqualTo(Problem.TYPE_NOT_ALLOWED);
    }

    @ParameterizedTest
    @ValueSource(strings = {"a.gif", "a.exe", "a.html", "README", "a.svg"})
    void unknownContentUnderANameOfNoAllowedTypeIsNotAllowed(String name) {
        assertThat(FileTypes.check(name, html(), FileTypes.PHOTOS)).isEqualTo(Problem.TYPE_NOT_ALLOWED);
        assertThat(FileTypes.check(name, html(), FileTypes.BID_ATTACHMENTS)).isEqualTo(Problem.TYPE_NOT_ALLOWED);
    }

    @Test
    void anEmptySetAllowsNothing() {
        for (Type t : Type.values()) {
            assertThat(FileTypes.check("a." + t.extension, content(t), EnumSet.noneOf(Type.class)))
                    .isEqualTo(Problem.TYPE_NOT_ALLOWED);
        }
    }

    @Test
    void aSetIsRequired() {
        assertThatThrownBy(() -> FileTypes.check("a.png", png(), null)).isInstanceOf(NullPointerException.class);
    }

    // ---------------------------------------------------------------- check with a set: name does not match content

    @Test
    void pngNamedPdfDoesNotMatchInEverySet() {
        assertThat(FileTypes.check("scan.pdf", png(), FileTypes.PHOTOS)).isEqualTo(Problem.NAME_DOES_NOT_MATCH_CONTENT);
        assertThat(FileTypes.check("scan.pdf", png(), FileTypes.VENDOR_DOCUMENTS))
                .isEqualTo(Problem.NAME_DOES_NOT_MATCH_CONTENT);
        assertThat(FileTypes.check("scan.pdf", png(), FileTypes.BID_ATTACHMENTS))
                .isEqualTo(Problem.NAME_DOES_NOT_MATCH_CONTENT);
        assertThat(FileTypes.check("scan.pdf", png(), FileTypes.TENDER_DOCUMENTS))
                .isEqualTo(Problem.NAME_DOES_NOT_MATCH_CONTENT);
        assertThat(FileTypes.check("scan.pdf", png())).isEqualTo(Problem.NAME_DOES_NOT_MATCH_CONTENT);
    }

    @Test
    void jpegAndPngSwappedDoNotMatch() {
        assertThat(FileTypes.check("a.png", jpeg(), FileTypes.PHOTOS)).isEqualTo(Problem.NAME_DOES_NOT_MATCH_CONTENT);
        assertThat(FileTypes.check("a.jpg", png(), FileTypes.PHOTOS)).isEqualTo(Problem.NAME_DOES_NOT_MATCH_CONTENT);
        assertThat(FileTypes.check("a.jpeg", png(), FileTypes.PHOTOS)).isEqualTo(Problem.NAME_DOES_NOT_MATCH_CONTENT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"a.png", "a.jpg", "a.jpeg", "a.PNG"})
    void htmlNamedAsAnImageIsRefused(String name) {
        assertThat(FileTypes.check(name, html(), FileTypes.PHOTOS)).isEqualTo(Problem.NAME_DOES_NOT_MATCH_CONTENT);
        assertThat(FileTypes.check(name, html(), FileTypes.VENDOR_DOCUMENTS))
                .isEqualTo(Problem.NAME_DOES_NOT_MATCH_CONTENT);
        assertThat(FileTypes.check(name, html(), FileTypes.BID_ATTACHMENTS))
                .isEqualTo(Problem.NAME_DOES_NOT_MATCH_CONTENT);
        // where images are not allowed at all, the name claims nothing allowed
        assertThat(FileTypes.check(name, html(), FileTypes.TENDER_DOCUMENTS)).isEqualTo(Problem.TYPE_NOT_ALLOWED);
    }

    /** A not-allowed type under the name of an allowed one is a mismatch, as for tender documents. */
    @Test
    void pdfNamedAsAPhotoIsAMismatch() {
        assertThat(FileTypes.check("a.png", pdf(), FileTypes.PHOTOS)).isEqualTo(Problem.NAME_DOES_NOT_MATCH_CONTENT);
        assertThat(FileTypes.check("a.jpg", docx(), FileTypes.PHOTOS)).isEqualTo(Problem.NAME_DOES_NOT_MATCH_CONTENT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"a.exe", "a.jpg.exe", "jpg", "a.", "a.gif", "noextension"})
    void imageUnderAnotherNameDoesNotMatch(String name) {
        assertThat(FileTypes.check(name, jpeg(), FileTypes.PHOTOS)).isEqualTo(Problem.NAME_DOES_NOT_MATCH_CONTENT);
        assertThat(FileTypes.check(name, png(), FileTypes.PHOTOS)).isEqualTo(Problem.NAME_DOES_NOT_MATCH_CONTENT);
    }

    @Test
    void truncatedImageMagicWithImageNameDoesNotMatch() {
        assertThat(FileTypes.check("a.png", bytes(0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A), FileTypes.PHOTOS))
                .isEqualTo(Problem.NAME_DOES_NOT_MATCH_CONTENT);
        assertThat(FileTypes.check("a.png", FileTypesTest.png(), FileTypes.PHOTOS))
                .isEqualTo(Problem.NAME_DOES_NOT_MATCH_CONTENT);
        assertThat(FileTypes.check("a.jpg", bytes(0xFF, 0xD8), FileTypes.PHOTOS))
                .isEqualTo(Problem.NAME_DOES_NOT_MATCH_CONTENT);
    }

    // ---------------------------------------------------------------- check with a set: size and names

    @Test
    void emptyImageIsRefused() {
        assertThat(FileTypes.check("a.png", new byte[0], FileTypes.PHOTOS)).isEqualTo(Problem.EMPTY);
        assertThat(FileTypes.check("a.jpg", null, FileTypes.PHOTOS)).isEqualTo(Problem.EMPTY);
        assertThat(FileTypes.check("a.pdf", new byte[0], FileTypes.VENDOR_DOCUMENTS)).isEqualTo(Problem.EMPTY);
    }

    @Test
    void imageOfExactly20MegabytesIsAcceptedAndOneByteMoreIsTooLarge() {
        assertThat(FileTypes.check("big.png", ofSize(png(), FileTypes.MAX_BYTES), FileTypes.PHOTOS)).isNull();
        assertThat(FileTypes.check("big.png", ofSize(png(), FileTypes.MAX_BYTES + 1), FileTypes.PHOTOS))
                .isEqualTo(Problem.TOO_LARGE);
    }

    @Test
    void sizeIsCheckedBeforeType() {
        // too large wins even when the type would not be allowed either
        assertThat(FileTypes.check("big.pdf", ofSize(pdf(), FileTypes.MAX_BYTES + 1), FileTypes.PHOTOS))
                .isEqualTo(Problem.TOO_LARGE);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" ", "../a.png", "a/b.jpg", "C:\\photos\\a.jpg", "a\u0000.png", "a\n.jpg", "a\u007f.png",
            "a\u0085.png"})
    void badNamesAreRefusedForEverySet(String name) {
        for (Set<Type> s : List.of(FileTypes.TENDER_DOCUMENTS, FileTypes.VENDOR_DOCUMENTS, FileTypes.BID_ATTACHMENTS,
                FileTypes.PHOTOS)) {
            assertThat(FileTypes.check(name, png(), s)).isEqualTo(Problem.BAD_NAME);
            assertThat(FileTypes.check(name, new byte[0], s)).isEqualTo(Problem.BAD_NAME);
        }
    }

    @Test
    void nameOf256CharactersIsRefused() {
        String name255 = "照".repeat(251) + ".png";
        assertThat(FileTypes.check(name255, png(), FileTypes.PHOTOS)).isNull();
        assertThat(FileTypes.check("照" + name255, png(), FileTypes.PHOTOS)).isEqualTo(Problem.BAD_NAME);
    }
}
