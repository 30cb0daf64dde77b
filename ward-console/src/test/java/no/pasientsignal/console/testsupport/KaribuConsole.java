package no.pasientsignal.console.testsupport;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.github.mvysny.kaributesting.v10.mock.MockVaadinServlet;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.server.InitParameters;
import com.vaadin.flow.server.VaadinSession;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import no.pasientsignal.console.ConsoleConfig;
import no.pasientsignal.console.ConsoleServices;
import no.pasientsignal.console.client.Backoff;
import no.pasientsignal.console.i18n.ConsoleI18NProvider;
import org.awaitility.Awaitility;

/**
 * The console's UI in Karibu-Testing (no browser, no servlet container): the real views, services and client, talking
 * to a {@link FakeSignalServer} over real HTTP, in the language {@code browserLocale}.
 */
public final class KaribuConsole implements AutoCloseable {

    public static final String USERNAME = "kari";
    public static final String PASSWORD = "riktig-passord";

    private static final Backoff FAST = new Backoff(Duration.ofMillis(20), Duration.ofMillis(200));

    private final FakeSignalServer server;
    private final ConsoleServices services;

    private KaribuConsole(Locale browserLocale, FakeSignalServer fake, URI serverUri) {
        System.setProperty("vaadin." + InitParameters.I18N_PROVIDER, ConsoleI18NProvider.class.getName());
        server = fake;
        services = new ConsoleServices(new ConsoleConfig(serverUri, 0), FAST);
        MockVaadin.setup(UI::new, new ConsoleServlet(services));
        // Karibu makes the session itself, with the JVM's default locale; a real first request would pick the
        // locale from the browser's Accept-Language through the I18NProvider
        VaadinSession.getCurrent().setLocale(browserLocale);
        UI.getCurrent().setLocale(browserLocale);
        // Karibu's UI is bound to the test thread: Awaitility must evaluate conditions there too
        Awaitility.pollInSameThread();
    }

    /** The console against a {@link FakeSignalServer} (for the stream and reconnection cases a real server cannot stage). */
    public static KaribuConsole start(Locale browserLocale) {
        FakeSignalServer fake = FakeSignalServer.start().withUser(USERNAME, PASSWORD);
        return new KaribuConsole(browserLocale, fake, fake.uri());
    }

    /** The console against the real signal server of this test JVM ({@link RealSignalServer#shared()}). */
    public static KaribuConsole againstRealServer(Locale browserLocale) {
        return new KaribuConsole(browserLocale, null, RealSignalServer.shared().uri());
    }

    /** Logs in as a demo user of the real server: {@code sykepleier}, {@code natt}, {@code tekniker}, ... */
    public static void logInAsDemo(String username) {
        logIn(username, "demo-" + username);
    }

    public FakeSignalServer server() {
        if (server == null) {
            throw new IllegalStateException("This console runs against the real server: RealSignalServer.shared()");
        }
        return server;
    }

    public ConsoleServices services() {
        return services;
    }

    /** Fills in the login view that is showing and presses the button. */
    public static void logIn(String username, String password) {
        _setValue(_get(TextField.class, spec -> spec.withId("login-username")), username);
        _setValue(_get(PasswordField.class, spec -> spec.withId("login-password")), password);
        _click(_get(Button.class, spec -> spec.withId("login-button")));
    }

    /** Runs what background threads queued with {@code UI.access}, as a push round trip would. */
    public static void roundTrip() {
        MockVaadin.runUIQueue();
    }

    @Override
    public void close() {
        try {
            MockVaadin.tearDown();
        } finally {
            Awaitility.reset();
            services.close();
            if (server != null) {
                server.close();
            }
        }
    }

    /** Karibu's servlet, with the console services installed in its context before any UI exists. */
    private static final class ConsoleServlet extends MockVaadinServlet {
        private final transient ConsoleServices services;

        ConsoleServlet(ConsoleServices services) {
            super(new Routes().autoDiscoverViews("no.pasientsignal.console"));
            this.services = services;
        }

        @Override
        protected void servletInitialized() throws jakarta.servlet.ServletException {
            super.servletInitialized();
            services.installIn(getService().getContext());
        }
    }
}
