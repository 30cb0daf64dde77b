package no.pasientsignal.console.shell;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.router.RouteConfiguration;
import com.vaadin.flow.router.RouteData;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import no.pasientsignal.console.login.service.ConsoleUser;

/** Which views a user may open, and which one is their home. */
public final class Views {

    private Views() {}

    /** One menu item: the route's view, its path and its menu annotation. */
    public record Entry(Class<? extends Component> view, String path, MenuEntry menu) {}

    /** Whether {@code user} may open {@code view}: it names one of their roles, or it names none at all. */
    public static boolean mayOpen(ConsoleUser user, Class<?> view) {
        AllowedRoles allowed = view.getAnnotation(AllowedRoles.class);
        return allowed == null || user.hasAnyRole(allowed.value());
    }

    /** The menu entries {@code user} may open, in menu order. */
    public static List<Entry> menuFor(ConsoleUser user) {
        return RouteConfiguration.forApplicationScope().getAvailableRoutes().stream()
                .filter(route -> route.getNavigationTarget().isAnnotationPresent(MenuEntry.class))
                .filter(route -> mayOpen(user, route.getNavigationTarget()))
                .map(Views::entry)
                .sorted(Comparator.comparingInt((Entry e) -> e.menu().order()).thenComparing(Entry::path))
                .toList();
    }

    /** Where {@code user} lands after logging in: the first menu entry their roles allow. */
    public static Optional<Entry> homeOf(ConsoleUser user) {
        return menuFor(user).stream().findFirst();
    }

    private static Entry entry(RouteData route) {
        Class<? extends Component> view = route.getNavigationTarget();
        return new Entry(view, route.getTemplate(), view.getAnnotation(MenuEntry.class));
    }
}
