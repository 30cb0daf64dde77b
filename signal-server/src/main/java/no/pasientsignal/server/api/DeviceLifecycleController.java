package no.pasientsignal.server.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.security.Principal;
import java.util.Map;
import no.pasientsignal.server.persistence.DeviceRecord;
import no.pasientsignal.server.persistence.JdbcFacilityStore;
import no.pasientsignal.server.provisioning.DeviceChange;
import no.pasientsignal.server.provisioning.EnrolmentCredential;
import no.pasientsignal.server.provisioning.EnrolmentService;

/**
 * A device's life cycle after registration, for technicians and administrators: a fresh one-time
 * enrolment credential, decommissioning (certificates revoked, off the call path, sessions
 * dropped) and replacing a broken device by a new one at the same location. Each change is one
 * transaction: a refused request (404 unknown device, 409 device not in service, 409 id or serial
 * taken) writes nothing; a change made is answered once its audit journal entry is durable ({@link
 * AuditTrail}). Runs off the event loop: it talks to the database.
 */
@Controller("/api/devices")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured({FacilityController.ADMIN, FacilityController.TECHNICIAN})
public class DeviceLifecycleController {

    /**
     * A one-time enrolment credential: the DTLS-PSK identity and secret (64 hex digits) the device
     * enrols with once, before {@code expiresAt} (ISO-8601 UTC). Shown once; the server does not
     * show it again (ask for a new one instead).
     */
    @Serdeable
    public record EnrolmentCredentialDto(String deviceId, String identity, String secret, String expiresAt) {
        static EnrolmentCredentialDto of(EnrolmentCredential credential) {
            return new EnrolmentCredentialDto(
                    credential.deviceId(),
                    credential.identity(),
                    credential.secretHex(),
                    credential.expiresAt().toString());
        }
    }

    /** A device as stored, with the enrolment credential it was just given. */
    @Serdeable
    public record DeviceWithCredentialDto(
            String deviceId,
            String type,
            String serial,
            @Nullable String locationId,
            String state,
            @Nullable String firmware,
            @Nullable Integer batteryPercent,
            @Nullable String lastSeen,
            EnrolmentCredentialDto enrolment) {
        static DeviceWithCredentialDto of(DeviceRecord device, EnrolmentCredential credential) {
            return new DeviceWithCredentialDto(
                    device.deviceId(),
                    device.type(),
                    device.serial(),
                    device.locationId(),
                    device.state().name(),
                    device.firmware(),
                    device.batteryPercent(),
                    device.lastSeen() == null ? null : device.lastSeen().toString(),
                    EnrolmentCredentialDto.of(credential));
        }
    }

    @Serdeable
    public record ReplaceRequest(
            @NotBlank @Pattern(regexp = "[A-Za-z0-9._-]{1,64}", message = "must be 1-64 of A-Z a-z 0-9 . _ -")
            String newDeviceId,

            @NotBlank @Size(max = 100) String serial) {}

    private final EnrolmentService enrolment;
    private final JdbcFacilityStore store;
    private final AuditTrail audit;

    DeviceLifecycleController(EnrolmentService enrolment, JdbcFacilityStore store, AuditTrail audit) {
        this.enrolment = enrolment;
        this.store = store;
        this.audit = audit;
    }

    /** A fresh one-time credential (for a device that lost its own, or to re-enrol); earlier unspent ones stop working. */
    @Post("/{deviceId}/enrolment")
    public HttpResponse<?> issueCredential(@PathVariable String deviceId, Principal principal) {
        return switch (enrolment.issueCredential(deviceId, principal.getName())) {
            case DeviceChange.Done done -> {
                EnrolmentCredential credential = done.credential().orElseThrow();
                audit.changed(
                        principal.getName(),
                        "device.credential.issue",
                        null,
                        deviceId,
                        AuditTrail.details("credential", credential.identity()));
                yield HttpResponse.created(EnrolmentCredentialDto.of(credential));
            }
            case DeviceChange.NoSuchDevice missing -> notFound(missing.deviceId());
            case DeviceChange.NotInService out -> notInService(out, "get an enrolment credential");
        };
    }

    /** Takes a device out of service for good; its certificates are refused from now on. */
    @Post("/{deviceId}/decommission")
    public HttpResponse<?> decommission(@PathVariable String deviceId, Principal principal) {
        return switch (enrolment.decommission(deviceId, principal.getName())) {
            case DeviceChange.Done done -> {
                audit.changed(principal.getName(), "device.decommission", null, deviceId, Map.of());
                yield HttpResponse.ok(store.findDevice(done.deviceId()).orElseThrow());
            }
            case DeviceChange.NoSuchDevice missing -> notFound(missing.deviceId());
            case DeviceChange.NotInService out -> notInService(out, "be decommissioned");
        };
    }

    /** A new device of the same type takes over the location; the old one's certificates are revoked. */
    @Post("/{deviceId}/replace")
    public HttpResponse<?> replace(
            @PathVariable String deviceId, @Body @Valid ReplaceRequest request, Principal principal) {
        return switch (enrolment.replace(
                deviceId, request.newDeviceId(), request.serial().strip(), principal.getName())) {
            case DeviceChange.Done done -> {
                EnrolmentCredential credential = done.credential().orElseThrow();
                audit.changed(
                        principal.getName(),
                        "device.replace",
                        null,
                        deviceId,
                        AuditTrail.details(
                                "newDevice", done.deviceId(),
                                "serial", request.serial().strip(),
                                "credential", credential.identity()));
                yield HttpResponse.created(DeviceWithCredentialDto.of(
                        store.findDevice(done.deviceId()).orElseThrow(), credential));
            }
            case DeviceChange.NoSuchDevice missing -> notFound(missing.deviceId());
            case DeviceChange.NotInService out -> notInService(out, "be replaced");
        };
    }

    private static HttpResponse<ApiError> notFound(String deviceId) {
        return HttpResponse.status(HttpStatus.NOT_FOUND).body(new ApiError("No device with id " + deviceId + "."));
    }

    private static HttpResponse<ApiError> notInService(DeviceChange.NotInService out, String what) {
        return HttpResponse.status(HttpStatus.CONFLICT)
                .body(new ApiError("Device " + out.deviceId() + " is " + out.state()
                        + "; only a device in service (REGISTERED or ACTIVE) can " + what + ". Nothing was saved."));
    }
}
