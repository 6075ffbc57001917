package cn.huimin.domain.model.tender;

/** Why a bid deadline date proposed by the purchaser cannot be used as it is. */
public enum DeadlineProblem {

    /** The date is earlier than the earliest deadline the law allows. */
    BEFORE_LEGAL_MINIMUM,

    /** The date is a weekend day or a public holiday. */
    NOT_A_WORKING_DAY,

    /** The official holiday schedule of that year has not been entered, so working days are only a guess. */
    YEAR_WITHOUT_SCHEDULE
}
