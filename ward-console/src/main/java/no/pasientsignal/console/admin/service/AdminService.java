package no.pasientsignal.console.admin.service;

import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import no.pasientsignal.console.ConsoleServices;
import no.pasientsignal.console.client.AccessToken;
import no.pasientsignal.console.client.AdminClient;
import no.pasientsignal.console.client.SignalServerException;
import no.pasientsignal.console.login.service.ConsoleUser;

/** Calls the administrator's API with the token of whoever is logged in to this browser session. */
public final class AdminService {

    private final AdminClient client;
    private final Supplier<AccessToken> token;

    public AdminService(AdminClient client, Supplier<AccessToken> token) {
        this.client = Objects.requireNonNull(client, "client");
        this.token = Objects.requireNonNull(token, "token");
    }

    /** The service for the session handling the current request. */
    public static AdminService current() {
        ConsoleServices services = ConsoleServices.current();
        return new AdminService(
                new AdminClient(services.api()),
                () -> services.authentication()
                        .currentUser()
                        .map(ConsoleUser::token)
                        .orElseThrow(() -> new SignalServerException(
                                SignalServerException.Reason.UNAUTHORIZED,
                                "Nobody is logged in to this console session.")));
    }

    /** {@code call(client, token)}; a failure arrives as {@link SignalServerException}. */
    public <T> T call(BiFunction<AdminClient, AccessToken, T> call) {
        return call.apply(client, token.get());
    }

    /** The user name of whoever is logged in, or the empty string. */
    public static String currentUsername() {
        return ConsoleServices.current()
                .authentication()
                .currentUser()
                .map(ConsoleUser::username)
                .orElse("");
    }
}
