package cn.huimin.application;

/** Finds the user-facing refusal inside an exception wrapped by the engine or the container. */
public final class AppErrors {
    private AppErrors() {
    }

    public static AppException find(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof AppException a) {
                return a;
            }
            if (c.getCause() == c) {
                break;
            }
        }
        return null;
    }

    /**
     * True when the failure is another request's change of the same data at the same moment: an optimistic lock
     * (JPA or the process engine), or the database refusing a commit for a duplicate (23505), a serialization
     * failure (40001) or a deadlock (40P01). The request can be tried again after a reload; it is not a server fault.
     */
    public static boolean concurrentChange(Throwable t) {
        int depth = 0;
        for (Throwable c = t; c != null && depth < 30; c = c.getCause(), depth++) {
            if (c instanceof jakarta.persistence.OptimisticLockException
                    || c instanceof org.camunda.bpm.engine.OptimisticLockingException) {
                return true;
            }
            for (java.sql.SQLException s = c instanceof java.sql.SQLException q ? q : null; s != null; s = s.getNextException()) {
                String state = s.getSQLState();
                if ("23505".equals(state) || "40001".equals(state) || "40P01".equals(state)) {
                    return true;
                }
            }
            if (c.getCause() == c) {
                break;
            }
        }
        return false;
    }
}
