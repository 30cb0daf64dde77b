package no.pasientsignal.server.staff;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class PasswordHasherTest {

    // Small parameters keep the unit test fast; production uses the OWASP defaults.
    private final PasswordHasher hasher = new PasswordHasher(1024, 1, 1);

    @Test
    void hash_is_argon2id_phc_and_salted() {
        String a = hasher.hash("correct horse".toCharArray());
        String b = hasher.hash("correct horse".toCharArray());
        assertThat(a).startsWith("$argon2id$v=19$m=1024,t=1,p=1$").isNotEqualTo(b);
        assertThat(hasher.matches("correct horse".toCharArray(), a)).isTrue();
        assertThat(hasher.matches("correct horse".toCharArray(), b)).isTrue();
    }

    @Test
    void wrong_password_and_malformed_hashes_do_not_match() {
        String hash = hasher.hash("correct horse".toCharArray());
        assertThat(hasher.matches("Correct horse".toCharArray(), hash)).isFalse();
        assertThat(hasher.matches("x".toCharArray(), "plain")).isFalse();
        assertThat(hasher.matches("x".toCharArray(), "$argon2i$v=19$m=1024,t=1,p=1$AAAA$AAAA"))
                .isFalse();
        assertThat(hasher.matches("x".toCharArray(), "$argon2id$v=19$m=zz,t=1,p=1$AAAA$AAAA"))
                .isFalse();
    }

    @Test
    void directory_authenticates_only_matching_credentials() {
        var staff = new StaffDirectory(hasher, new InMemoryStaff());
        staff.add("kari", "Kari", Set.of(Role.NURSE), "hemmelig".toCharArray());
        assertThat(staff.authenticate("kari", "hemmelig".toCharArray()))
                .hasValueSatisfying(a -> assertThat(a.roles()).containsExactly(Role.NURSE));
        assertThat(staff.authenticate("kari", "feil".toCharArray())).isEmpty();
        assertThat(staff.authenticate("ola", "hemmelig".toCharArray())).isEmpty();
        assertThat(staff.authenticate(null, "hemmelig".toCharArray())).isEmpty();
        assertThat(staff.authenticate("kari", "hemmelig".toCharArray())
                        .orElseThrow()
                        .toString())
                .doesNotContain("argon2");
    }

    /** A map instead of the database: this test is about the password rules, not storage. */
    private static final class InMemoryStaff implements StaffRepository {
        private final java.util.Map<String, StaffAccount> accounts = new java.util.HashMap<>();

        @Override
        public java.util.Optional<StaffAccount> findActive(String username) {
            return java.util.Optional.ofNullable(accounts.get(username));
        }

        @Override
        public void add(StaffAccount account) {
            if (accounts.putIfAbsent(account.username(), account) != null) {
                throw new IllegalArgumentException("taken");
            }
        }

        @Override
        public boolean isEmpty() {
            return accounts.isEmpty();
        }
    }
}
