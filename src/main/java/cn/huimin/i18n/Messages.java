package cn.huimin.i18n;

import cn.huimin.application.Violation;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** Resolves message keys in Simplified Chinese or English. */
public final class Messages {
    public static final String BUNDLE = "cn.huimin.i18n.messages";
    public static final Locale ZH = Locale.SIMPLIFIED_CHINESE;
    public static final Locale EN = Locale.ENGLISH;

    private Messages() {
    }

    public static Locale normalize(Locale l) {
        return l != null && "en".equals(l.getLanguage()) ? EN : ZH;
    }

    /** Chinese unless the client prefers English before Chinese. */
    public static Locale fromAcceptLanguage(String header) {
        if (header == null || header.isBlank()) {
            return ZH;
        }
        try {
            for (Locale.LanguageRange r : Locale.LanguageRange.parse(header)) {
                String lang = r.getRange().split("-")[0];
                if (lang.equals("zh")) return ZH;
                if (lang.equals("en")) return EN;
            }
        } catch (IllegalArgumentException e) {
            return ZH;
        }
        return ZH;
    }

    public static String get(Locale locale, String key, Object... args) {
        ResourceBundle b = ResourceBundle.getBundle(BUNDLE, normalize(locale), Messages.class.getClassLoader(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_DEFAULT));
        String pattern;
        try {
            pattern = b.getString(key);
        } catch (MissingResourceException e) {
            return key;
        }
        Object[] shown = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            shown[i] = args[i] instanceof String s && s.startsWith("@") ? get(locale, s.substring(1)) : args[i];
        }
        return args.length == 0 ? pattern : new MessageFormat(pattern, normalize(locale)).format(shown);
    }

    public static String of(Locale locale, Violation v) {
        String text = get(locale, v.getKey(), v.getArgs().toArray());
        if (v.getField() == null) {
            return text;
        }
        // proposals[2] and lot.17 are labelled as proposals and lot
        String field = v.getField().replaceAll("\\[\\d+\\]$", "").replaceAll("(\\.\\d+)+$", "");
        return get(locale, "field." + field) + ": " + text;
    }
}
