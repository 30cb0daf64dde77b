/**
 * End-to-end tests: signal-server, ward-console and device-sim started from their packaged jars
 * as separate processes, exactly as README's run command starts them, and the console driven in
 * headless Chromium (Debian's chromium and chromium-driver).
 */
package no.pasientsignal.e2e;
