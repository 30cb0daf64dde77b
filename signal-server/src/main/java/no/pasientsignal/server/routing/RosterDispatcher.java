package no.pasientsignal.server.routing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import no.pasientsignal.server.alarm.Alarm;
import no.pasientsignal.server.alarm.Dispatcher;

/**
 * Routes by zone and shift: each step of the alarm's escalation chain, resolved against the roster
 * in force at that moment. The roster can be replaced at any time (a carer called in sick); the
 * next step uses the new one.
 */
public final class RosterDispatcher implements Dispatcher {

    private final Supplier<SiteRouting> routing;

    /** Routes by whatever {@code routing} supplies at the moment of each step. */
    public RosterDispatcher(Supplier<SiteRouting> routing) {
        this.routing = Objects.requireNonNull(routing, "routing");
    }

    /** Fixed routing (tests, tools). */
    public RosterDispatcher(EscalationPolicy policy, Roster roster) {
        var fixed = new SiteRouting(roster, policy);
        this.routing = () -> fixed;
    }

    @Override
    public Step step(Alarm alarm, int step, Instant now) {
        SiteRouting current = routing.get();
        List<EscalationPolicy.Step> chain = current.policy().chain(alarm.priority());
        if (step >= chain.size()) {
            return new Step(List.of(), null);
        }
        EscalationPolicy.Step thisStep = chain.get(step);
        Roster r = current.roster();
        var recipients = new LinkedHashSet<String>();
        for (Tier tier : Tier.values()) { // enum order: narrowest tier first in the list
            if (thisStep.tiers().contains(tier)) {
                recipients.addAll(r.recipients(alarm.place(), tier, now));
            }
        }
        Instant next =
                step + 1 < chain.size() ? now.plus(chain.get(step + 1).after().minus(thisStep.after())) : null;
        return new Step(new ArrayList<>(recipients), next);
    }
}
