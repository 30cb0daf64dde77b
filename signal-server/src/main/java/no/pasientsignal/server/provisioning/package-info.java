/**
 * Devices as technical things: which devices the site expects to hear from and whether they are
 * healthy. {@link no.pasientsignal.server.provisioning.DeviceHealth} tracks each device's last
 * heartbeat (or event), battery, signal, firmware and tamper switch, and raises {@link
 * no.pasientsignal.server.provisioning.TechnicalAlert}s (device silent, battery low, tamper) kept
 * apart from care calls. {@link no.pasientsignal.server.provisioning.EnrolmentService} brings
 * devices into service (one-time enrolment credentials, signing their certificate requests) and
 * takes them out (replace, decommission), with {@link no.pasientsignal.server.provisioning.Revocations}
 * answering at the handshake which certificates are refused. Framework-free apart from the
 * settings records and the thin bean factories; no transport types.
 */
package no.pasientsignal.server.provisioning;
