package no.pasientsignal.console.login.ui;

import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import java.util.Optional;
import no.pasientsignal.console.ConsoleServices;
import no.pasientsignal.console.login.service.ConsoleUser;
import no.pasientsignal.console.shell.ConsoleErrorHandler;
import no.pasientsignal.console.shell.NoAccessView;
import no.pasientsignal.console.shell.Views;

/**
 * Guards every navigation. Registered through {@code META-INF/services}, so it covers every view, present and future:
 *
 * <ul>
 *   <li>nobody logged in (or the login expired): to the login view, unless the view is {@link PublicView};
 *   <li>the start page: to the user's home view, the first menu entry their roles allow;
 *   <li>a view whose {@link no.pasientsignal.console.shell.AllowedRoles} the user lacks: to {@link NoAccessView}.
 * </ul>
 *
 * <p>It also installs the console's error handler in every session, so no stack trace reaches a browser.
 */
public final class AuthenticationGuard implements VaadinServiceInitListener {

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addSessionInitListener(init -> init.getSession().setErrorHandler(new ConsoleErrorHandler()));
        event.getSource()
                .addUIInitListener(uiInit -> uiInit.getUI().addBeforeEnterListener(AuthenticationGuard::guard));
    }

    private static void guard(BeforeEnterEvent event) {
        Class<?> target = event.getNavigationTarget();
        if (target.isAnnotationPresent(PublicView.class) || HasErrorParameter.class.isAssignableFrom(target)) {
            return;
        }
        Optional<ConsoleUser> user = ConsoleServices.current().authentication().currentUser();
        if (user.isEmpty()) {
            event.forwardTo(LoginView.class);
            return;
        }
        if (Views.mayOpen(user.get(), target)) {
            return;
        }
        if (event.getLocation().getPath().isEmpty()) {
            Optional<Views.Entry> home = Views.homeOf(user.get());
            if (home.isPresent()) {
                event.forwardTo(home.get().path());
                return;
            }
        }
        event.forwardTo(NoAccessView.class);
    }
}
