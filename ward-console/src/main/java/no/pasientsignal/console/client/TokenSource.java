package no.pasientsignal.console.client;

/** Where the {@link CallStream} gets its access token, and where it reports one the server refused. */
public interface TokenSource {

    /** The token to connect with now, or {@code null} while there is none (nobody has logged in yet). */
    AccessToken current();

    /** The server answered 401 to this token; do not hand it out again. */
    void rejected(AccessToken token);
}
