package no.pasientsignal.server.api;

import static no.pasientsignal.server.api.Viewer.ADMINISTRATOR;
import static no.pasientsignal.server.api.Viewer.NIGHT_STAFF;
import static no.pasientsignal.server.api.Viewer.NURSE;

import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Put;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import no.pasientsignal.server.alarm.CarePlan;
import no.pasientsignal.server.alarm.CarePlanBook;
import no.pasientsignal.server.alarm.LegalBasis;
import no.pasientsignal.server.alarm.PassiveRule;
import no.pasientsignal.server.api.CarePlanDtos.CarePlanDto;
import no.pasientsignal.server.api.CarePlanDtos.CarePlanRequest;
import no.pasientsignal.server.persistence.CarePlanRecord;
import no.pasientsignal.server.persistence.JdbcCarePlanStore;
import no.pasientsignal.server.persistence.JdbcStaffStore;
import no.pasientsignal.server.staff.StaffMember;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A resident's care plan: the passive rules watched for them (bed exit at night, out of bed too
 * long...) and the legal bases that allow it. Health data: care staff and administrators read it,
 * administrators change it; technicians and quality leads are refused. A change is stored in one
 * transaction and then put in force, so the next sensor event is judged by it; a refused request
 * changes neither. Logs and the audit journal carry the pseudonym only; a change is answered once
 * its journal entry is durable ({@link AuditTrail}). Runs off the event loop: it talks to the
 * database.
 */
@Controller("/api/residents/{residentId}/care-plan")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Care plans")
public class CarePlanController {

    private static final Logger LOG = LoggerFactory.getLogger(CarePlanController.class);

    private final JdbcCarePlanStore store;
    private final JdbcStaffStore staff;
    private final CarePlanBook book;
    private final Clock clock;
    private final AuditTrail audit;

    CarePlanController(
            JdbcCarePlanStore store, JdbcStaffStore staff, CarePlanBook book, Clock clock, AuditTrail audit) {
        this.store = store;
        this.staff = staff;
        this.book = book;
        this.clock = clock;
        this.audit = audit;
    }

    /** The stored plan; a resident who never had one has an empty plan. */
    @Get
    @Secured({NURSE, NIGHT_STAFF, ADMINISTRATOR})
    public CarePlanDto carePlan(@PathVariable String residentId) {
        return CarePlanDtos.carePlan(find(residentId), clock.instant());
    }

    /**
     * Replaces the rules and legal bases. The rules are watched only while the resident lives in a
     * room and a basis is valid; an empty rule list turns them off.
     */
    @Put
    @Secured(ADMINISTRATOR)
    public CarePlanDto replaceCarePlan(
            @PathVariable String residentId, @Body @Valid CarePlanRequest request, Authentication authentication) {
        find(residentId);
        List<PassiveRule> rules = CarePlanDtos.rules(request);
        var usernames = new HashSet<String>();
        staff.list().stream().map(StaffMember::username).forEach(usernames::add);
        List<LegalBasis> bases = CarePlanDtos.bases(request, authentication.getName(), usernames);
        CarePlanRecord saved;
        CompletableFuture<Long> entry;
        // Store and put in force as one step, under the book's monitor (resident moves take it too),
        // so the book always holds the plan last stored, for the room the resident is in.
        synchronized (book) {
            if (!store.save(residentId, rules, bases)) {
                throw notFound(residentId);
            }
            saved = find(residentId);
            putInForce(book, saved);
            entry = audit.record(
                    authentication.getName(),
                    "care-plan.replace",
                    null,
                    residentId,
                    AuditTrail.details(
                            "rules",
                            rules.stream().map(r -> r.kind().name()).collect(Collectors.joining(",")),
                            "legalBases",
                            bases.stream().map(b -> b.kind().name()).collect(Collectors.joining(","))));
        }
        LOG.info(
                "Care plan of resident {} replaced by {}: {} rule(s), {} legal basis/bases",
                residentId,
                authentication.getName(),
                rules.size(),
                bases.size());
        audit.await(entry);
        return CarePlanDtos.carePlan(saved, clock.instant());
    }

    /**
     * Puts a stored plan in force. Rules watch the room the resident lives in now; a resident
     * without one (moved out, not placed) has nothing watched, so a plan in force for them is
     * replaced by an empty one for their last room. An empty plan the book never had stays out.
     */
    static void putInForce(CarePlanBook book, CarePlanRecord stored) {
        Optional<CarePlan> earlier = book.plan(stored.residentId());
        Optional<CarePlan> plan = stored.inForce();
        if (plan.isPresent()) {
            if (earlier.isPresent()
                    || !stored.rules().isEmpty()
                    || !stored.bases().isEmpty()) {
                book.put(plan.get());
            }
        } else if (earlier.isPresent()) {
            book.put(new CarePlan(stored.residentId(), earlier.get().roomId(), List.of(), List.of()));
        }
    }

    private CarePlanRecord find(String residentId) {
        return store.find(residentId).orElseThrow(() -> notFound(residentId));
    }

    private static Refusal notFound(String residentId) {
        return Refusal.notFound("No resident with id " + residentId);
    }
}
