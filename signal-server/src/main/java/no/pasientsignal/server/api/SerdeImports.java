package no.pasientsignal.server.api;

import io.micronaut.serde.annotation.SerdeImport;
import no.pasientsignal.server.persistence.DeviceRecord;
import no.pasientsignal.server.persistence.LocationRecord;
import no.pasientsignal.server.persistence.RoomRecord;
import no.pasientsignal.server.persistence.SiteRecord;
import no.pasientsignal.server.persistence.WardRecord;
import no.pasientsignal.server.persistence.ZoneRecord;
import no.pasientsignal.server.report.AlarmLoad;
import no.pasientsignal.server.report.BenefitReport;
import no.pasientsignal.server.report.Clearance;
import no.pasientsignal.server.report.FallCounts;
import no.pasientsignal.server.report.Fatigue;
import no.pasientsignal.server.report.Percentiles;
import no.pasientsignal.server.report.Period;
import no.pasientsignal.server.report.ResponseTimes;

/** The stored records and reports the API returns as JSON, without framework annotations on them. */
@SerdeImport(SiteRecord.class)
@SerdeImport(WardRecord.class)
@SerdeImport(ZoneRecord.class)
@SerdeImport(RoomRecord.class)
@SerdeImport(LocationRecord.class)
@SerdeImport(DeviceRecord.class)
@SerdeImport(Period.class)
@SerdeImport(Percentiles.class)
@SerdeImport(FallCounts.class)
@SerdeImport(FallCounts.Row.class)
@SerdeImport(ResponseTimes.class)
@SerdeImport(ResponseTimes.Group.class)
@SerdeImport(Clearance.class)
@SerdeImport(Clearance.Row.class)
@SerdeImport(AlarmLoad.class)
@SerdeImport(AlarmLoad.Night.class)
@SerdeImport(AlarmLoad.StaffLoad.class)
@SerdeImport(Fatigue.class)
@SerdeImport(Fatigue.Row.class)
@SerdeImport(BenefitReport.class)
@SerdeImport(BenefitReport.PeriodRow.class)
@SerdeImport(BenefitReport.IndicatorRow.class)
@SerdeImport(BenefitReport.Figure.class)
final class SerdeImports {
    private SerdeImports() {}
}
