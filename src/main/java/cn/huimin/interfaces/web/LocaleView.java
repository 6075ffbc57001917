package cn.huimin.interfaces.web;

import cn.huimin.i18n.Messages;
import jakarta.enterprise.context.SessionScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** The page language: Chinese for a zh browser, English for en (Chinese otherwise), switchable in the header. */
@Named
@SessionScoped
public class LocaleView implements Serializable {
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private Locale locale;

    public Locale getLocale() {
        if (locale == null) {
            FacesContext fc = FacesContext.getCurrentInstance();
            String header = fc == null ? null
                    : ((HttpServletRequest) fc.getExternalContext().getRequest()).getHeader("Accept-Language");
            locale = Messages.fromAcceptLanguage(header);
        }
        return locale;
    }

    public boolean isZh() {
        return !"en".equals(getLocale().getLanguage());
    }

    public String getLanguage() {
        return isZh() ? "zh-CN" : "en";
    }

    public void switchTo(String language) {
        locale = "en".equals(language) ? Messages.EN : Messages.ZH;
        FacesContext.getCurrentInstance().getViewRoot().setLocale(locale);
    }

    /** Date and time in Asia/Shanghai, the zone of every deadline. */
    public String dateTime(Instant instant) {
        return instant == null ? "" : DATE_TIME.format(instant.atZone(cn.huimin.domain.shared.WorkingDayCalendar.ZONE))
                + (isZh() ? "（北京时间）" : " (Beijing time)");
    }

    public String dateTimeText(String isoOffset) {
        return isoOffset == null ? "" : dateTime(java.time.OffsetDateTime.parse(isoOffset).toInstant());
    }

    public String date(LocalDate d) {
        return d == null ? "" : d.toString();
    }

    public String text(String key) {
        return Messages.get(getLocale(), key);
    }

    /** A message with one argument, formatted by the bundle's pattern: #{localeView.format('key', value)}. */
    public String format(String key, Object argument) {
        return Messages.get(getLocale(), key, argument);
    }

    public String money(java.math.BigDecimal v) {
        return v == null ? "" : cn.huimin.domain.shared.Money.format(v);
    }

    public String moneyText(String v) {
        java.math.BigDecimal d = cn.huimin.domain.shared.Money.parse(v);
        return d == null ? (v == null ? "" : v) : cn.huimin.domain.shared.Money.format(d);
    }
}
