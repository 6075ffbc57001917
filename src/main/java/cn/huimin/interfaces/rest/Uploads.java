package cn.huimin.interfaces.rest;

import cn.huimin.domain.shared.FileTypes;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Reads an uploaded body, never more than the file limit plus one byte: a larger body is refused while it streams. */
final class Uploads {
    private Uploads() {
    }

    static byte[] read(InputStream in) {
        return read(in, -1);
    }

    /**
     * Reads a request body of at most FileTypes.MAX_BYTES. With a declared length the bytes go straight into one
     * array of that size (no growing buffer: a burst of uploads otherwise makes several copies of each file).
     */
    static byte[] read(InputStream in, long declaredLength) {
        if (in == null) {
            return new byte[0];
        }
        if (declaredLength > FileTypes.MAX_BYTES) {
            throw new jakarta.ws.rs.WebApplicationException(jakarta.ws.rs.core.Response.status(413)
                    .header("Connection", "close").build());
        }
        if (declaredLength >= 0) {
            try {
                byte[] body = in.readNBytes((int) declaredLength);
                if (body.length == declaredLength && in.read() < 0) {
                    return body;
                }
                // the body did not match its Content-Length: refuse rather than guess
                throw new jakarta.ws.rs.BadRequestException("the body does not match its Content-Length");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        byte[] buf = new byte[64 * 1024];
        long total = 0;
        try {
            int n;
            while ((n = in.read(buf)) > 0) {
                total += n;
                if (total > FileTypes.MAX_BYTES) {
                    // stop reading: 413, and the connection is closed rather than drained
                    throw new jakarta.ws.rs.WebApplicationException(jakarta.ws.rs.core.Response.status(413)
                            .header("Connection", "close").build());
                }
                out.write(buf, 0, n);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
