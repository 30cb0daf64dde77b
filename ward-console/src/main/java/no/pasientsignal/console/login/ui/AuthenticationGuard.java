package no.pasientsignal.console.login.ui;

import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import no.pasientsignal.console.ConsoleServices;

/**
 * Sends every navigation to a view that is not {@link PublicView} to the login view while nobody is logged in (or the
 * login has expired). Registered through {@code META-INF/services}, so it covers every view, present and future.
 */
public final class AuthenticationGuard implements VaadinServiceInitListener {

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource()
                .addUIInitListener(uiInit -> uiInit.getUI().addBeforeEnterListener(AuthenticationGuard::requireLogin));
    }

    private static void requireLogin(BeforeEnterEvent event) {
        if (event.getNavigationTarget().isAnnotationPresent(PublicView.class)) {
            return;
        }
        if (!ConsoleServices.current().authentication().isLoggedIn()) {
            event.forwardTo(LoginView.class);
        }
    }
}
