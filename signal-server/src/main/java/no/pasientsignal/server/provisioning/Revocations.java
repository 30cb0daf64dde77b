package no.pasientsignal.server.provisioning;

import java.math.BigInteger;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import no.pasientsignal.certs.DeviceIdentity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The certificates the server refuses although the site CA signed them: revoked serials, and every
 * certificate of a device taken out of service for good. In memory, loaded from the database at
 * startup, so the DTLS handshake asks a hash set and never waits for a query. Thread-safe.
 */
public final class Revocations {

    private static final Logger LOG = LoggerFactory.getLogger(Revocations.class);

    private final Set<String> serials = ConcurrentHashMap.newKeySet();
    private final Set<String> retiredDevices = ConcurrentHashMap.newKeySet();
    private final List<RevocationListener> listeners = new CopyOnWriteArrayList<>();

    public Revocations() {}

    /** The revocations in force at {@code now} (expired certificates are refused anyway). */
    public static Revocations load(EnrolmentRepository repository, Instant now) {
        var revocations = new Revocations();
        revocations.serials.addAll(repository.revokedSerials(now));
        revocations.retiredDevices.addAll(repository.retiredDevices());
        LOG.info(
                "Loaded {} revoked certificate(s) and {} retired device(s)",
                revocations.serials.size(),
                revocations.retiredDevices.size());
        return revocations;
    }

    /** How serial numbers are written here and in the database: lower-case hex. */
    public static String serial(BigInteger serial) {
        return serial.toString(16);
    }

    public boolean isRevoked(BigInteger serial) {
        return serials.contains(serial(serial));
    }

    public boolean isRetired(String deviceId) {
        return retiredDevices.contains(deviceId);
    }

    /** Why a certificate the site CA signed is refused; empty when it is not. */
    public Optional<String> refusal(X509Certificate certificate) {
        Objects.requireNonNull(certificate, "certificate");
        if (isRevoked(certificate.getSerialNumber())) {
            return Optional.of("certificate " + serial(certificate.getSerialNumber()) + " is revoked");
        }
        return DeviceIdentity.deviceId(certificate)
                .filter(this::isRetired)
                .map(deviceId -> "device " + deviceId + " is out of service");
    }

    /** Puts a revocation in force at once, then tells the listeners. */
    public void revoke(String deviceId, Collection<String> revokedSerials, boolean retireDevice) {
        var revocation = new Revocation(deviceId, Set.copyOf(revokedSerials), retireDevice);
        serials.addAll(revocation.serials());
        if (retireDevice) {
            retiredDevices.add(deviceId);
        }
        for (RevocationListener listener : listeners) {
            try {
                listener.revoked(revocation);
            } catch (RuntimeException e) {
                LOG.warn("Revocation listener {} failed for device {}", listener, deviceId, e);
            }
        }
    }

    /** Registers a listener; close the returned handle to stop it. */
    public AutoCloseable subscribe(RevocationListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
        return () -> listeners.remove(listener);
    }
}
