package no.pasientsignal.console.login.ui;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.Autocomplete;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.i18n.LocaleChangeEvent;
import com.vaadin.flow.i18n.LocaleChangeObserver;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import no.pasientsignal.console.ConsoleServices;
import no.pasientsignal.console.client.SignalServerException;
import no.pasientsignal.console.login.service.AuthenticationService;

/**
 * The login view: user name and password, checked against the signal server. A wrong password or an unreachable
 * server gives one plain sentence, never a stack trace. A user who is already logged in goes straight to the board.
 */
@Route("login")
@PublicView
public final class LoginView extends Div implements HasDynamicTitle, BeforeEnterObserver, LocaleChangeObserver {

    /** Where a successful login goes: the board. */
    static final String AFTER_LOGIN = "";

    private final transient AuthenticationService authentication;
    private final String serverAddress;
    private final H1 title = new H1();
    private final TextField username = new TextField();
    private final PasswordField password = new PasswordField();
    private final Button login = new Button();
    private final Paragraph error = new Paragraph();
    private String errorKey;

    public LoginView() {
        this(ConsoleServices.current());
    }

    private LoginView(ConsoleServices services) {
        this(services.authentication(), services.client().baseUri().toString());
    }

    LoginView(AuthenticationService authentication, String serverAddress) {
        this.authentication = authentication;
        this.serverAddress = serverAddress;
        addClassName("login-view");

        Div card = new Div();
        card.addClassName("login-card");

        username.setId("login-username");
        username.setAutocomplete(Autocomplete.USERNAME);
        username.setRequiredIndicatorVisible(true);
        username.setWidthFull();
        username.setAutofocus(true);

        password.setId("login-password");
        password.setAutocomplete(Autocomplete.CURRENT_PASSWORD);
        password.setRequiredIndicatorVisible(true);
        password.setWidthFull();

        login.setId("login-button");
        login.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        login.setWidthFull();
        login.addClickShortcut(Key.ENTER);
        login.addClickListener(click -> attemptLogin());

        error.setId("login-error");
        error.addClassName("login-error");
        error.getElement().setAttribute("role", "alert");
        error.setVisible(false);

        card.add(title, username, password, error, login);
        add(card);
        updateTexts();
    }

    private void attemptLogin() {
        String name = username.getValue().strip();
        String secret = password.getValue();
        if (name.isEmpty() || secret.isEmpty()) {
            showError("login.error.missing");
            return;
        }
        login.setEnabled(false);
        try {
            authentication.login(name, secret);
            hideError();
            UI.getCurrent().navigate(AFTER_LOGIN);
        } catch (SignalServerException e) {
            password.clear();
            password.focus();
            showError(
                    switch (e.reason()) {
                        case INVALID_CREDENTIALS -> "login.error.credentials";
                        case NOT_REACHABLE -> "login.error.unreachable";
                        case UNAUTHORIZED, UNEXPECTED_RESPONSE, REFUSED, FORBIDDEN, UNAVAILABLE ->
                            "login.error.unexpected";
                    });
        } finally {
            login.setEnabled(true);
        }
    }

    private void showError(String key) {
        errorKey = key;
        error.setText(getTranslation(key, serverAddress));
        error.setVisible(true);
    }

    private void hideError() {
        errorKey = null;
        error.setText("");
        error.setVisible(false);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (authentication.isLoggedIn()) {
            event.forwardTo(AFTER_LOGIN);
        }
    }

    @Override
    public void localeChange(LocaleChangeEvent event) {
        updateTexts();
    }

    private void updateTexts() {
        title.setText(getTranslation("login.heading"));
        username.setLabel(getTranslation("login.username"));
        password.setLabel(getTranslation("login.password"));
        login.setText(getTranslation("login.submit"));
        if (errorKey != null) {
            error.setText(getTranslation(errorKey, serverAddress));
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("login.title");
    }
}
