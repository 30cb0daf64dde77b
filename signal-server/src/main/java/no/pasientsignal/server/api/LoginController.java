package no.pasientsignal.server.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import no.pasientsignal.server.staff.Role;
import no.pasientsignal.server.staff.SessionTokens;
import no.pasientsignal.server.staff.StaffDirectory;

/** {@code POST /login} opens a session; {@code POST /logout} ends it. */
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

    public LoginController(StaffDirectory staff, SessionTokens sessions) {
        this.staff = staff;
        this.sessions = sessions;
    }

    /** Argon2 is slow on purpose, so this runs off the event loop. */
    @Post("/login")
    @Secured(SecurityRule.IS_ANONYMOUS)
    @ExecuteOn(TaskExecutors.BLOCKING)
    public HttpResponse<?> login(@Body @Valid Credentials credentials) {
        return staff.authenticate(credentials.username(), credentials.password().toCharArray())
                .<HttpResponse<?>>map(account -> {
                    var session = sessions.open(account);
                    return HttpResponse.ok(new LoginResponse(
                            account.username(),
                            account.displayName(),
                            account.roles().stream().map(Role::name).sorted().toList(),
                            session.token(),
                            "Bearer",
                            sessions.lifetime().toSeconds()));
                })
                .orElseGet(() -> HttpResponse.status(HttpStatus.UNAUTHORIZED)
                        .body(new ApiError("Feil brukernavn eller passord / wrong username or password")));
    }

    @Post("/logout")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    public HttpResponse<?> logout(@Nullable @Header("Authorization") String authorization) {
        if (authorization != null && authorization.startsWith("Bearer ")) {
            sessions.revoke(authorization.substring("Bearer ".length()).strip());
        }
        return HttpResponse.noContent();
    }
}
