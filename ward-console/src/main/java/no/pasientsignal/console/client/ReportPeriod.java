package no.pasientsignal.console.client;

import java.time.LocalDate;

/** A report period: local dates in the site's time zone, both inclusive. */
public record ReportPeriod(LocalDate from, LocalDate to) {}
