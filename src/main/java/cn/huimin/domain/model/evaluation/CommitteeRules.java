package cn.huimin.domain.model.evaluation;

/** The make-up of an evaluation committee: odd, at least 5 members, experts at least two thirds of them. */
public final class CommitteeRules {
    public static final int MIN_SIZE = 5;
    /** Reserves drawn after the members, to replace experts who recuse or do not confirm. */
    public static final int RESERVES = 2;

    private CommitteeRules() {
    }

    public static boolean validSize(int size) {
        return size >= MIN_SIZE && size % 2 == 1;
    }

    /** The fewest experts a committee of this size may have: two thirds, rounded up. */
    public static int minExperts(int size) {
        return (2 * size + 2) / 3;
    }

    /** The most purchaser representatives a committee of this size may have. */
    public static int maxPurchaserSeats(int size) {
        return size - minExperts(size);
    }
}
