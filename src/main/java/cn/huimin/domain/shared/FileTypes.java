package cn.huimin.domain.shared;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/** Decides a file's type by its content, not its name. Tender documents: PDF, DOCX, XLSX, at most 20 MB. */
public final class FileTypes {
    public static final long MAX_BYTES = 20L * 1024 * 1024;

    public enum Type {
        PDF("application/pdf", "pdf"),
        DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"),
        XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx");

        public final String mime;
        public final String extension;

        Type(String mime, String extension) {
            this.mime = mime;
            this.extension = extension;
        }
    }

    public enum Problem { EMPTY, TOO_LARGE, TYPE_NOT_ALLOWED, NAME_DOES_NOT_MATCH_CONTENT, BAD_NAME }

    private FileTypes() {
    }

    /** The type of the content, or null when it is none of the allowed types. */
    public static Type detect(byte[] content) {
        if (content == null || content.length < 5) {
            return null;
        }
        if (content[0] == '%' && content[1] == 'P' && content[2] == 'D' && content[3] == 'F' && content[4] == '-') {
            return Type.PDF;
        }
        if (content[0] == 'P' && content[1] == 'K' && content[2] == 3 && content[3] == 4) {
            boolean contentTypes = false;
            boolean word = false;
            boolean excel = false;
            try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(content))) {
                ZipEntry e;
                int entries = 0;
                while ((e = zip.getNextEntry()) != null && entries++ < 1_000) {
                    String n = e.getName();
                    contentTypes |= n.equals("[Content_Types].xml");
                    word |= n.equals("word/document.xml");
                    excel |= n.equals("xl/workbook.xml");
                    if (contentTypes && (word || excel)) {
                        break;
                    }
                }
            } catch (IOException | IllegalArgumentException e) {
                return null;
            }
            if (contentTypes && word) {
                return Type.DOCX;
            }
            if (contentTypes && excel) {
                return Type.XLSX;
            }
        }
        return null;
    }

    /** The problem with an upload, or null when it may be stored. */
    public static Problem check(String fileName, byte[] content) {
        if (fileName == null || fileName.isBlank() || fileName.length() > 255 || fileName.contains("/")
                || fileName.contains("\\") || fileName.chars().anyMatch(Character::isISOControl)) {
            return Problem.BAD_NAME;
        }
        if (content == null || content.length == 0) {
            return Problem.EMPTY;
        }
        if (content.length > MAX_BYTES) {
            return Problem.TOO_LARGE;
        }
        Type t = detect(content);
        if (t == null) {
            return extension(fileName) == null ? Problem.TYPE_NOT_ALLOWED : Problem.NAME_DOES_NOT_MATCH_CONTENT;
        }
        return t.extension.equals(extension(fileName)) ? null : Problem.NAME_DOES_NOT_MATCH_CONTENT;
    }

    static String extension(String fileName) {
        int dot = fileName.lastIndexOf('.');
        if (dot < 0) {
            return null;
        }
        String ext = fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
        return ext.equals("pdf") || ext.equals("docx") || ext.equals("xlsx") ? ext : null;
    }
}
