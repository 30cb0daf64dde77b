package no.pasientsignal.console.shell;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import no.pasientsignal.console.login.service.StaffRole;

/**
 * The roles that may open a view. The login guard sends everyone else elsewhere, and the menu shows the view only to
 * these roles. Every signed-in route must carry it: {@code ViewRolesTest} checks that none is forgotten. The server
 * checks the same rules again on every API call; this only keeps staff out of views that would fail.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface AllowedRoles {
    StaffRole[] value();
}
