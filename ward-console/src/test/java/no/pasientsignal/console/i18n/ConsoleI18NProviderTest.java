package no.pasientsignal.console.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class ConsoleI18NProviderTest {

    private final ConsoleI18NProvider provider = new ConsoleI18NProvider();

    @Test
    void norwegian_bokmaal_is_the_default_language() {
        assertThat(provider.getProvidedLocales()).first().isEqualTo(ConsoleI18NProvider.BOKMAAL);
        assertThat(provider.getTranslation("callType.PATIENT_CALL", ConsoleI18NProvider.BOKMAAL))
                .isEqualTo("Pasientrop");
    }

    @Test
    void languages_the_console_does_not_have_get_bokmaal_whatever_the_jvm_default() {
        Locale jvmDefault = Locale.getDefault();
        Locale.setDefault(Locale.ENGLISH);
        try {
            assertThat(provider.getTranslation("callType.PATIENT_CALL", Locale.GERMAN))
                    .isEqualTo("Pasientrop");
        } finally {
            Locale.setDefault(jvmDefault);
        }
    }

    @Test
    void english_is_available() {
        assertThat(provider.getTranslation("callType.PATIENT_CALL", Locale.UK)).isEqualTo("Patient call");
    }

    @Test
    void parameters_are_filled_in() {
        assertThat(provider.getTranslation("protection.responsible", ConsoleI18NProvider.BOKMAAL, "kari"))
                .isEqualTo("Ansvarlig: kari");
    }

    @Test
    void a_missing_key_is_visible_rather_than_blank() {
        assertThat(provider.getTranslation("no.such.key", ConsoleI18NProvider.BOKMAAL))
                .isEqualTo("!no.such.key!");
    }

    @Test
    void both_languages_have_the_same_keys() throws IOException {
        assertThat(keys("messages_en.properties")).isEqualTo(keys("messages.properties"));
    }

    private static java.util.Set<String> keys(String resource) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = ConsoleI18NProviderTest.class.getClassLoader().getResourceAsStream(resource)) {
            properties.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        }
        return properties.stringPropertyNames();
    }
}
