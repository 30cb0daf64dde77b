package no.pasientsignal.server.api;

import static no.pasientsignal.server.api.Viewer.ADMINISTRATOR;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import no.pasientsignal.server.persistence.JdbcStaffStore;
import no.pasientsignal.server.staff.Role;
import no.pasientsignal.server.staff.SessionTokens;
import no.pasientsignal.server.staff.StaffDirectory;
import no.pasientsignal.server.staff.StaffMember;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Staff administration, for administrators only: add accounts, change names and roles, set a new
 * password, deactivate. Password hashes never leave the server and passwords are never logged. A
 * change to someone's roles or password, or deactivating them, ends their open sessions at once
 * (they log in again with what is now true). Administrators cannot deactivate themselves or take
 * away their own administrator role, so a site always keeps one. Each change is answered once its
 * audit journal entry is durable ({@link AuditTrail}): user name and roles, never a password.
 */
@Controller("/api/staff")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(ADMINISTRATOR)
public class StaffController {

    private static final Logger LOG = LoggerFactory.getLogger(StaffController.class);

    /** Shorter passwords are refused. Long passphrases beat complexity rules (NIST SP 800-63B). */
    public static final int MIN_PASSWORD_LENGTH = 12;

    @Serdeable
    public record NewStaff(
            @NotBlank
            @Pattern(
                    regexp = "[a-z0-9][a-z0-9._-]{1,63}",
                    message = "must be 2-64 of a-z 0-9 . _ - starting with a letter or digit")
            String username,

            @NotBlank @Size(max = 200) String displayName,
            @NotEmpty Set<@NotNull @Pattern(regexp = ApiEnums.ROLES, message = ApiEnums.ROLE_MESSAGE) String> roles,

            @NotNull @Size(min = MIN_PASSWORD_LENGTH, max = 200)
            String password) {

        @Override
        public String toString() {
            return "NewStaff[" + username + ", " + roles + "]";
        }
    }

    @Serdeable
    public record StaffUpdate(
            @NotBlank @Size(max = 200) String displayName,
            @NotEmpty Set<@NotNull @Pattern(regexp = ApiEnums.ROLES, message = ApiEnums.ROLE_MESSAGE) String> roles) {}

    @Serdeable
    public record NewPassword(
            @NotNull @Size(min = MIN_PASSWORD_LENGTH, max = 200)
            String password) {
        @Override
        public String toString() {
            return "NewPassword[***]";
        }
    }

    /** An account as administrators see it: never the password hash. */
    @Serdeable
    public record StaffDto(String username, String displayName, List<String> roles, boolean active) {
        static StaffDto of(StaffMember member) {
            return new StaffDto(
                    member.username(),
                    member.displayName(),
                    member.roles().stream().map(Role::name).sorted().toList(),
                    member.active());
        }
    }

    private final JdbcStaffStore store;
    private final StaffDirectory directory;
    private final SessionTokens sessions;
    private final AuditTrail audit;

    StaffController(JdbcStaffStore store, StaffDirectory directory, SessionTokens sessions, AuditTrail audit) {
        this.store = store;
        this.directory = directory;
        this.sessions = sessions;
        this.audit = audit;
    }

    @Post
    public HttpResponse<?> create(@Body @Valid NewStaff request, Authentication authentication) {
        if (store.find(request.username()).isPresent()) {
            return conflict("username: " + request.username() + " is taken. Nothing was saved.");
        }
        directory.add(
                request.username(),
                request.displayName().strip(),
                roles(request.roles()),
                request.password().toCharArray());
        LOG.info(
                "Staff account {} created with roles {} by {}",
                request.username(),
                request.roles(),
                authentication.getName());
        audit.changed(
                authentication.getName(),
                "staff.create",
                null,
                request.username(),
                AuditTrail.details("roles", sorted(request.roles())));
        return HttpResponse.created(StaffDto.of(store.find(request.username()).orElseThrow()));
    }

    @Get
    public List<StaffDto> list() {
        return store.list().stream().map(StaffDto::of).toList();
    }

    @Get("/{username}")
    public HttpResponse<?> get(@PathVariable String username) {
        return store.find(username)
                .<HttpResponse<?>>map(m -> HttpResponse.ok(StaffDto.of(m)))
                .orElseGet(() -> notFound(username));
    }

    /** Changes the display name and replaces the roles; changed roles end the person's sessions. */
    @Put("/{username}")
    public HttpResponse<?> update(
            @PathVariable String username, @Body @Valid StaffUpdate request, Authentication authentication) {
        var current = store.find(username);
        if (current.isEmpty()) {
            return notFound(username);
        }
        Set<Role> roles = roles(request.roles());
        if (username.equals(authentication.getName()) && !roles.contains(Role.ADMINISTRATOR)) {
            return conflict("roles: you cannot take away your own ADMINISTRATOR role. Nothing was saved.");
        }
        if (!store.updateNameAndRoles(username, request.displayName().strip(), roles)) {
            return notFound(username);
        }
        if (!current.get().roles().equals(roles)) {
            int ended = sessions.revokeAllOf(username);
            LOG.info(
                    "Roles of {} changed to {} by {}; {} session(s) ended",
                    username,
                    roles,
                    authentication.getName(),
                    ended);
        }
        audit.changed(
                authentication.getName(),
                "staff.update",
                null,
                username,
                AuditTrail.details("roles", sorted(request.roles())));
        return HttpResponse.ok(StaffDto.of(store.find(username).orElseThrow()));
    }

    /** Sets a new password (Argon2id-hashed here) and ends the person's sessions. */
    @Post("/{username}/password")
    public HttpResponse<?> setPassword(
            @PathVariable String username, @Body @Valid NewPassword request, Authentication authentication) {
        if (store.find(username).isEmpty()) {
            return notFound(username);
        }
        String hash = directory.hashNewPassword(request.password().toCharArray());
        if (!store.updatePasswordHash(username, hash)) {
            return notFound(username);
        }
        int ended = sessions.revokeAllOf(username);
        LOG.info("Password of {} set by {}; {} session(s) ended", username, authentication.getName(), ended);
        audit.changed(authentication.getName(), "staff.password.set", null, username, Map.of());
        return HttpResponse.noContent();
    }

    /** Deactivates an account: it cannot log in, and its open sessions end at once. */
    @Post("/{username}/deactivate")
    public HttpResponse<?> deactivate(@PathVariable String username, Authentication authentication) {
        if (username.equals(authentication.getName())) {
            return conflict("You cannot deactivate your own account. Nothing was saved.");
        }
        if (!store.setActive(username, false)) {
            return notFound(username);
        }
        int ended = sessions.revokeAllOf(username);
        LOG.info("Staff account {} deactivated by {}; {} session(s) ended", username, authentication.getName(), ended);
        audit.changed(authentication.getName(), "staff.deactivate", null, username, Map.of());
        return HttpResponse.ok(StaffDto.of(store.find(username).orElseThrow()));
    }

    /** Lets a deactivated account log in again. */
    @Post("/{username}/activate")
    public HttpResponse<?> activate(@PathVariable String username, Authentication authentication) {
        if (!store.setActive(username, true)) {
            return notFound(username);
        }
        LOG.info("Staff account {} activated by {}", username, authentication.getName());
        audit.changed(authentication.getName(), "staff.activate", null, username, Map.of());
        return HttpResponse.ok(StaffDto.of(store.find(username).orElseThrow()));
    }

    private static String sorted(Set<String> roles) {
        return String.join(",", new TreeSet<>(roles));
    }

    /** The roles of a validated request. */
    private static Set<Role> roles(Set<String> names) {
        var roles = EnumSet.noneOf(Role.class);
        names.forEach(name -> roles.add(Role.valueOf(name)));
        return roles;
    }

    private static HttpResponse<ApiError> notFound(String username) {
        return HttpResponse.status(HttpStatus.NOT_FOUND)
                .body(new ApiError("No staff member with username " + username + "."));
    }

    private static HttpResponse<ApiError> conflict(String message) {
        return HttpResponse.status(HttpStatus.CONFLICT).body(new ApiError(message));
    }
}
