package no.pasientsignal.server.provisioning;

import java.util.Optional;

/** How a technician's change to a device's life cycle ended (issue credential, decommission, replace). */
public sealed interface DeviceChange {

    /**
     * Done and stored.
     *
     * @param deviceId the device now in question (the new device, after a replacement)
     * @param credential the one-time enrolment credential, when the change issued one
     */
    record Done(String deviceId, Optional<EnrolmentCredential> credential) implements DeviceChange {}

    /** No device with this id: nothing written. */
    record NoSuchDevice(String deviceId) implements DeviceChange {}

    /** The device is not in service (replaced or decommissioned): nothing written. */
    record NotInService(String deviceId, String state) implements DeviceChange {}
}
