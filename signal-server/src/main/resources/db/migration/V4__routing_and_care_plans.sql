-- Routing (shifts, roster, escalation) per site and care plans (passive rules, legal bases) per
-- resident: what the alarm engine routes and evaluates by, kept here so it survives a restart and
-- administrators can change it without one.
--
-- Portable between PostgreSQL 15 and H2 2.x like V1-V3: standard types, unquoted lower-case
-- names, named constraints. Lists keep their order in a position column (the roster's order is
-- the order recipients are listed in). The stores replace a site's routing or a resident's plan
-- as a whole, in one transaction.

-- Shift times are local to the site's zone, so the night shift stays 22:00-07:00 across
-- daylight-saving changes. The response centre is the delivery channel id of the municipality's
-- response centre (responssenter), null when the site has none.
ALTER TABLE site ADD COLUMN time_zone VARCHAR(64) DEFAULT 'Europe/Oslo' NOT NULL;
ALTER TABLE site ADD COLUMN response_centre VARCHAR(128);
ALTER TABLE site ADD CONSTRAINT site_time_zone_not_blank CHECK (TRIM(time_zone) <> '');

-- A site has routing saved once it has shifts (a saved shift plan is never empty).
CREATE TABLE site_shift (
    site_id     VARCHAR(36) NOT NULL,
    name        VARCHAR(40) NOT NULL,
    position    INTEGER     NOT NULL,
    starts_at   TIME        NOT NULL,
    ends_at     TIME        NOT NULL,
    CONSTRAINT site_shift_pk PRIMARY KEY (site_id, name),
    CONSTRAINT site_shift_site_fk FOREIGN KEY (site_id) REFERENCES site (id),
    CONSTRAINT site_shift_position_unique UNIQUE (site_id, position),
    CONSTRAINT site_shift_name_not_blank CHECK (TRIM(name) <> ''),
    CONSTRAINT site_shift_not_empty CHECK (starts_at <> ends_at)
);

-- One staff member's duty in one shift: a ward, the zones covered there, primary carer or not,
-- shift lead or not.
CREATE TABLE roster_assignment (
    site_id       VARCHAR(36) NOT NULL,
    position      INTEGER     NOT NULL,
    shift_name    VARCHAR(40) NOT NULL,
    username      VARCHAR(64) NOT NULL,
    ward_id       VARCHAR(36) NOT NULL,
    primary_carer BOOLEAN     NOT NULL,
    shift_lead    BOOLEAN     NOT NULL,
    CONSTRAINT roster_assignment_pk PRIMARY KEY (site_id, position),
    CONSTRAINT roster_assignment_shift_fk FOREIGN KEY (site_id, shift_name) REFERENCES site_shift (site_id, name),
    CONSTRAINT roster_assignment_staff_fk FOREIGN KEY (username) REFERENCES staff (username),
    CONSTRAINT roster_assignment_ward_fk FOREIGN KEY (ward_id) REFERENCES ward (id),
    CONSTRAINT roster_assignment_once UNIQUE (site_id, shift_name, username, ward_id)
);
CREATE INDEX roster_assignment_username_idx ON roster_assignment (username);
CREATE INDEX roster_assignment_ward_id_idx ON roster_assignment (ward_id);

CREATE TABLE roster_assignment_zone (
    site_id     VARCHAR(36) NOT NULL,
    position    INTEGER     NOT NULL,
    zone_id     VARCHAR(36) NOT NULL,
    CONSTRAINT roster_assignment_zone_pk PRIMARY KEY (site_id, position, zone_id),
    CONSTRAINT roster_assignment_zone_assignment_fk
        FOREIGN KEY (site_id, position) REFERENCES roster_assignment (site_id, position),
    CONSTRAINT roster_assignment_zone_zone_fk FOREIGN KEY (zone_id) REFERENCES zone (id)
);
CREATE INDEX roster_assignment_zone_zone_id_idx ON roster_assignment_zone (zone_id);

-- Zones that act as one in a shift (typically at night). The key makes a zone part of at most
-- one group per shift.
CREATE TABLE zone_merge (
    site_id     VARCHAR(36) NOT NULL,
    shift_name  VARCHAR(40) NOT NULL,
    group_no    INTEGER     NOT NULL,
    zone_id     VARCHAR(36) NOT NULL,
    CONSTRAINT zone_merge_pk PRIMARY KEY (site_id, shift_name, zone_id),
    CONSTRAINT zone_merge_shift_fk FOREIGN KEY (site_id, shift_name) REFERENCES site_shift (site_id, name),
    CONSTRAINT zone_merge_zone_fk FOREIGN KEY (zone_id) REFERENCES zone (id)
);
CREATE INDEX zone_merge_zone_id_idx ON zone_merge (zone_id);

-- Staff absent today (sick, called away): skipped by routing until marked present again.
CREATE TABLE staff_absence (
    site_id     VARCHAR(36) NOT NULL,
    username    VARCHAR(64) NOT NULL,
    CONSTRAINT staff_absence_pk PRIMARY KEY (site_id, username),
    CONSTRAINT staff_absence_site_fk FOREIGN KEY (site_id) REFERENCES site (id),
    CONSTRAINT staff_absence_staff_fk FOREIGN KEY (username) REFERENCES staff (username)
);
CREATE INDEX staff_absence_username_idx ON staff_absence (username);

-- Escalation chains: per site and priority, steps in time order, each adding tiers of recipients
-- a number of seconds after the alarm first went out.
CREATE TABLE escalation_step (
    site_id        VARCHAR(36) NOT NULL,
    priority       VARCHAR(16) NOT NULL,
    position       INTEGER     NOT NULL,
    offset_seconds INTEGER     NOT NULL,
    CONSTRAINT escalation_step_pk PRIMARY KEY (site_id, priority, position),
    CONSTRAINT escalation_step_site_fk FOREIGN KEY (site_id) REFERENCES site (id),
    CONSTRAINT escalation_step_priority_known CHECK (priority IN ('EMERGENCY', 'HIGH', 'NORMAL', 'LOW')),
    CONSTRAINT escalation_step_offset_not_negative CHECK (offset_seconds >= 0)
);

CREATE TABLE escalation_step_tier (
    site_id     VARCHAR(36) NOT NULL,
    priority    VARCHAR(16) NOT NULL,
    position    INTEGER     NOT NULL,
    tier        VARCHAR(16) NOT NULL,
    CONSTRAINT escalation_step_tier_pk PRIMARY KEY (site_id, priority, position, tier),
    CONSTRAINT escalation_step_tier_step_fk
        FOREIGN KEY (site_id, priority, position) REFERENCES escalation_step (site_id, priority, position),
    CONSTRAINT escalation_step_tier_known
        CHECK (tier IN ('PRIMARY', 'ZONE_TEAM', 'WARD', 'SHIFT_LEAD', 'RESPONSE_CENTRE'))
);

-- A resident's care plan. The row stays once a plan was first saved (its rules may later be
-- emptied), so "never had a care plan" can be told from "rules turned off".
CREATE TABLE care_plan (
    resident_id VARCHAR(36) NOT NULL,
    CONSTRAINT care_plan_pk PRIMARY KEY (resident_id),
    CONSTRAINT care_plan_resident_fk FOREIGN KEY (resident_id) REFERENCES resident (id)
);

-- A passive rule: what to watch for, inside which local-time window (from = to means all day),
-- and for timed kinds how long.
CREATE TABLE care_plan_rule (
    resident_id       VARCHAR(36) NOT NULL,
    position          INTEGER     NOT NULL,
    kind              VARCHAR(32) NOT NULL,
    window_from       TIME        NOT NULL,
    window_to         TIME        NOT NULL,
    threshold_seconds INTEGER,
    CONSTRAINT care_plan_rule_pk PRIMARY KEY (resident_id, position),
    CONSTRAINT care_plan_rule_plan_fk FOREIGN KEY (resident_id) REFERENCES care_plan (resident_id),
    CONSTRAINT care_plan_rule_kind_known CHECK (kind IN ('BED_EXIT', 'OUT_OF_BED_TOO_LONG', 'DOOR_OPENED',
        'INACTIVITY', 'FALL', 'INCONTINENCE', 'EPILEPSY')),
    CONSTRAINT care_plan_rule_threshold_positive CHECK (threshold_seconds IS NULL OR threshold_seconds > 0)
);

-- Why the resident may be watched: their consent, or a formal decision (with its case number in
-- reference). Rules run only while one is valid.
CREATE TABLE care_plan_basis (
    resident_id VARCHAR(36)  NOT NULL,
    position    INTEGER      NOT NULL,
    kind        VARCHAR(16)  NOT NULL,
    recorded_by VARCHAR(64)  NOT NULL,
    valid_from  TIMESTAMP WITH TIME ZONE NOT NULL,
    valid_until TIMESTAMP WITH TIME ZONE,
    reference   VARCHAR(200),
    CONSTRAINT care_plan_basis_pk PRIMARY KEY (resident_id, position),
    CONSTRAINT care_plan_basis_plan_fk FOREIGN KEY (resident_id) REFERENCES care_plan (resident_id),
    CONSTRAINT care_plan_basis_recorded_by_fk FOREIGN KEY (recorded_by) REFERENCES staff (username),
    CONSTRAINT care_plan_basis_kind_known CHECK (kind IN ('CONSENT', 'DECISION')),
    CONSTRAINT care_plan_basis_ends_after_start CHECK (valid_until IS NULL OR valid_until > valid_from)
);
CREATE INDEX care_plan_basis_recorded_by_idx ON care_plan_basis (recorded_by);
