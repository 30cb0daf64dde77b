package no.pasientsignal.server.coap;

import java.security.Principal;
import java.util.Optional;
import no.pasientsignal.certs.DeviceIdentity;
import no.pasientsignal.protocol.DeviceProtocol;
import no.pasientsignal.server.facility.Device;
import no.pasientsignal.server.facility.FacilityDirectory;
import no.pasientsignal.server.provisioning.Revocations;
import org.eclipse.californium.core.CoapResource;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.MediaTypeRegistry;
import org.eclipse.californium.core.coap.Response;
import org.eclipse.californium.core.server.resources.CoapExchange;
import org.eclipse.californium.elements.auth.PreSharedKeyIdentity;
import org.eclipse.californium.elements.auth.X509CertPath;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A resource devices POST CBOR to. The checks every such request passes before its payload is
 * decoded live here once: the session is authenticated with a device certificate (not an
 * enrolment credential), the certificate is not revoked, it names a device the site knows, the
 * content format is CBOR and the payload is within the limit. Refusals carry a plain-text
 * diagnostic.
 */
abstract class DeviceResource extends CoapResource {

    private static final Logger LOG = LoggerFactory.getLogger(DeviceResource.class);

    private final FacilityDirectory facility;
    private final Revocations revocations;
    private final int maxPayloadBytes;

    DeviceResource(
            String path, String title, FacilityDirectory facility, Revocations revocations, int maxPayloadBytes) {
        super(path);
        this.facility = facility;
        this.revocations = revocations;
        this.maxPayloadBytes = maxPayloadBytes;
        getAttributes().setTitle(title);
        getAttributes().addContentType(DeviceProtocol.CONTENT_FORMAT_CBOR);
    }

    /**
     * The registered device that sent this request, with its payload within limits; empty when the
     * request has been refused (and answered) already.
     */
    final Optional<Device> admit(CoapExchange exchange) {
        Principal peer = exchange.advanced().getRequest().getSourceContext().getPeerIdentity();
        if (peer instanceof PreSharedKeyIdentity) {
            refuse(
                    exchange,
                    ResponseCode.FORBIDDEN,
                    "an enrolment session may only use /" + DeviceProtocol.EST_PATH
                            + "; connect with the device certificate");
            return Optional.empty();
        }
        if (peer instanceof X509CertPath path) {
            // The handshake refuses revoked certificates; this catches a session opened just
            // before the revocation whose drop has not happened yet.
            Optional<String> revoked = revocations.refusal(path.getTarget());
            if (revoked.isPresent()) {
                refuse(exchange, ResponseCode.FORBIDDEN, revoked.get());
                return Optional.empty();
            }
        }
        Optional<String> deviceId = deviceId(peer);
        if (deviceId.isEmpty()) {
            refuse(exchange, ResponseCode.UNAUTHORIZED, "client certificate does not name a device");
            return Optional.empty();
        }
        Optional<Device> device = facility.device(deviceId.get());
        if (device.isEmpty()) {
            LOG.warn("{} from unknown device {} refused", getName(), deviceId.get());
            refuse(exchange, ResponseCode.FORBIDDEN, "unknown device " + deviceId.get());
            return Optional.empty();
        }
        if (exchange.getRequestOptions().getContentFormat() != DeviceProtocol.CONTENT_FORMAT_CBOR) {
            refuse(exchange, ResponseCode.UNSUPPORTED_CONTENT_FORMAT, "expected application/cbor (60)");
            return Optional.empty();
        }
        if (exchange.getRequestPayload().length > maxPayloadBytes) {
            var tooLarge = new Response(ResponseCode.REQUEST_ENTITY_TOO_LARGE);
            // Size1 tells the device the largest payload the server accepts (RFC 7959).
            tooLarge.getOptions().setSize1(maxPayloadBytes);
            tooLarge.getOptions().setContentFormat(MediaTypeRegistry.TEXT_PLAIN);
            tooLarge.setPayload("payload over " + maxPayloadBytes + " bytes");
            exchange.respond(tooLarge);
            return Optional.empty();
        }
        return device;
    }

    static void refuse(CoapExchange exchange, ResponseCode code, String diagnostic) {
        exchange.respond(code, diagnostic, MediaTypeRegistry.TEXT_PLAIN);
    }

    private static Optional<String> deviceId(Principal peer) {
        if (peer instanceof X509CertPath path) {
            return DeviceIdentity.deviceId(path.getTarget());
        }
        return Optional.empty();
    }
}
