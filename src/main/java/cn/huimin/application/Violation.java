package cn.huimin.application;

import java.util.List;

/** One broken rule: which field, a message key of the bundles, and its arguments. */
public final class Violation {
    private final String field;
    private final String key;
    private final List<Object> args;

    public Violation(String field, String key, Object... args) {
        this.field = field;
        this.key = key;
        this.args = List.of(args);
    }

    public String getField() { return field; }
    public String getKey() { return key; }
    public List<Object> getArgs() { return args; }

    @Override
    public String toString() {
        return field + ":" + key + args;
    }
}
