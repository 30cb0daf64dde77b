package no.pasientsignal.server.facility;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ResidentDirectoryTest {

    private final ResidentDirectory directory = new ResidentDirectory();

    private static Resident resident(String id, String room, boolean movedOut) {
        return new Resident(id, "Navn " + id, room, "sykepleier", movedOut, List.of());
    }

    @Test
    void a_resident_who_moves_is_found_in_the_new_room_only() {
        directory.put(resident("R-1", "201", false));
        directory.put(resident("R-2", "201", false));
        assertThat(directory.livingIn("201")).extracting(Resident::id).containsExactly("R-1", "R-2");

        directory.put(resident("R-1", "202", false));

        assertThat(directory.livingIn("201")).extracting(Resident::id).containsExactly("R-2");
        assertThat(directory.livingIn("202")).extracting(Resident::id).containsExactly("R-1");
    }

    @Test
    void a_resident_who_moved_out_lives_nowhere_and_an_unknown_room_has_nobody() {
        directory.put(resident("R-1", "201", false));
        directory.put(resident("R-1", "201", true));

        assertThat(directory.livingIn("201")).isEmpty();
        assertThat(directory.livingIn("999")).isEmpty();
    }
}
