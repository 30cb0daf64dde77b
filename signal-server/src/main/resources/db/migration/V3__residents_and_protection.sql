-- Residents as the protection view needs them, and what devices last reported.
--
-- Portable between PostgreSQL 15 and H2 2.x like V1: standard types, unquoted lower-case names,
-- named constraints, plain ALTER TABLE ... ADD COLUMN / ADD CONSTRAINT.

-- The resident's id stays the pseudonym (a UUID the server generates, never a name); the display
-- name is only shown to staff with access. A resident who moved out keeps their row (history and
-- audit refer to the pseudonym) but is no longer protected or listed by default.
ALTER TABLE resident ADD COLUMN responsible_nurse VARCHAR(64);
ALTER TABLE resident ADD COLUMN moved_out BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE resident ADD CONSTRAINT resident_responsible_nurse_fk
    FOREIGN KEY (responsible_nurse) REFERENCES staff (username);
CREATE INDEX resident_responsible_nurse_idx ON resident (responsible_nurse);

-- A care need: the resident's safety relies on a device of this type at a location of this kind
-- in their room (a bed sensor at the bed, a call button in the bathroom, a door sensor at the
-- door). Device types are not checked here, as in the device table: a type this server version
-- does not know yet is kept, not lost.
CREATE TABLE resident_need (
    resident_id   VARCHAR(36) NOT NULL,
    device_type   VARCHAR(32) NOT NULL,
    location_kind VARCHAR(16) NOT NULL,
    CONSTRAINT resident_need_pk PRIMARY KEY (resident_id, device_type, location_kind),
    CONSTRAINT resident_need_resident_fk FOREIGN KEY (resident_id) REFERENCES resident (id),
    CONSTRAINT resident_need_location_kind_known
        CHECK (location_kind IN ('BED', 'BATHROOM', 'DOOR', 'CORRIDOR')),
    CONSTRAINT resident_need_device_type_not_blank CHECK (TRIM(device_type) <> '')
);
-- The primary key (resident_id, ...) already serves lookups by resident.

-- Received signal strength from the last heartbeat that reported one (dBm, negative). Written
-- behind the device's request path with last_seen, battery_percent and firmware.
ALTER TABLE device ADD COLUMN rssi_dbm INTEGER;
ALTER TABLE device ADD CONSTRAINT device_rssi_dbm_negative CHECK (rssi_dbm IS NULL OR rssi_dbm < 0);
