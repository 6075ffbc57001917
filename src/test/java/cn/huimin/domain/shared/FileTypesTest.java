package cn.huimin.domain.shared;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/** File type by content, never by name: real PDF / DOCX / XLSX only, at most 20 MB, sane names. */
class FileTypesTest {

    /** A minimal but complete one-page PDF. */
    static byte[] pdf() {
        String s = "%PDF-1.4\n"
                + "1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
                + "2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n"
                + "3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >> endobj\n"
                + "xref\n0 4\n0000000000 65535 f \n"
                + "trailer << /Size 4 /Root 1 0 R >>\nstartxref\n0\n%%EOF\n";
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    /** A ZIP with the given entries, each with a little XML content. */
    static byte[] zip(String... entryNames) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (ZipOutputStream z = new ZipOutputStream(out)) {
                for (String name : entryNames) {
                    z.putNextEntry(new ZipEntry(name));
                    z.write(("<?xml version=\"1.0\" encoding=\"UTF-8\"?><x>" + name + "</x>")
                            .getBytes(StandardCharsets.UTF_8));
                    z.closeEntry();
                }
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] docx() {
        return zip("[Content_Types].xml", "_rels/.rels", "word/document.xml", "word/styles.xml");
    }

    static byte[] xlsx() {
        return zip("[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/worksheets/sheet1.xml");
    }

    /** The 8-byte PNG signature followed by the start of an IHDR chunk. */
    static byte[] png() {
        return new byte[]{(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R',
                0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0};
    }

    /** A PDF header padded to exactly {@code size} bytes. */
    static byte[] pdfOfSize(long size) {
        byte[] b = new byte[Math.toIntExact(size)];
        Arrays.fill(b, (byte) ' ');
        byte[] head = pdf();
        System.arraycopy(head, 0, b, 0, head.length);
        return b;
    }

    // ---------------------------------------------------------------- detect

    @Test
    void detectsARealPdf() {
        assertThat(FileTypes.detect(pdf())).isEqualTo(FileTypes.Type.PDF);
    }

    @Test
    void detectsADocx() {
        assertThat(FileTypes.detect(docx())).isEqualTo(FileTypes.Type.DOCX);
    }

    @Test
    void detectsAnXlsx() {
        assertThat(FileTypes.detect(xlsx())).isEqualTo(FileTypes.Type.XLSX);
    }

    @Test
    void entryOrderDoesNotMatter() {
        assertThat(FileTypes.detect(zip("word/document.xml", "[Content_Types].xml"))).isEqualTo(FileTypes.Type.DOCX);
        assertThat(FileTypes.detect(zip("xl/workbook.xml", "[Content_Types].xml"))).isEqualTo(FileTypes.Type.XLSX);
    }

    @Test
    void zipThatIsNeitherDocxNorXlsxIsNotRecognised() {
        assertThat(FileTypes.detect(zip("readme.txt", "data/file.csv"))).isNull();
        // an OOXML package of another kind (PowerPoint)
        assertThat(FileTypes.detect(zip("[Content_Types].xml", "ppt/presentation.xml"))).isNull();
        // the document part without the content types part
        assertThat(FileTypes.detect(zip("word/document.xml"))).isNull();
        assertThat(FileTypes.detect(zip("xl/workbook.xml"))).isNull();
        // an empty ZIP has no local header at all
        assertThat(FileTypes.detect(zip())).isNull();
    }

    @Test
    void otherContentIsNotRecognised() {
        assertThat(FileTypes.detect(png())).isNull();
        assertThat(FileTypes.detect("MZ\u0090\0\3\0\0\0".getBytes(StandardCharsets.ISO_8859_1))).isNull();
        assertThat(FileTypes.detect("<html><body>%PDF-1.4</body></html>".getBytes(StandardCharsets.US_ASCII))).isNull();
        assertThat(FileTypes.detect("%PDF".getBytes(StandardCharsets.US_ASCII))).isNull(); // shorter than the header
        assertThat(FileTypes.detect(" %PDF-1.4".getBytes(StandardCharsets.US_ASCII))).isNull();
        assertThat(FileTypes.detect(new byte[0])).isNull();
        assertThat(FileTypes.detect(null)).isNull();
    }

    @Test
    void everyTruncationOfADocxIsHandledWithoutAnException() {
        byte[] full = docx();
        for (int n = 0; n < full.length; n++) {
            byte[] cut = Arrays.copyOf(full, n);
            assertThatCode(() -> FileTypes.detect(cut)).as("first %d bytes", n).doesNotThrowAnyException();
        }
    }

    @Test
    void zipHeaderFollowedByGarbageIsNotRecognised() {
        byte[] garbage = new byte[200];
        for (int i = 0; i < garbage.length; i++) {
            garbage[i] = (byte) (i * 37 + 11);
        }
        garbage[0] = 'P';
        garbage[1] = 'K';
        garbage[2] = 3;
        garbage[3] = 4;
        assertThat(FileTypes.detect(garbage)).isNull();
        assertThat(FileTypes.check("a.docx", garbage)).isEqualTo(FileTypes.Problem.NAME_DOES_NOT_MATCH_CONTENT);
    }

    // ---------------------------------------------------------------- check: accepted

    @ParameterizedTest
    @ValueSource(strings = {"招标文件.pdf", "a.pdf", "A.PDF", "report.final.Pdf", "服务需求 (2027).pdf"})
    void realPdfWithPdfNameIsAccepted(String name) {
        assertThat(FileTypes.check(name, pdf())).isNull();
    }

    @Test
    void realDocxAndXlsxWithMatchingNamesAreAccepted() {
        assertThat(FileTypes.check("技术方案.docx", docx())).isNull();
        assertThat(FileTypes.check("报价表.XLSX", xlsx())).isNull();
    }

    // ---------------------------------------------------------------- check: name does not match content

    @Test
    void pngNamedPdfDoesNotMatch() {
        assertThat(FileTypes.check("scan.pdf", png())).isEqualTo(FileTypes.Problem.NAME_DOES_NOT_MATCH_CONTENT);
    }

    @Test
    void pdfNamedDocxDoesNotMatch() {
        assertThat(FileTypes.check("proposal.docx", pdf())).isEqualTo(FileTypes.Problem.NAME_DOES_NOT_MATCH_CONTENT);
    }

    @Test
    void docxAndXlsxSwappedDoNotMatch() {
        assertThat(FileTypes.check("a.xlsx", docx())).isEqualTo(FileTypes.Problem.NAME_DOES_NOT_MATCH_CONTENT);
        assertThat(FileTypes.check("a.docx", xlsx())).isEqualTo(FileTypes.Problem.NAME_DOES_NOT_MATCH_CONTENT);
        assertThat(FileTypes.check("a.pdf", docx())).isEqualTo(FileTypes.Problem.NAME_DOES_NOT_MATCH_CONTENT);
    }

    @Test
    void zipThatIsNeitherNamedDocxDoesNotMatch() {
        assertThat(FileTypes.check("a.docx", zip("readme.txt"))).isEqualTo(FileTypes.Problem.NAME_DOES_NOT_MATCH_CONTENT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"setup.exe", "a.pdf.exe", "pdf", "a.zip", "noextension", "a.pdf.", "a.doc"})
    void realPdfWithAnotherNameDoesNotMatch(String name) {
        assertThat(FileTypes.check(name, pdf())).isEqualTo(FileTypes.Problem.NAME_DOES_NOT_MATCH_CONTENT);
    }

    // ---------------------------------------------------------------- check: type not allowed

    @ParameterizedTest
    @ValueSource(strings = {"setup.exe", "photo.png", "archive.zip", "README"})
    void unknownContentWithANameThatClaimsNoAllowedTypeIsNotAllowed(String name) {
        byte[] exe = "MZ\u0090\0\3\0\0\0\4\0".getBytes(StandardCharsets.ISO_8859_1);
        assertThat(FileTypes.check(name, exe)).isEqualTo(FileTypes.Problem.TYPE_NOT_ALLOWED);
        assertThat(FileTypes.check(name, png())).isEqualTo(FileTypes.Problem.TYPE_NOT_ALLOWED);
        assertThat(FileTypes.check(name, zip("readme.txt"))).isEqualTo(FileTypes.Problem.TYPE_NOT_ALLOWED);
    }

    // ---------------------------------------------------------------- check: size

    @Test
    void emptyFileIsRefused() {
        assertThat(FileTypes.check("a.pdf", new byte[0])).isEqualTo(FileTypes.Problem.EMPTY);
        assertThat(FileTypes.check("a.pdf", null)).isEqualTo(FileTypes.Problem.EMPTY);
    }

    @Test
    void maximumIs20Mebibytes() {
        assertThat(FileTypes.MAX_BYTES).isEqualTo(20L * 1024 * 1024);
    }

    @Test
    void pdfOfExactly20MegabytesIsAccepted() {
        assertThat(FileTypes.check("big.pdf", pdfOfSize(20L * 1024 * 1024))).isNull();
    }

    @Test
    void pdfOneByteOver20MegabytesIsTooLarge() {
        assertThat(FileTypes.check("big.pdf", pdfOfSize(20L * 1024 * 1024 + 1))).isEqualTo(FileTypes.Problem.TOO_LARGE);
    }

    // ---------------------------------------------------------------- check: names

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"  ", "../etc/passwd.pdf", "a/b.pdf", "/a.pdf", "..\\a.pdf", "C:\\tmp\\a.pdf",
            "a\u0000.pdf", "a\n.pdf", "a\r.pdf", "a\t.pdf", "\u001b[31m.pdf", "a\u001f.pdf"})
    void badNamesAreRefused(String name) {
        assertThat(FileTypes.check(name, pdf())).isEqualTo(FileTypes.Problem.BAD_NAME);
    }

    @Test
    void nameIsCheckedBeforeContent() {
        assertThat(FileTypes.check("a/b.pdf", new byte[0])).isEqualTo(FileTypes.Problem.BAD_NAME);
    }

    @Test
    void nameOf255CharactersIsAcceptedAnd256Refused() {
        String name255 = "文".repeat(251) + ".pdf";
        assertThat(name255).hasSize(255);
        assertThat(FileTypes.check(name255, pdf())).isNull();
        assertThat(FileTypes.check("文" + name255, pdf())).isEqualTo(FileTypes.Problem.BAD_NAME);
    }

    /** Control characters anywhere in a name are refused: DEL (U+007F) and the C1 controls as well as those below U+0020. */
    @ParameterizedTest
    @ValueSource(strings = {"a\u007f.pdf", "a\u0085.pdf", "a\u009b.pdf"})
    void delAndC1ControlCharactersInNameAreRefused(String name) {
        assertThat(FileTypes.check(name, pdf())).isEqualTo(FileTypes.Problem.BAD_NAME);
    }

    @Test
    void extensionIsOnlyOneOfTheAllowedOnes() {
        assertThat(FileTypes.extension("a.PDF")).isEqualTo("pdf");
        assertThat(FileTypes.extension("a.b.DocX")).isEqualTo("docx");
        assertThat(FileTypes.extension("a.xlsx")).isEqualTo("xlsx");
        assertThat(FileTypes.extension("a.exe")).isNull();
        assertThat(FileTypes.extension("pdf")).isNull();
        assertThat(FileTypes.extension("a.")).isNull();
    }

    @Test
    void typesCarryTheirMimeTypes() {
        assertThat(FileTypes.Type.PDF.mime).isEqualTo("application/pdf");
        assertThat(FileTypes.Type.DOCX.mime)
                .isEqualTo("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        assertThat(FileTypes.Type.XLSX.mime)
                .isEqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    }
}
