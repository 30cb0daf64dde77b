package no.pasientsignal.server.routing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import no.pasientsignal.server.alarm.Alarm;
import no.pasientsignal.server.alarm.Dispatcher;

/**
 * Routes by zone and shift: each step of the alarm's escalation chain, resolved against the roster
 * in force at that moment. The roster can be replaced at any time (a carer called in sick); the
 * next step uses the new one.
 */
public final class RosterDispatcher implements Dispatcher {

    private final EscalationPolicy policy;
    private final AtomicReference<Roster> roster;

    public RosterDispatcher(EscalationPolicy policy, Roster roster) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.roster = new AtomicReference<>(Objects.requireNonNull(roster, "roster"));
    }

    public Roster roster() {
        return roster.get();
    }

    public void replace(Roster newRoster) {
        roster.set(Objects.requireNonNull(newRoster, "roster"));
    }

    @Override
    public Step step(Alarm alarm, int step, Instant now) {
        List<EscalationPolicy.Step> chain = policy.chain(alarm.priority());
        if (step >= chain.size()) {
            return new Step(List.of(), null);
        }
        EscalationPolicy.Step current = chain.get(step);
        Roster r = roster.get();
        var recipients = new LinkedHashSet<String>();
        for (Tier tier : Tier.values()) { // enum order: narrowest tier first in the list
            if (current.tiers().contains(tier)) {
                recipients.addAll(r.recipients(alarm.place(), tier, now));
            }
        }
        Instant next =
                step + 1 < chain.size() ? now.plus(chain.get(step + 1).after().minus(current.after())) : null;
        return new Step(new ArrayList<>(recipients), next);
    }
}
