package no.pasientsignal.server.coap;

import java.security.Principal;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.List;
import no.pasientsignal.certs.CertsOnly;
import no.pasientsignal.certs.SiteCa;
import no.pasientsignal.protocol.DeviceProtocol;
import no.pasientsignal.server.provisioning.EnrolmentResult;
import no.pasientsignal.server.provisioning.EnrolmentService;
import org.eclipse.californium.core.CoapResource;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.MediaTypeRegistry;
import org.eclipse.californium.core.coap.Response;
import org.eclipse.californium.core.server.resources.CoapExchange;
import org.eclipse.californium.elements.auth.PreSharedKeyIdentity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * EST-coaps (RFC 9148) under {@code /.well-known/est}: {@code crts} (the site CA certificate) and
 * {@code sen} (simple enrolment: PKCS#10 in, certificate out). Enrolment sessions are DTLS-PSK
 * sessions opened with a one-time enrolment credential; see docs/protocol.md.
 */
final class EstResource extends CoapResource {

    private static final Logger LOG = LoggerFactory.getLogger(EstResource.class);

    /** Accept values both resources answer with: certs-only (281) and pkix-cert (287). */
    private static final String ACCEPTED =
            "application/pkix-cert (287) or application/pkcs7-mime;" + " smime-type=certs-only (281)";

    EstResource(EnrolmentService enrolment) {
        super("est");
        add(new CaCertificates(enrolment));
        add(new SimpleEnrol(enrolment));
    }

    /** {@code GET crts}: the site CA, certs-only (281) by default or pkix-cert (287) on request. */
    static final class CaCertificates extends CoapResource {
        private final EnrolmentService enrolment;

        CaCertificates(EnrolmentService enrolment) {
            super(DeviceProtocol.EST_CA_CERTIFICATES);
            this.enrolment = enrolment;
            getAttributes().setTitle("EST CA certificates");
            getAttributes().addResourceType("ace.est.crts");
            getAttributes().addContentType(DeviceProtocol.CONTENT_FORMAT_PKCS7_CERTS_ONLY);
            getAttributes().addContentType(DeviceProtocol.CONTENT_FORMAT_PKIX_CERT);
        }

        @Override
        public void handleGET(CoapExchange exchange) {
            int accept = exchange.getRequestOptions().getAccept();
            if (accept == MediaTypeRegistry.UNDEFINED) {
                accept = DeviceProtocol.CONTENT_FORMAT_PKCS7_CERTS_ONLY;
            }
            if (!answerable(accept)) {
                DeviceResource.refuse(exchange, ResponseCode.NOT_ACCEPTABLE, "can answer " + ACCEPTED);
                return;
            }
            respond(exchange, ResponseCode.CONTENT, enrolment.caCertificate(), accept);
        }
    }

    /** {@code POST sen}: only in an enrolment (PSK) session; the certificate names that credential's device. */
    static final class SimpleEnrol extends CoapResource {
        private final EnrolmentService enrolment;

        SimpleEnrol(EnrolmentService enrolment) {
            super(DeviceProtocol.EST_SIMPLE_ENROL);
            this.enrolment = enrolment;
            getAttributes().setTitle("EST simple enrolment");
            getAttributes().addResourceType("ace.est.sen");
            getAttributes().addContentType(DeviceProtocol.CONTENT_FORMAT_PKCS10);
        }

        @Override
        public void handlePOST(CoapExchange exchange) {
            Principal peer = exchange.advanced().getRequest().getSourceContext().getPeerIdentity();
            if (!(peer instanceof PreSharedKeyIdentity psk)) {
                DeviceResource.refuse(
                        exchange,
                        ResponseCode.FORBIDDEN,
                        "simple enrolment needs an enrolment session (DTLS-PSK with a one-time credential);"
                                + " this session is authenticated with a certificate");
                return;
            }
            if (exchange.getRequestOptions().getContentFormat() != DeviceProtocol.CONTENT_FORMAT_PKCS10) {
                DeviceResource.refuse(
                        exchange, ResponseCode.UNSUPPORTED_CONTENT_FORMAT, "expected application/pkcs10 (286)");
                return;
            }
            int accept = exchange.getRequestOptions().getAccept();
            if (accept == MediaTypeRegistry.UNDEFINED) {
                accept = DeviceProtocol.CONTENT_FORMAT_PKIX_CERT;
            }
            if (!answerable(accept)) {
                DeviceResource.refuse(exchange, ResponseCode.NOT_ACCEPTABLE, "can answer " + ACCEPTED);
                return;
            }
            byte[] csr = exchange.getRequestPayload();
            if (csr.length > SiteCa.MAX_CSR_BYTES) {
                var tooLarge = new Response(ResponseCode.REQUEST_ENTITY_TOO_LARGE);
                tooLarge.getOptions().setSize1(SiteCa.MAX_CSR_BYTES);
                tooLarge.getOptions().setContentFormat(MediaTypeRegistry.TEXT_PLAIN);
                tooLarge.setPayload("certificate request over " + SiteCa.MAX_CSR_BYTES + " bytes");
                exchange.respond(tooLarge);
                return;
            }
            EnrolmentResult result = enrolment.enrol(psk.getIdentity(), csr);
            switch (result) {
                case EnrolmentResult.Enrolled enrolled ->
                    // 2.04 Changed: the CoAP answer to a successful EST POST (RFC 9148).
                    respond(exchange, ResponseCode.CHANGED, enrolled.certificate(), accept);
                case EnrolmentResult.BadRequest bad ->
                    DeviceResource.refuse(exchange, ResponseCode.BAD_REQUEST, bad.reason());
                case EnrolmentResult.CredentialRefused refused ->
                    DeviceResource.refuse(exchange, ResponseCode.FORBIDDEN, refused.reason());
                case EnrolmentResult.DeviceRefused refused ->
                    DeviceResource.refuse(exchange, ResponseCode.FORBIDDEN, refused.reason());
            }
        }
    }

    private static boolean answerable(int accept) {
        return accept == DeviceProtocol.CONTENT_FORMAT_PKIX_CERT
                || accept == DeviceProtocol.CONTENT_FORMAT_PKCS7_CERTS_ONLY;
    }

    private static void respond(CoapExchange exchange, ResponseCode code, X509Certificate certificate, int format) {
        byte[] payload;
        try {
            payload = format == DeviceProtocol.CONTENT_FORMAT_PKIX_CERT
                    ? certificate.getEncoded()
                    : CertsOnly.encode(List.of(certificate));
        } catch (CertificateEncodingException e) {
            LOG.error("Cannot encode certificate {}", certificate.getSerialNumber(), e);
            exchange.respond(ResponseCode.INTERNAL_SERVER_ERROR);
            return;
        }
        exchange.respond(code, payload, format);
    }
}
