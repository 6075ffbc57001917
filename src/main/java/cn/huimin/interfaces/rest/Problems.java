package cn.huimin.interfaces.rest;

import cn.huimin.application.AppException;
import cn.huimin.application.Violation;
import cn.huimin.i18n.Messages;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.*;

/** RFC 9457 problem details, in the caller's language. */
public final class Problems {
    public static final String TYPE = "application/problem+json";

    private Problems() {
    }

    public static Response of(AppException e, Locale locale) {
        int status = switch (e.getKind()) {
            case INVALID -> 422;
            case FORBIDDEN -> 403;
            case NOT_FOUND -> 404;
            case CONFLICT -> 409;
            case TOO_MANY -> 429;
            case BUSY -> 503;
        };
        List<Map<String, Object>> errors = new ArrayList<>();
        for (Violation v : e.getViolations()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("field", v.getField());
            m.put("code", v.getKey());
            m.put("message", Messages.of(locale, v));
            errors.add(m);
        }
        String detail = errors.stream().map(m -> (String) m.get("message")).reduce((a, b) -> a + "; " + b).orElse("");
        Response r = build(status, Messages.get(locale, "problem." + e.getKind()), detail, errors);
        return status == 429 ? Response.fromResponse(r).header("Retry-After", "60").build()
                // busy: an upload's body may not have been read; close rather than drain it
                : status == 503 ? Response.fromResponse(r).header("Retry-After", "5").header("Connection", "close").build() : r;
    }

    public static Response build(int status, String title, String detail, List<Map<String, Object>> errors) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", title);
        body.put("status", status);
        body.put("detail", detail);
        if (errors != null && !errors.isEmpty()) {
            body.put("errors", errors);
        }
        return Response.status(status).type(MediaType.valueOf(TYPE + ";charset=UTF-8")).entity(body).build();
    }
}
