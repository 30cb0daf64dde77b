/**
 * The technicians' views: the device inventory with health, registering, enrolling, replacing and decommissioning a
 * device, and the residents whose protection is incomplete now. {@code service/} holds the logic free of Vaadin
 * components; {@code ui/} shows it. Both talk to the server through {@link
 * no.pasientsignal.console.client.DevicesClient}.
 */
package no.pasientsignal.console.devices;
