package no.pasientsignal.server.api;

import io.micronaut.serde.annotation.SerdeImport;
import no.pasientsignal.server.persistence.DeviceRecord;
import no.pasientsignal.server.persistence.LocationRecord;
import no.pasientsignal.server.persistence.RoomRecord;
import no.pasientsignal.server.persistence.SiteRecord;
import no.pasientsignal.server.persistence.WardRecord;
import no.pasientsignal.server.persistence.ZoneRecord;

/** The stored records the API returns as JSON, without framework annotations on them. */
@SerdeImport(SiteRecord.class)
@SerdeImport(WardRecord.class)
@SerdeImport(ZoneRecord.class)
@SerdeImport(RoomRecord.class)
@SerdeImport(LocationRecord.class)
@SerdeImport(DeviceRecord.class)
final class SerdeImports {
    private SerdeImports() {}
}
