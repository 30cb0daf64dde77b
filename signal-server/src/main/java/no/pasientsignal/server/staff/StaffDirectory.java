package no.pasientsignal.server.staff;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Staff accounts by username, and password checks against them. */
public final class StaffDirectory {

    /** Checked when the username is unknown, so a wrong username costs as much as a wrong password. */
    private final String decoyHash;

    private final PasswordHasher hasher;
    private final Map<String, StaffAccount> accounts = new ConcurrentHashMap<>();

    public StaffDirectory(PasswordHasher hasher) {
        this.hasher = Objects.requireNonNull(hasher, "hasher");
        this.decoyHash = hasher.hash("decoy".toCharArray());
    }

    public void add(String username, String displayName, Set<Role> roles, char[] password) {
        accounts.put(username, new StaffAccount(username, displayName, roles, hasher.hash(password)));
    }

    public Optional<StaffAccount> authenticate(String username, char[] password) {
        StaffAccount account = username == null ? null : accounts.get(username);
        boolean ok = hasher.matches(password, account == null ? decoyHash : account.passwordHash());
        return ok && account != null ? Optional.of(account) : Optional.empty();
    }

    /** Demo logins printed by README's run command. Never seeded outside demo mode. */
    public static StaffDirectory demoStaff(PasswordHasher hasher) {
        var directory = new StaffDirectory(hasher);
        directory.add("sykepleier", "Demo sykepleier", Set.of(Role.NURSE), "demo-sykepleier".toCharArray());
        directory.add("natt", "Demo nattevakt", Set.of(Role.NIGHT_STAFF), "demo-natt".toCharArray());
        directory.add("tekniker", "Demo tekniker", Set.of(Role.TECHNICIAN), "demo-tekniker".toCharArray());
        directory.add("kvalitet", "Demo kvalitetsleder", Set.of(Role.QUALITY_LEAD), "demo-kvalitet".toCharArray());
        directory.add("admin", "Demo administrator", Set.of(Role.ADMINISTRATOR), "demo-admin".toCharArray());
        return directory;
    }
}
