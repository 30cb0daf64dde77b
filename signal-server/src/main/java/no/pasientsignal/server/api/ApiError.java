package no.pasientsignal.server.api;

import io.micronaut.serde.annotation.Serdeable;

/** An error body: one plain sentence a client can show to staff. */
@Serdeable
public record ApiError(String message) {}
