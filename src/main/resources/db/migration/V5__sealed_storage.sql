-- Sealed bid content is AES-GCM ciphertext: it does not compress, so PostgreSQL stores it out of line without
-- trying (STORAGE EXTERNAL); on H2 the placeholder is a column comment.
${sealedAttachmentStorage};
${sealedBidStorage};
