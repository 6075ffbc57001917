package cn.huimin.domain.shared;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Decides a file's type by its content, not its name, at most 20 MB. Tender documents: PDF, DOCX, XLSX
 * ({@link #check(String, byte[])}); other uploads name their own set of allowed types
 * ({@link #check(String, byte[], Set)}).
 */
public final class FileTypes {
    public static final long MAX_BYTES = 20L * 1024 * 1024;

    public enum Type {
        PDF("application/pdf", "pdf"),
        DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"),
        XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"),
        JPEG("image/jpeg", "jpg", "jpeg"),
        PNG("image/png", "png");

        public final String mime;
        /** The usual extension, lower case, without the dot. */
        public final String extension;
        /** Every extension a file of this type may have, lower case, without the dot; the usual one first. */
        public final List<String> extensions;

        Type(String mime, String... extensions) {
            this.mime = mime;
            this.extension = extensions[0];
            this.extensions = List.of(extensions);
        }
    }

    /** Tender documents published by the purchaser. */
    public static final Set<Type> TENDER_DOCUMENTS = Collections.unmodifiableSet(
            EnumSet.of(Type.PDF, Type.DOCX, Type.XLSX));
    /** A vendor's registration documents: scans and photos of licences and certificates. */
    public static final Set<Type> VENDOR_DOCUMENTS = Collections.unmodifiableSet(
            EnumSet.of(Type.PDF, Type.JPEG, Type.PNG));
    /** Attachments to a bid. */
    public static final Set<Type> BID_ATTACHMENTS = Collections.unmodifiableSet(
            EnumSet.of(Type.PDF, Type.DOCX, Type.XLSX, Type.JPEG, Type.PNG));
    /** Photos only. */
    public static final Set<Type> PHOTOS = Collections.unmodifiableSet(EnumSet.of(Type.JPEG, Type.PNG));

    public enum Problem { EMPTY, TOO_LARGE, TYPE_NOT_ALLOWED, NAME_DOES_NOT_MATCH_CONTENT, BAD_NAME }

    private FileTypes() {
    }

    /**
     * The type of the content, any of {@link Type}, or null when it is none of them. PDF: {@code %PDF-}; JPEG:
     * {@code FF D8 FF}; PNG: the 8-byte signature followed by a complete IHDR chunk whose CRC is right (every PNG
     * begins so; a bare or cut-off header is not taken for an image); DOCX and XLSX: a ZIP holding
     * {@code [Content_Types].xml} and {@code word/document.xml} or {@code xl/workbook.xml}.
     */
    public static Type detect(byte[] content) {
        if (content == null || content.length < 5) {
            return null;
        }
        if (content[0] == '%' && content[1] == 'P' && content[2] == 'D' && content[3] == 'F' && content[4] == '-') {
            return Type.PDF;
        }
        if ((content[0] & 0xFF) == 0xFF && (content[1] & 0xFF) == 0xD8 && (content[2] & 0xFF) == 0xFF) {
            return Type.JPEG;
        }
        if (isPng(content)) {
            return Type.PNG;
        }
        if (content[0] == 'P' && content[1] == 'K' && content[2] == 3 && content[3] == 4) {
            return ooxml(content);
        }
        return null;
    }

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    private static final byte[] PNG_IHDR = {0, 0, 0, 13, 'I', 'H', 'D', 'R'};

    /** Signature, then IHDR: length 13, type, 13 data bytes and the CRC-32 of type and data. */
    private static boolean isPng(byte[] content) {
        int crcAt = PNG_SIGNATURE.length + PNG_IHDR.length + 13;
        if (content.length < crcAt + 4
                || !Arrays.equals(content, 0, PNG_SIGNATURE.length, PNG_SIGNATURE, 0, PNG_SIGNATURE.length)
                || !Arrays.equals(content, PNG_SIGNATURE.length, PNG_SIGNATURE.length + PNG_IHDR.length,
                        PNG_IHDR, 0, PNG_IHDR.length)) {
            return false;
        }
        CRC32 crc = new CRC32();
        crc.update(content, PNG_SIGNATURE.length + 4, 4 + 13);
        long stored = ((content[crcAt] & 0xFFL) << 24) | ((content[crcAt + 1] & 0xFFL) << 16)
                | ((content[crcAt + 2] & 0xFFL) << 8) | (content[crcAt + 3] & 0xFFL);
        return crc.getValue() == stored;
    }

    private static Type ooxml(byte[] content) {
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
        return null;
    }

    /** The problem with a tender document upload, or null when it may be stored. */
    public static Problem check(String fileName, byte[] content) {
        return check(fileName, content, TENDER_DOCUMENTS);
    }

    /**
     * The problem with an upload whose type must be one of {@code allowed}, or null when it may be stored. In order:
     * a bad name, empty content, content over {@link #MAX_BYTES}; then, when the content is an allowed type, the
     * name's extension must be one of that type's ({@code NAME_DOES_NOT_MATCH_CONTENT} otherwise). When the content
     * is not an allowed type (or no known type), the answer is {@code NAME_DOES_NOT_MATCH_CONTENT} if the name
     * claims an allowed type, else {@code TYPE_NOT_ALLOWED}.
     */
    public static Problem check(String fileName, byte[] content, Set<Type> allowed) {
        Objects.requireNonNull(allowed, "allowed");
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
        Type named = byExtension(fileName);
        if (t == null || !allowed.contains(t)) {
            return named != null && allowed.contains(named) ? Problem.NAME_DOES_NOT_MATCH_CONTENT
                    : Problem.TYPE_NOT_ALLOWED;
        }
        return t == named ? null : Problem.NAME_DOES_NOT_MATCH_CONTENT;
    }

    /** The type a file name's extension claims (case does not matter), or null when it claims none of them. */
    public static Type byExtension(String fileName) {
        String ext = extension(fileName);
        if (ext == null) {
            return null;
        }
        for (Type t : Type.values()) {
            if (t.extensions.contains(ext)) {
                return t;
            }
        }
        return null;
    }

    /** The name's extension in lower case when it is one of a known type, else null. */
    static String extension(String fileName) {
        if (fileName == null) {
            return null;
        }
        int dot = fileName.lastIndexOf('.');
        if (dot < 0) {
            return null;
        }
        String ext = fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
        for (Type t : Type.values()) {
            if (t.extensions.contains(ext)) {
                return ext;
            }
        }
        return null;
    }
}
