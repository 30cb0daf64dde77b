-- Enrolment: the one-time credentials a technician hands to a device so it can obtain its
-- certificate (EST-coaps over DTLS-PSK), and the certificates issued that way, so that they can be
-- revoked when a device is replaced or decommissioned.
--
-- Portable between PostgreSQL 15 and H2 2.x like V1: standard types, named constraints, no vendor
-- functions. Times are TIMESTAMP WITH TIME ZONE written by the server from its clock.

-- The secret is stored as is, not hashed: DTLS-PSK derives the session keys from the shared key
-- on both ends, so the server must have the key itself. What limits the exposure instead: 256
-- random bits, a short lifetime, single use (spent_at), voided when a new one is issued.
CREATE TABLE enrolment_credential (
    identity    VARCHAR(64)  NOT NULL,
    device_id   VARCHAR(128) NOT NULL,
    secret      VARCHAR(64)  NOT NULL,
    issued_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    spent_at    TIMESTAMP WITH TIME ZONE,
    voided_at   TIMESTAMP WITH TIME ZONE,
    issued_by   VARCHAR(64),
    CONSTRAINT enrolment_credential_pk PRIMARY KEY (identity),
    CONSTRAINT enrolment_credential_device_fk FOREIGN KEY (device_id) REFERENCES device (device_id),
    CONSTRAINT enrolment_credential_issued_by_fk FOREIGN KEY (issued_by) REFERENCES staff (username),
    CONSTRAINT enrolment_credential_expires_after_issue CHECK (expires_at > issued_at),
    CONSTRAINT enrolment_credential_identity_not_blank CHECK (TRIM(identity) <> ''),
    -- 32 bytes as 64 lower-case hex digits
    CONSTRAINT enrolment_credential_secret_length CHECK (LENGTH(secret) = 64)
);
CREATE INDEX enrolment_credential_device_id_idx ON enrolment_credential (device_id);

-- Every certificate the server issued to a device. Serial numbers are lower-case hex; a revoked
-- certificate is refused at the DTLS handshake (the server keeps the revoked serials in memory).
CREATE TABLE device_certificate (
    serial      VARCHAR(64)  NOT NULL,
    device_id   VARCHAR(128) NOT NULL,
    issued_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    not_after   TIMESTAMP WITH TIME ZONE NOT NULL,
    revoked_at  TIMESTAMP WITH TIME ZONE,
    reason      VARCHAR(16),
    CONSTRAINT device_certificate_pk PRIMARY KEY (serial),
    CONSTRAINT device_certificate_device_fk FOREIGN KEY (device_id) REFERENCES device (device_id),
    CONSTRAINT device_certificate_reason_known
        CHECK (reason IS NULL OR reason IN ('DECOMMISSIONED', 'REPLACED', 'SUPERSEDED')),
    CONSTRAINT device_certificate_revoked_with_reason
        CHECK ((revoked_at IS NULL AND reason IS NULL) OR (revoked_at IS NOT NULL AND reason IS NOT NULL)),
    CONSTRAINT device_certificate_serial_not_blank CHECK (TRIM(serial) <> '')
);
CREATE INDEX device_certificate_device_id_idx ON device_certificate (device_id);
