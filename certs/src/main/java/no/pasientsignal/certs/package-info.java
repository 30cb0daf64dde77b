/**
 * The site PKI of a Pasientsignal installation: one self-signed site CA per site, a server
 * certificate for the DTLS/HTTPS endpoints and one client certificate per device (call button,
 * pull cord, room unit), whose subject {@code CN=<deviceId>, OU=device, O=Pasientsignal} is how the
 * server knows which device is talking.
 *
 * <p>All keys are EC P-256 so the server can run {@code TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256}
 * with the plain JDK provider. Bouncy Castle is used only here, for building certificates and
 * CSRs, through a private provider instance; it is never registered with {@link
 * java.security.Security}, and everything returned from this package is a plain JDK {@link
 * java.security.cert.X509Certificate} or key, and every file written loads with the JDK's {@code
 * CertificateFactory} and {@code KeyFactory} (certificates as PEM, private keys as unencrypted
 * PKCS#8 PEM {@code PRIVATE KEY}, mode 600).
 *
 * <p>Entry points: {@link no.pasientsignal.certs.SitePki#bootstrap} (first-run set-up of a site
 * directory for embedded/demo mode), {@link no.pasientsignal.certs.SiteCa} (issuing), {@link
 * no.pasientsignal.certs.Csr} and {@link no.pasientsignal.certs.DeviceCredentials} (the device
 * side), {@link no.pasientsignal.certs.DeviceIdentity} (mapping a verified client certificate to a
 * device id) and {@link no.pasientsignal.certs.Pem} (files). The command-line tool is {@link
 * no.pasientsignal.certs.cli.CertsCli}.
 */
package no.pasientsignal.certs;
