package cn.huimin.domain.model.evaluation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Conflict screening before the draw: an expert may not evaluate a lot in which a bidder is his employer, an
 * organization where a relative works (or that a relative controls), or an organization he worked with in the last
 * three years. Organizations are matched by Unified Social Credit Code, by vendor id, or by name (spaces and case
 * ignored).
 */
public final class ConflictRules {
    public static final int WORK_RELATION_YEARS = 3;

    public enum Kind { EMPLOYER, RELATIVE, WORK }

    /** A relation of an expert with an organization. lastDate: for WORK, the last day of that work (null: ongoing). */
    public record Relation(Kind kind, String organization, String uscc, Long vendorId, LocalDate lastDate) {
    }

    public record Bidder(Long vendorId, String name, String uscc) {
    }

    /** One conflict found: which bidder, through which relation. */
    public record Conflict(Long vendorId, String vendorName, Kind kind) {
    }

    private ConflictRules() {
    }

    /** Every conflict between the expert's relations (the employer counts as one) and the bidders, on the given day. */
    public static List<Conflict> conflicts(List<Relation> relations, List<Bidder> bidders, LocalDate on) {
        List<Conflict> found = new ArrayList<>();
        for (Bidder b : bidders) {
            for (Relation r : relations) {
                if (r.kind() == Kind.WORK && r.lastDate() != null && r.lastDate().isBefore(on.minusYears(WORK_RELATION_YEARS))) {
                    continue; // ended more than three years ago
                }
                if (same(r, b)) {
                    found.add(new Conflict(b.vendorId(), b.name(), r.kind()));
                    break;
                }
            }
        }
        return found;
    }

    static boolean same(Relation r, Bidder b) {
        if (r.vendorId() != null && r.vendorId().equals(b.vendorId())) {
            return true;
        }
        if (r.uscc() != null && !r.uscc().isBlank() && r.uscc().trim().equalsIgnoreCase(b.uscc() == null ? "" : b.uscc().trim())) {
            return true;
        }
        String a = key(r.organization());
        return !a.isEmpty() && a.equals(key(b.name()));
    }

    static String key(String name) {
        return name == null ? "" : name.replaceAll("[\\s\\u3000]+", "").toLowerCase(Locale.ROOT)
                .replace('（', '(').replace('）', ')');
    }
}
