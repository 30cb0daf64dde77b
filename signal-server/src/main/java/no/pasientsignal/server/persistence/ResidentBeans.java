package no.pasientsignal.server.persistence;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import no.pasientsignal.server.SignalSettings;
import no.pasientsignal.server.facility.FacilityDirectory;
import no.pasientsignal.server.facility.ResidentDirectory;
import no.pasientsignal.server.provisioning.DeviceHealth;
import no.pasientsignal.server.provisioning.ProtectionMonitor;
import no.pasientsignal.server.staff.StaffDirectory;

/** Residents, stored device status and the protection view over them. */
@Factory
class ResidentBeans {

    @Singleton
    JdbcResidentStore residentStore(Database database) {
        return new JdbcResidentStore(database.jdbc());
    }

    @Singleton
    JdbcDeviceStatusStore deviceStatusStore(Database database) {
        return new JdbcDeviceStatusStore(database.jdbc());
    }

    /**
     * The residents, read once from the database. In demo mode the demo ward's rooms get demo
     * residents; that needs the demo ward ({@code facility}) and the demo nurse ({@code staff})
     * seeded first, hence the two otherwise unused parameters.
     */
    @Singleton
    ResidentDirectory residents(
            JdbcResidentStore residents,
            JdbcFacilityStore facilityStore,
            JdbcStaffStore staffStore,
            SignalSettings settings,
            FacilityDirectory facility,
            StaffDirectory staff) {
        if (settings.demo()) {
            FacilityLoader.seedDemoResidentsIfNone(residents, facilityStore, staffStore);
        }
        return FacilityLoader.loadResidents(residents);
    }

    /**
     * Created with the context, so it follows technical alerts from server start. Publishes on the
     * health fan-out thread, after the technical alert that caused it.
     */
    @Context
    ProtectionMonitor protectionMonitor(
            Clock clock,
            FacilityDirectory facility,
            ResidentDirectory residents,
            DeviceHealth health,
            JdbcFacilityStore store,
            @Named("health-fanout") ExecutorService fanout) {
        return ProtectionMonitor.following(
                clock, facility, residents, health, new DatabaseDeviceRegister(store), fanout);
    }
}
