package no.pasientsignal.console.i18n;

import com.vaadin.flow.i18n.I18NProvider;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves the console's texts from resource bundles: a key {@code devices.filter.type} is looked up in the feature's own
 * bundle {@code i18n/devices} first (so each feature keeps its texts in its own file), then in the shared {@code
 * messages} bundle. Norwegian bokmål is the default (the base
 * bundle, used for every language the console does not have); English comes from {@code messages_en}. The JVM's own
 * default locale never decides the language.
 */
public final class ConsoleI18NProvider implements I18NProvider {

    /** Norwegian bokmål, the console's default language. */
    public static final Locale BOKMAAL = Locale.of("nb", "NO");

    static final String BUNDLE = "messages";

    /** Where features keep their own bundles: {@code i18n/<first part of the key>}. */
    static final String FEATURE_BUNDLES = "i18n/";

    private static final Logger LOG = LoggerFactory.getLogger(ConsoleI18NProvider.class);
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    @Override
    public List<Locale> getProvidedLocales() {
        // the first one is Vaadin's choice when the browser asks for a language not in this list
        return List.of(BOKMAAL, Locale.ENGLISH);
    }

    @Override
    public Locale getDefaultLocale() {
        return BOKMAAL;
    }

    @Override
    public String getTranslation(String key, Locale locale, Object... params) {
        if (key == null) {
            return "";
        }
        Locale effective = locale == null ? BOKMAAL : locale;
        String pattern = lookup(FEATURE_BUNDLES + prefix(key), key, effective);
        if (pattern == null) {
            pattern = lookup(BUNDLE, key, effective);
        }
        if (pattern == null) {
            LOG.warn("No text for key '{}' in locale {}", key, effective);
            return "!" + key + "!";
        }
        return params == null || params.length == 0 ? pattern : new MessageFormat(pattern, effective).format(params);
    }

    private static String prefix(String key) {
        int dot = key.indexOf('.');
        return dot < 0 ? key : key.substring(0, dot);
    }

    private static String lookup(String bundle, String key, Locale locale) {
        try {
            return ResourceBundle.getBundle(bundle, locale, ConsoleI18NProvider.class.getClassLoader(), NO_FALLBACK)
                    .getString(key);
        } catch (MissingResourceException e) {
            return null;
        }
    }
}
