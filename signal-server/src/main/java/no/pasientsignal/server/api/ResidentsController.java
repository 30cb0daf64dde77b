package no.pasientsignal.server.api;

import static no.pasientsignal.server.api.Viewer.ADMINISTRATOR;
import static no.pasientsignal.server.api.Viewer.NIGHT_STAFF;
import static no.pasientsignal.server.api.Viewer.NURSE;
import static no.pasientsignal.server.api.Viewer.QUALITY_LEAD;
import static no.pasientsignal.server.api.Viewer.TECHNICIAN;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import no.pasientsignal.server.alarm.CarePlanBook;
import no.pasientsignal.server.facility.CareNeed;
import no.pasientsignal.server.facility.Resident;
import no.pasientsignal.server.facility.ResidentDirectory;
import no.pasientsignal.server.persistence.JdbcCarePlanStore;
import no.pasientsignal.server.persistence.JdbcFacilityStore;
import no.pasientsignal.server.persistence.JdbcResidentStore;
import no.pasientsignal.server.persistence.JdbcStaffStore;
import no.pasientsignal.server.provisioning.ProtectionMonitor;
import no.pasientsignal.server.staff.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Residents: administrators register them and keep their room, care needs, responsible nurse and
 * moved-out state current. Every role may read them; names only go to care staff and
 * administrators ({@link Viewer}), everyone else gets the pseudonym. A refused request writes
 * nothing: references are checked first and each write is one transaction. Logs and the audit
 * journal carry the pseudonym only (never the name); a write is answered once its journal entry is
 * durable ({@link AuditTrail}). Runs off the event loop: it talks to the database.
 */
@Controller("/api/residents")
@ExecuteOn(TaskExecutors.BLOCKING)
public class ResidentsController {

    private static final Logger LOG = LoggerFactory.getLogger(ResidentsController.class);

    /** A new resident; the server makes the id (the pseudonym). {@code needs} may be left out. */
    @Serdeable
    public record NewResident(
            @NotBlank @Size(max = 200) String displayName,
            @Nullable @Size(max = 36) String roomId,
            @Nullable @Size(max = 64) String responsibleNurse,
            @Nullable @Size(max = 20) List<@Valid @NotNull NeedDto> needs) {}

    /** Everything about a resident but the id, replaced as a whole. */
    @Serdeable
    public record ResidentUpdate(
            @NotBlank @Size(max = 200) String displayName,
            @Nullable @Size(max = 36) String roomId,
            @Nullable @Size(max = 64) String responsibleNurse,
            @NotNull @Size(max = 20) List<@Valid @NotNull NeedDto> needs,
            @NotNull Boolean movedOut) {}

    private final JdbcResidentStore store;
    private final JdbcFacilityStore facility;
    private final JdbcStaffStore staff;
    private final ResidentDirectory residents;
    private final ProtectionMonitor protection;
    private final JdbcCarePlanStore carePlans;
    private final CarePlanBook carePlanBook;
    private final AuditTrail audit;
    /** Database write and memory update as one step, so concurrent edits leave both the same. */
    private final Object writes = new Object();

    ResidentsController(
            JdbcResidentStore store,
            JdbcFacilityStore facility,
            JdbcStaffStore staff,
            ResidentDirectory residents,
            ProtectionMonitor protection,
            JdbcCarePlanStore carePlans,
            CarePlanBook carePlanBook,
            AuditTrail audit) {
        this.store = store;
        this.facility = facility;
        this.staff = staff;
        this.residents = residents;
        this.protection = protection;
        this.carePlans = carePlans;
        this.carePlanBook = carePlanBook;
        this.audit = audit;
    }

    @Post
    @Secured(ADMINISTRATOR)
    public HttpResponse<?> create(@Body @Valid NewResident request, Authentication authentication) {
        List<NeedDto> needs = request.needs() == null ? List.of() : request.needs();
        Optional<HttpResponse<?>> refused = check(request.roomId(), request.responsibleNurse(), needs);
        if (refused.isPresent()) {
            return refused.get();
        }
        Resident resident;
        CompletableFuture<Long> entry;
        synchronized (writes) {
            resident = store.create(
                    request.displayName().strip(),
                    blankToNull(request.roomId()),
                    blankToNull(request.responsibleNurse()),
                    careNeeds(needs));
            residents.put(resident);
            entry = record(authentication, "resident.create", resident);
        }
        protection.update(resident.id());
        LOG.info("Resident {} registered in room {} by {}", resident.id(), resident.roomId(), authentication.getName());
        audit.await(entry);
        return HttpResponse.created(ResidentDto.of(resident, Viewer.of(authentication)));
    }

    /** Residents living here; {@code includeMovedOut=true} lists those who moved out too. */
    @Get
    @Secured({NURSE, NIGHT_STAFF, TECHNICIAN, QUALITY_LEAD, ADMINISTRATOR})
    public List<ResidentDto> list(
            @QueryValue(defaultValue = "false") boolean includeMovedOut, Authentication authentication) {
        Viewer viewer = Viewer.of(authentication);
        return residents.all().stream()
                .filter(r -> includeMovedOut || !r.movedOut())
                .map(r -> ResidentDto.of(r, viewer))
                .toList();
    }

    @Get("/{id}")
    @Secured({NURSE, NIGHT_STAFF, TECHNICIAN, QUALITY_LEAD, ADMINISTRATOR})
    public HttpResponse<?> get(@PathVariable String id, Authentication authentication) {
        return residents
                .resident(id)
                .<HttpResponse<?>>map(r -> HttpResponse.ok(ResidentDto.of(r, Viewer.of(authentication))))
                .orElseGet(() -> notFound(id));
    }

    /** Moves a resident, changes their needs or nurse, or records that they moved out. */
    @Put("/{id}")
    @Secured(ADMINISTRATOR)
    public HttpResponse<?> update(
            @PathVariable String id, @Body @Valid ResidentUpdate request, Authentication authentication) {
        Optional<Resident> before = residents.resident(id);
        if (before.isEmpty()) {
            return notFound(id);
        }
        Optional<HttpResponse<?>> refused = check(request.roomId(), request.responsibleNurse(), request.needs());
        if (refused.isPresent()) {
            return refused.get();
        }
        var resident = new Resident(
                id,
                request.displayName().strip(),
                blankToNull(request.roomId()),
                blankToNull(request.responsibleNurse()),
                request.movedOut(),
                careNeeds(request.needs()));
        CompletableFuture<Long> entry;
        synchronized (writes) {
            if (!store.replace(resident)) {
                return notFound(id);
            }
            residents.put(resident);
            entry = record(authentication, "resident.update", resident);
        }
        if (!Objects.equals(before.get().roomId(), resident.roomId())
                || before.get().movedOut() != resident.movedOut()) {
            // A care plan watches the room the resident lives in: a move takes it along, moving
            // out turns it off. Under the book's monitor, as CarePlanController stores plans.
            synchronized (carePlanBook) {
                carePlans.find(id).ifPresent(plan -> CarePlanController.putInForce(carePlanBook, plan));
            }
        }
        protection.update(id);
        LOG.info(
                "Resident {} updated by {}: room {}, {} need(s), moved out {}",
                id,
                authentication.getName(),
                resident.roomId(),
                resident.needs().size(),
                resident.movedOut());
        audit.await(entry);
        return HttpResponse.ok(ResidentDto.of(resident, Viewer.of(authentication)));
    }

    /** The journal entry of a write: the pseudonym and what changed, never the name. */
    private CompletableFuture<Long> record(Authentication authentication, String action, Resident resident) {
        return audit.record(
                authentication.getName(),
                action,
                null,
                resident.id(),
                AuditTrail.details(
                        "room", resident.roomId(),
                        "responsibleNurse", resident.responsibleNurse(),
                        "needs",
                                resident.needs().stream()
                                        .map(n -> n.deviceType() + "/" + n.locationKind())
                                        .sorted()
                                        .collect(Collectors.joining(",")),
                        "movedOut", resident.movedOut()));
    }

    // --- checks that name the field ------------------------------------------------------------

    private Optional<HttpResponse<?>> check(String roomId, String responsibleNurse, List<NeedDto> needs) {
        var seen = new HashSet<CareNeed>();
        for (int i = 0; i < needs.size(); i++) {
            CareNeed need = needs.get(i).need();
            if (!seen.add(need)) {
                return Optional.of(
                        badRequest("needs[" + i + "]: " + need.describe() + " is listed twice; list each need once."));
            }
        }
        if (blankToNull(roomId) != null && facility.findRoom(roomId.strip()).isEmpty()) {
            return Optional.of(HttpResponse.status(HttpStatus.NOT_FOUND)
                    .body(new ApiError("roomId: no room with id " + roomId + ".")));
        }
        if (blankToNull(responsibleNurse) != null) {
            var member = staff.find(responsibleNurse.strip());
            if (member.isEmpty()) {
                return Optional.of(HttpResponse.status(HttpStatus.NOT_FOUND)
                        .body(new ApiError(
                                "responsibleNurse: no staff member with username " + responsibleNurse + ".")));
            }
            if (!member.get().active() || !member.get().hasAnyRole(Role.NURSE, Role.NIGHT_STAFF)) {
                return Optional.of(badRequest(
                        "responsibleNurse: " + responsibleNurse + " is not an active nurse or night staff member."));
            }
        }
        return Optional.empty();
    }

    private static List<CareNeed> careNeeds(List<NeedDto> needs) {
        return needs.stream().map(NeedDto::need).toList();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static HttpResponse<ApiError> badRequest(String message) {
        return HttpResponse.status(HttpStatus.BAD_REQUEST).body(new ApiError(message));
    }

    static HttpResponse<ApiError> notFound(String id) {
        return HttpResponse.status(HttpStatus.NOT_FOUND).body(new ApiError("No resident with id " + id + "."));
    }
}
