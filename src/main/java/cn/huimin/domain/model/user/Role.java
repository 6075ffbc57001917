package cn.huimin.domain.model.user;

import java.util.Set;

/** The roles of Huimin. Names are the security role names used by the container. */
public final class Role {
    public static final String ADMIN = "admin";
    public static final String OFFICER = "officer";
    public static final String HEAD = "head";
    public static final String FINANCE = "finance";
    public static final String SUPERVISOR = "supervisor";
    public static final String VENDOR = "vendor";
    public static final String EXPERT = "expert";
    public static final String EVALUATOR = "evaluator";
    public static final String STATION = "station";

    public static final Set<String> ALL = Set.of(ADMIN, OFFICER, HEAD, FINANCE, SUPERVISOR, VENDOR, EXPERT, EVALUATOR, STATION);

    private Role() {
    }
}
