package no.pasientsignal.server.report;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import no.pasientsignal.server.alarm.AlarmKind;
import no.pasientsignal.server.alarm.AlarmType;
import no.pasientsignal.server.routing.RoutingTables;

/**
 * The quality lead's reports, computed from the audit trail through the {@link AlarmHistories}
 * port, in the site's time zone and by its shift plan (the one in force now: the shift plans of
 * the past are not kept). Each report streams the histories of its period once.
 */
public final class Reports {

    private final AlarmHistories histories;
    private final RoutingTables routing;

    public Reports(AlarmHistories histories, RoutingTables routing) {
        this.histories = Objects.requireNonNull(histories, "histories");
        this.routing = Objects.requireNonNull(routing, "routing");
    }

    public SiteCalendar calendar(String siteId) {
        return new SiteCalendar(routing.forSite(siteId).roster().plan());
    }

    public FallCounts falls(String siteId, Period period, FallCounts.By by, FallCounts.Per per) {
        SiteCalendar calendar = calendar(siteId);
        var counter = new FallCounts.Counter(calendar, by, per);
        histories.forEach(period.filter(siteId, calendar.zone()).types(Set.of(AlarmType.FALL)), counter);
        return counter.result(siteId, period);
    }

    public ResponseTimes responseTimes(String siteId, Period period, ResponseTimes.By by) {
        SiteCalendar calendar = calendar(siteId);
        var collector = new ResponseTimes.Collector(calendar, by);
        var residentAlarms = EnumSet.copyOf(ofKind(AlarmKind.CALL));
        residentAlarms.addAll(ofKind(AlarmKind.PASSIVE));
        histories.forEach(period.filter(siteId, calendar.zone()).types(residentAlarms), collector);
        return collector.result(siteId, period);
    }

    public Clearance clearance(String siteId, Period period) {
        SiteCalendar calendar = calendar(siteId);
        var counter = new Clearance.Counter(calendar);
        histories.forEach(period.filter(siteId, calendar.zone()).types(ofKind(AlarmKind.CALL)), counter);
        return counter.result(siteId, period);
    }

    public AlarmLoad load(String siteId, Period period) {
        SiteCalendar calendar = calendar(siteId);
        var counter = new AlarmLoad.Counter(calendar, period);
        histories.forEach(AlarmLoad.window(siteId, calendar, period), counter);
        return counter.result(siteId);
    }

    public Fatigue fatigue(String siteId, Period period) {
        SiteCalendar calendar = calendar(siteId);
        var counter = new Fatigue.Counter(calendar);
        histories.forEach(period.filter(siteId, calendar.zone()).types(ofKind(AlarmKind.PASSIVE)), counter);
        return counter.result(siteId, period);
    }

    public BenefitReport benefit(BenefitRequest request) {
        String siteId = request.siteId();
        SiteCalendar calendar = calendar(siteId);
        var raw = new ArrayList<Map<Indicator, Double>>();
        for (BenefitRequest.Measurement m : request.periods()) {
            if (m.manual()) {
                raw.add(m.values());
                continue;
            }
            var figures = new BenefitReport.Figures(calendar);
            histories.forEach(m.period().filter(siteId, calendar.zone()), figures);
            if (request.indicators().contains(Indicator.NIGHT_VISITS)) {
                histories.forEachVisit(
                        siteId, m.period().start(calendar.zone()), m.period().end(calendar.zone()), figures::visit);
            }
            raw.add(figures.values());
        }
        return BenefitReport.of(request, calendar.zone().getId(), raw);
    }

    private static Set<AlarmType> ofKind(AlarmKind kind) {
        var types = EnumSet.noneOf(AlarmType.class);
        for (AlarmType t : AlarmType.values()) {
            if (t.kind() == kind) {
                types.add(t);
            }
        }
        return types;
    }
}
