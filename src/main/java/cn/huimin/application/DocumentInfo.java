package cn.huimin.application;

import java.time.Instant;

public class DocumentInfo implements java.io.Serializable {
    private final Long id;
    private final String fileName;
    private final String contentType;
    private final long sizeBytes;
    private final String sha256;
    private final Instant uploadedAt;

    public DocumentInfo(Long id, String fileName, String contentType, long sizeBytes, String sha256, Instant uploadedAt) {
        this.id = id;
        this.fileName = fileName;
        this.contentType = contentType;
        this.sizeBytes = sizeBytes;
        this.sha256 = sha256;
        this.uploadedAt = uploadedAt;
    }

    public Long getId() { return id; }
    public String getFileName() { return fileName; }
    public String getContentType() { return contentType; }
    public long getSizeBytes() { return sizeBytes; }
    public String getSha256() { return sha256; }
    public Instant getUploadedAt() { return uploadedAt; }
}
