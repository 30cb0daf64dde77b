/**
 * The {@code certs} command-line tool for site administrators: {@code init-site}, {@code
 * new-device}, {@code sign-csr} and {@code show}. Run it as {@code java -jar certs.jar} (with
 * {@code lib/} next to the jar) or through {@link no.pasientsignal.certs.cli.CertsCli#main}.
 */
package no.pasientsignal.certs.cli;
