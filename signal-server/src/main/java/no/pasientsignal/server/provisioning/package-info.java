/**
 * Devices as technical things: which devices the site expects to hear from and whether they are
 * healthy. {@link no.pasientsignal.server.provisioning.DeviceHealth} tracks each device's last
 * heartbeat (or event), battery, signal, firmware and tamper switch, and raises {@link
 * no.pasientsignal.server.provisioning.TechnicalAlert}s (device silent, battery low, tamper) kept
 * apart from care calls. Enrolment (EST-coaps) will live here too. Framework-free apart from the
 * settings record and the thin scheduling bean; no transport types.
 */
package no.pasientsignal.server.provisioning;
