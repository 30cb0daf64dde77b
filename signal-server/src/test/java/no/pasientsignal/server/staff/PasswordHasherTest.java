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
        var staff = new StaffDirectory(hasher);
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
}
