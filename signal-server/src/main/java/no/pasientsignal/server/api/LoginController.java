package no.pasientsignal.server.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import no.pasientsignal.server.staff.Role;
import no.pasientsignal.server.staff.SessionTokens;
import no.pasientsignal.server.staff.StaffDirectory;

/**
 * {@code POST /login} opens a session; {@code POST /logout} ends it. Both go into the audit journal
 * (the user name given and the client address, never the password), without waiting for the disk:
 * staff must be able to log in while it fails (see {@link AuditTrail}).
 */
@Controller
public class LoginController {

    @Serdeable
    public record Credentials(
            @NotBlank @Size(max = 100) String username,
            @NotBlank @Size(max = 200) String password) {}

    @Serdeable
    public record LoginResponse(
            String username,
            String displayName,
            List<String> roles,
            String access_token,
            String token_type,
            long expires_in) {}

    private final StaffDirectory staff;
    private final SessionTokens sessions;
    private final AuditTrail audit;

    LoginController(StaffDirectory staff, SessionTokens sessions, AuditTrail audit) {
        this.staff = staff;
        this.sessions = sessions;
        this.audit = audit;
    }

    /** Argon2 is slow on purpose, so this runs off the event loop. */
    @Post("/login")
    @Secured(SecurityRule.IS_ANONYMOUS)
    @ExecuteOn(TaskExecutors.BLOCKING)
    public HttpResponse<?> login(@Body @Valid Credentials credentials, HttpRequest<?> request) {
        String address = request.getRemoteAddress().getAddress().getHostAddress();
        return staff.authenticate(credentials.username(), credentials.password().toCharArray())
                .<HttpResponse<?>>map(account -> {
                    var session = sessions.open(account);
                    audit.login(account.username(), true, address);
                    return HttpResponse.ok(new LoginResponse(
                            account.username(),
                            account.displayName(),
                            account.roles().stream().map(Role::name).sorted().toList(),
                            session.token(),
                            "Bearer",
                            sessions.lifetime().toSeconds()));
                })
                .orElseGet(() -> {
                    audit.login(credentials.username(), false, address);
                    return HttpResponse.status(HttpStatus.UNAUTHORIZED)
                            .body(new ApiError("Feil brukernavn eller passord / wrong username or password"));
                });
    }

    @Post("/logout")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    public HttpResponse<?> logout(
            @Nullable @Header("Authorization") String authorization, Authentication authentication) {
        if (authorization != null && authorization.startsWith("Bearer ")) {
            sessions.revoke(authorization.substring("Bearer ".length()).strip());
            audit.logout(authentication.getName());
        }
        return HttpResponse.noContent();
    }
}
