package no.pasientsignal.console.devices.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import no.pasientsignal.console.client.DevicesClient.Need;
import no.pasientsignal.console.client.DevicesClient.Protection;
import org.junit.jupiter.api.Test;

class DevicesServiceTest {

    @Test
    void gaps_are_ordered_by_room_name_whatever_order_the_server_sends() {
        Need missing = need("BED_SENSOR", false, "NO_DEVICE", null);
        var in207 = new Protection("r7", null, "x", "Rom 207", false, List.of(missing));
        var in201 = new Protection("r1", null, "y", "Rom 201", false, List.of(missing));
        var noRoom = new Protection("r0", null, null, null, false, List.of(missing));

        assertThat(DevicesService.gapsIn(List.of(in207, noRoom, in201)))
                .extracting(DevicesService.Gap::residentId)
                .containsExactly("r1", "r7", "r0");
    }

    @Test
    void gaps_are_the_uncovered_needs_one_row_each() {
        Need callCovered = need("CALL_BUTTON", true, "COVERED", "call-1");
        Need bedMissing = need("BED_SENSOR", false, "NO_DEVICE", null);
        Need fallSilent = need("FALL_SENSOR", false, "SILENT", "fall-2");
        var first = new Protection("r1", null, "room1", "Rom 1", false, List.of(callCovered, bedMissing));
        var second = new Protection("r2", "Kari", "room2", "Rom 2", false, List.of(fallSilent));
        var complete = new Protection("r3", null, "room3", "Rom 3", true, List.of(callCovered));

        var gaps = DevicesService.gapsIn(List.of(first, second, complete));

        assertThat(gaps)
                .extracting(g -> g.residentId() + ":" + g.need().deviceType())
                .containsExactly("r1:BED_SENSOR", "r2:FALL_SENSOR");
        assertThat(gaps.get(1).residentName()).isEqualTo("Kari");
        assertThat(gaps.get(1).roomName()).isEqualTo("Rom 2");
    }

    private static Need need(String type, boolean covered, String coverage, String deviceId) {
        return new Need(type, "BED", type + " at bed", covered, coverage, coverage, deviceId, null, null);
    }
}
