package cn.huimin.domain.shared;

/**
 * What kind of exception to the plain Monday-to-Friday week a calendar day is.
 */
public enum DayKind {

    /** A rest day under the official schedule (it may fall on a weekday or on a weekend). */
    HOLIDAY,

    /** A weekend day that is a working day under the official schedule (调休上班). */
    MAKEUP_WORKDAY
}
