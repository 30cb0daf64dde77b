package no.pasientsignal.server.api;

import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.validator.TokenValidator;
import jakarta.inject.Singleton;
import java.util.Map;
import no.pasientsignal.server.staff.Role;
import no.pasientsignal.server.staff.SessionTokens;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

/** Turns a bearer token into the staff member's authentication and roles for micronaut-security. */
@Singleton
public class SessionTokenValidator implements TokenValidator<HttpRequest<?>> {

    private final SessionTokens sessions;

    public SessionTokenValidator(SessionTokens sessions) {
        this.sessions = sessions;
    }

    @Override
    public Publisher<Authentication> validateToken(String token, HttpRequest<?> request) {
        return Mono.justOrEmpty(sessions.validate(token)
                .map(account -> Authentication.build(
                        account.username(),
                        account.roles().stream().map(Role::name).toList(),
                        Map.of("name", account.displayName()))));
    }
}
