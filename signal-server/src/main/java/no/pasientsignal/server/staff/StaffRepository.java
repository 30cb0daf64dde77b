package no.pasientsignal.server.staff;

import java.util.Optional;

/** Where staff accounts are kept. The database implements it; unit tests use a map. */
public interface StaffRepository {

    /** The account, if it exists and is active. */
    Optional<StaffAccount> findActive(String username);

    /** Adds an account; refused if the username is taken. */
    void add(StaffAccount account);

    /** Whether there is no account at all (a new installation). */
    boolean isEmpty();
}
