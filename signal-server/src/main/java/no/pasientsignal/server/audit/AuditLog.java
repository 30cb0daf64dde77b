package no.pasientsignal.server.audit;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * What people do, into the journal next to what devices do: logins, configuration changes,
 * searches of the audit trail itself and (later) camera look-ins. One JSON record per entry.
 *
 * <p>Entries name staff by user name and residents only by pseudonym; never a password, a
 * resident's name or a search's results.
 */
public final class AuditLog {

    /** A login attempt, successful or not. */
    public static final String LOGIN = "login";
    /** A change of configuration: facility, staff, routing, care plans, devices. */
    public static final String CONFIG_CHANGE = "config-change";
    /** A search or report over the audit trail. */
    public static final String SEARCH = "search";

    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    /**
     * One thing a person did.
     *
     * @param actor the user name (or "system")
     * @param action what, as a dotted verb such as {@code routing.roster.replace}
     * @param siteId the site it concerns, or null
     * @param subject what it was done to (a room, a device, a pseudonymous resident id), or null
     * @param details a few more facts worth keeping; never secrets or names of residents
     */
    public record Entry(String actor, String action, String siteId, String subject, Map<String, String> details) {
        public Entry {
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(action, "action");
            details = details == null ? Map.of() : Map.copyOf(details);
        }
    }

    private final Journal journal;

    public AuditLog(Journal journal) {
        this.journal = Objects.requireNonNull(journal, "journal");
    }

    /** Appends an entry; the future completes with its sequence once durable. */
    public CompletableFuture<Long> record(String type, Entry entry) {
        Objects.requireNonNull(type, "type");
        return journal.append(type, JSON.writeValueAsBytes(entry));
    }

    public static Entry decode(byte[] payload) {
        return JSON.readValue(payload, Entry.class);
    }
}
