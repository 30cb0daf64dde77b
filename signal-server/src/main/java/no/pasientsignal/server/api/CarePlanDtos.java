package no.pasientsignal.server.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import no.pasientsignal.server.alarm.LegalBasis;
import no.pasientsignal.server.alarm.PassiveRule;
import no.pasientsignal.server.alarm.TimeWindow;
import no.pasientsignal.server.persistence.CarePlanRecord;

/**
 * Care plans as JSON, and back to the domain. Bean validation catches the shape; what the domain
 * records refuse (a timed rule without a threshold, a basis ending before it starts) and staff
 * who do not exist become a {@link Refusal} naming the field, before anything is written.
 */
final class CarePlanDtos {

    private CarePlanDtos() {}

    /**
     * A passive rule: what to watch for between {@code from} and {@code to} (local time; both left
     * out means all day) and, for OUT_OF_BED_TOO_LONG and INACTIVITY only, for how long.
     */
    @Serdeable
    public record RuleDto(
            @NotNull @Pattern(regexp = ApiEnums.RULE_KINDS, message = ApiEnums.RULE_KIND_MESSAGE)
            String kind,

            @Nullable @Pattern(regexp = ApiEnums.TIME_OF_DAY, message = ApiEnums.TIME_OF_DAY_MESSAGE)
            String from,

            @Nullable @Pattern(regexp = ApiEnums.TIME_OF_DAY, message = ApiEnums.TIME_OF_DAY_MESSAGE)
            String to,

            @Nullable @Positive @Max(86_400) Integer thresholdSeconds) {}

    /**
     * A recorded consent or decision. {@code recordedBy} defaults to the caller; times are ISO
     * 8601 with an offset ({@code 2026-11-23T22:00:00Z}), kept to the second; {@code validUntil}
     * null for open-ended; {@code reference} where it is documented (a decision's case number).
     */
    @Serdeable
    public record BasisDto(
            @NotNull @Pattern(regexp = ApiEnums.BASIS_KINDS, message = ApiEnums.BASIS_KIND_MESSAGE)
            String kind,

            @Nullable @Size(max = 64) String recordedBy,
            @NotBlank @Size(max = 40) String validFrom,
            @Nullable @Size(max = 40) String validUntil,

            @Nullable @Size(max = LegalBasis.MAX_REFERENCE_LENGTH)
            String reference) {}

    /** The resident's rules and legal bases, replaced as a whole. */
    @Serdeable
    public record CarePlanRequest(
            @NotNull @Size(max = 20) List<@Valid @NotNull RuleDto> rules,
            @NotNull @Size(max = 20) List<@Valid @NotNull BasisDto> bases) {}

    /**
     * {@code rulesActive}: whether the rules are watched right now, which needs rules, a room the
     * resident lives in, and a legal basis valid now.
     */
    @Serdeable
    public record CarePlanDto(
            String residentId,
            @Nullable String roomId,
            List<RuleDto> rules,
            List<BasisDto> bases,
            boolean rulesActive) {}

    static CarePlanDto carePlan(CarePlanRecord stored, Instant now) {
        boolean active = !stored.rules().isEmpty()
                && stored.inForce().map(plan -> plan.allowedAt(now)).orElse(false);
        return new CarePlanDto(
                stored.residentId(),
                stored.roomId(),
                stored.rules().stream()
                        .map(r -> new RuleDto(
                                r.kind().name(),
                                r.window().from().toString(),
                                r.window().to().toString(),
                                r.threshold() == null
                                        ? null
                                        : Math.toIntExact(r.threshold().toSeconds())))
                        .toList(),
                stored.bases().stream()
                        .map(b -> new BasisDto(
                                b.kind().name(),
                                b.recordedBy(),
                                b.validFrom().toString(),
                                b.validUntil() == null ? null : b.validUntil().toString(),
                                b.reference()))
                        .toList(),
                active);
    }

    /** The rules a validated request describes. */
    static List<PassiveRule> rules(CarePlanRequest request) {
        var rules = new ArrayList<PassiveRule>();
        for (int i = 0; i < request.rules().size(); i++) {
            RuleDto dto = request.rules().get(i);
            String field = "rules[" + i + "]";
            if ((dto.from() == null) != (dto.to() == null)) {
                throw Refusal.badRequest(field, "give both from and to, or neither for all day");
            }
            TimeWindow window = dto.from() == null
                    ? TimeWindow.ALWAYS
                    : new TimeWindow(LocalTime.parse(dto.from()), LocalTime.parse(dto.to()));
            try {
                rules.add(new PassiveRule(
                        PassiveRule.Kind.valueOf(dto.kind()),
                        window,
                        dto.thresholdSeconds() == null ? null : Duration.ofSeconds(dto.thresholdSeconds())));
            } catch (IllegalArgumentException e) {
                throw Refusal.badRequest(field, e);
            }
        }
        return rules;
    }

    /**
     * The legal bases a validated request describes; a basis without {@code recordedBy} is
     * recorded by {@code caller}. Every recorder must be one of {@code staff}.
     */
    static List<LegalBasis> bases(CarePlanRequest request, String caller, Set<String> staff) {
        var bases = new ArrayList<LegalBasis>();
        for (int i = 0; i < request.bases().size(); i++) {
            BasisDto dto = request.bases().get(i);
            String field = "bases[" + i + "]";
            String recordedBy = dto.recordedBy() == null || dto.recordedBy().isBlank()
                    ? caller
                    : dto.recordedBy().strip();
            if (!staff.contains(recordedBy)) {
                throw Refusal.badRequest(field + ".recordedBy", "no staff member with username " + recordedBy);
            }
            Instant from = instant(dto.validFrom(), field + ".validFrom");
            Instant until = dto.validUntil() == null || dto.validUntil().isBlank()
                    ? null
                    : instant(dto.validUntil(), field + ".validUntil");
            try {
                bases.add(
                        new LegalBasis(LegalBasis.Kind.valueOf(dto.kind()), recordedBy, from, until, dto.reference()));
            } catch (IllegalArgumentException e) {
                throw Refusal.badRequest(field, e);
            }
        }
        return bases;
    }

    private static Instant instant(String text, String field) {
        try {
            return OffsetDateTime.parse(text.strip()).toInstant().truncatedTo(ChronoUnit.SECONDS);
        } catch (DateTimeParseException e) {
            throw Refusal.badRequest(field, text + " is not a date and time like 2026-11-23T22:00:00Z");
        }
    }
}
