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
}
