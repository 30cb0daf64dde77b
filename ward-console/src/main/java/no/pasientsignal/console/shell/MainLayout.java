package no.pasientsignal.console.shell;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.i18n.LocaleChangeEvent;
import com.vaadin.flow.i18n.LocaleChangeObserver;
import com.vaadin.flow.server.VaadinSession;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import no.pasientsignal.console.ConsoleServices;
import no.pasientsignal.console.i18n.ConsoleI18NProvider;
import no.pasientsignal.console.login.service.AuthenticationService;
import no.pasientsignal.console.login.service.ConsoleUser;

/**
 * The frame of every signed-in view: a top bar (menu toggle, product name, language, who is logged in, log out) and a
 * side menu with the views the user's roles allow. On a tablet in portrait the menu folds away behind the toggle.
 */
public final class MainLayout extends AppLayout implements LocaleChangeObserver {

    /** Below this window width (a tablet in portrait) the menu starts closed. */
    static final int WIDE_SCREEN_PX = 1024;

    private final transient AuthenticationService authentication;
    private final Span product = new Span();
    private final Span user = new Span();
    private final Button logout = new Button();
    private final Select<Locale> language = new Select<>();
    private final SideNav menu = new SideNav();
    private final Map<SideNavItem, String> menuKeys = new LinkedHashMap<>();

    public MainLayout() {
        this(ConsoleServices.current().authentication());
    }

    MainLayout(AuthenticationService authentication) {
        this.authentication = authentication;
        addClassName("main-layout");
        setPrimarySection(Section.NAVBAR);

        DrawerToggle toggle = new DrawerToggle();
        toggle.setId("menu-toggle");
        product.addClassName("product-name");

        language.setId("language-select");
        language.setItems(ConsoleI18NProvider.BOKMAAL, Locale.ENGLISH);
        language.setItemLabelGenerator(locale -> locale.getLanguage().equals("en") ? "English" : "Norsk bokmål");
        language.addValueChangeListener(change -> {
            if (change.isFromClient() && change.getValue() != null) {
                VaadinSession.getCurrent().setLocale(change.getValue());
            }
        });
        language.addClassName("language-select");

        user.setId("current-user");
        user.addClassName("current-user");
        logout.setId("logout-button");
        logout.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        logout.addClickListener(click -> logOut());

        Div spacer = new Div();
        spacer.addClassName("navbar-spacer");
        Div account = new Div(language, user, logout);
        account.addClassName("navbar-account");
        addToNavbar(toggle, product, spacer, account);

        menu.setId("main-menu");
        addToDrawer(menu);
        updateTexts();
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        language.setValue(
                attachEvent.getUI().getLocale().getLanguage().equals("en")
                        ? Locale.ENGLISH
                        : ConsoleI18NProvider.BOKMAAL);
        authentication.currentUser().ifPresent(this::showUser);
        // a tablet in portrait needs the whole width for the board: the menu starts folded behind its toggle
        attachEvent.getUI().getPage().retrieveExtendedClientDetails(details -> {
            if (details.getWindowInnerWidth() < WIDE_SCREEN_PX) {
                setDrawerOpened(false);
            }
        });
    }

    private void showUser(ConsoleUser current) {
        user.setText(current.username());
        menu.removeAll();
        menuKeys.clear();
        List<Views.Entry> entries = Views.menuFor(current);
        for (Views.Entry entry : entries) {
            SideNavItem item = new SideNavItem(getTranslation(entry.menu().key()), entry.path());
            item.setId(
                    "menu-" + (entry.path().isEmpty() ? "board" : entry.path().replace('/', '-')));
            menuKeys.put(item, entry.menu().key());
            menu.addItem(item);
        }
    }

    private void logOut() {
        UI ui = UI.getCurrent();
        ui.getPage().setLocation("login");
        // detach the views now, so their live feeds (opened with this user's token) close before the token goes
        setContent(null);
        authentication.logout();
    }

    @Override
    public void localeChange(LocaleChangeEvent event) {
        updateTexts();
    }

    private void updateTexts() {
        product.setText(getTranslation("shell.product"));
        logout.setText(getTranslation("shell.logout"));
        language.setAriaLabel(getTranslation("shell.language"));
        menu.getElement().setAttribute("aria-label", getTranslation("shell.menu"));
        menuKeys.forEach((item, key) -> item.setLabel(getTranslation(key)));
    }
}
