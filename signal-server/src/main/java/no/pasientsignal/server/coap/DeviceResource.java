package no.pasientsignal.server.coap;

import java.security.Principal;
import java.util.Optional;
import no.pasientsignal.certs.DeviceIdentity;
import no.pasientsignal.protocol.DeviceProtocol;
import no.pasientsignal.server.facility.Device;
import no.pasientsignal.server.facility.FacilityDirectory;
import org.eclipse.californium.core.CoapResource;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.MediaTypeRegistry;
import org.eclipse.californium.core.coap.Response;
import org.eclipse.californium.core.server.resources.CoapExchange;
import org.eclipse.californium.elements.auth.X509CertPath;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A resource devices POST CBOR to. The checks every such request passes before its payload is
 * decoded live here once: the certificate names a device, the site knows it, the content format is
 * CBOR and the payload is within the limit. Refusals carry a plain-text diagnostic.
 */
abstract class DeviceResource extends CoapResource {

    private static final Logger LOG = LoggerFactory.getLogger(DeviceResource.class);

    private final FacilityDirectory facility;
    private final int maxPayloadBytes;

    DeviceResource(String path, String title, FacilityDirectory facility, int maxPayloadBytes) {
        super(path);
        this.facility = facility;
        this.maxPayloadBytes = maxPayloadBytes;
        getAttributes().setTitle(title);
        getAttributes().addContentType(DeviceProtocol.CONTENT_FORMAT_CBOR);
    }

    /**
     * The registered device that sent this request, with its payload within limits; empty when the
     * request has been refused (and answered) already.
     */
    final Optional<Device> admit(CoapExchange exchange) {
        Optional<String> deviceId =
                deviceId(exchange.advanced().getRequest().getSourceContext().getPeerIdentity());
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
