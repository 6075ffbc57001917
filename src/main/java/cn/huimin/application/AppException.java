package cn.huimin.application;

import jakarta.ejb.ApplicationException;
import java.util.List;

/** A refusal the user should read: rolls back the transaction and carries bundle keys, never internals. */
@ApplicationException(rollback = true)
public class AppException extends RuntimeException {
    public enum Kind { INVALID, FORBIDDEN, NOT_FOUND, CONFLICT, TOO_MANY, BUSY }

    private final Kind kind;
    private final List<Violation> violations;

    public AppException(Kind kind, List<Violation> violations) {
        super(kind + " " + violations);
        this.kind = kind;
        this.violations = List.copyOf(violations);
    }

    public static AppException invalid(List<Violation> v) { return new AppException(Kind.INVALID, v); }
    public static AppException invalid(String field, String key, Object... args) { return invalid(List.of(new Violation(field, key, args))); }
    public static AppException forbidden(String key, Object... args) { return new AppException(Kind.FORBIDDEN, List.of(new Violation(null, key, args))); }
    public static AppException notFound(String key, Object... args) { return new AppException(Kind.NOT_FOUND, List.of(new Violation(null, key, args))); }
    public static AppException tooMany(String key, Object... args) { return new AppException(Kind.TOO_MANY, List.of(new Violation(null, key, args))); }
    /** The server is too busy for this request now; it may be sent again in a few seconds (nothing was taken). */
    public static AppException busy(String key, Object... args) { return new AppException(Kind.BUSY, List.of(new Violation(null, key, args))); }
    public static AppException conflict(String key, Object... args) { return new AppException(Kind.CONFLICT, List.of(new Violation(null, key, args))); }

    public Kind getKind() { return kind; }
    public List<Violation> getViolations() { return violations; }
}
