package no.pasientsignal.server.staff;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** Staff accounts by username, and password checks against them. */
public final class StaffDirectory {

    /** Checked when the username is unknown, so a wrong username costs as much as a wrong password. */
    private final String decoyHash;

    private final PasswordHasher hasher;
    private final StaffRepository accounts;

    public StaffDirectory(PasswordHasher hasher, StaffRepository accounts) {
        this.hasher = Objects.requireNonNull(hasher, "hasher");
        this.accounts = Objects.requireNonNull(accounts, "accounts");
        this.decoyHash = hasher.hash("decoy".toCharArray());
    }

    /** Adds an account; the password is kept only as an Argon2id hash. */
    public void add(String username, String displayName, Set<Role> roles, char[] password) {
        accounts.add(new StaffAccount(username, displayName, roles, hasher.hash(password)));
    }

    /** The Argon2id hash to store for a new password (an administrator setting it). */
    public String hashNewPassword(char[] password) {
        return hasher.hash(password);
    }

    /** The active account whose password matches; empty otherwise (and as slowly either way). */
    public Optional<StaffAccount> authenticate(String username, char[] password) {
        StaffAccount account =
                username == null ? null : accounts.findActive(username).orElse(null);
        boolean ok = hasher.matches(password, account == null ? decoyHash : account.passwordHash());
        return ok && account != null ? Optional.of(account) : Optional.empty();
    }

    /**
     * The demo logins README's run command prints, added only to an installation without any
     * account and only in demo mode.
     */
    public void seedDemoStaffIfEmpty() {
        if (!accounts.isEmpty()) {
            return;
        }
        var directory = this;
        directory.add("sykepleier", "Demo sykepleier", Set.of(Role.NURSE), "demo-sykepleier".toCharArray());
        // A second carer on the day and evening shifts, so the demo roster has a zone team beyond
        // the primary carer and escalation has somewhere to go.
        directory.add("helsefag", "Demo helsefagarbeider", Set.of(Role.NURSE), "demo-helsefag".toCharArray());
        directory.add("natt", "Demo nattevakt", Set.of(Role.NIGHT_STAFF), "demo-natt".toCharArray());
        directory.add("tekniker", "Demo tekniker", Set.of(Role.TECHNICIAN), "demo-tekniker".toCharArray());
        directory.add("kvalitet", "Demo kvalitetsleder", Set.of(Role.QUALITY_LEAD), "demo-kvalitet".toCharArray());
        directory.add("admin", "Demo administrator", Set.of(Role.ADMINISTRATOR), "demo-admin".toCharArray());
    }
}
