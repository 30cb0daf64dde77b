package no.pasientsignal.console.shell;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Puts a view in the side menu, for the roles in its {@link AllowedRoles}. Views are found through the route
 * registry, so a feature adds its view without touching a shared list.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface MenuEntry {
    /** The resource-bundle key of the menu text. */
    String key();

    /** Place in the menu, lowest first; the first allowed entry is the user's home view. */
    int order();
}
