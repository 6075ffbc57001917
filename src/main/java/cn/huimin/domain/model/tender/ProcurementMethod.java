package cn.huimin.domain.model.tender;

/** How a project is procured. */
public enum ProcurementMethod {

    /** Open tender (公开招标): at least 20 calendar days from the notice to the bid deadline (GPL 35). */
    OPEN_TENDER,

    /** Competitive consultation (竞争性磋商): at least 10 calendar days from the notice to the deadline. */
    COMPETITIVE_CONSULTATION,

    /** Single source (单一来源): reasons and proposed vendor publicly noticed for 5 working days (GPLIR 38). */
    SINGLE_SOURCE
}
