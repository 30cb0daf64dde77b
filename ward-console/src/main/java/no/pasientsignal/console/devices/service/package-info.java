/**
 * Device inventory and protection logic without Vaadin components: a device's health summed up in one state ({@link
 * no.pasientsignal.console.devices.service.HealthState}), the inventory and the protection gaps as the views show them
 * ({@link no.pasientsignal.console.devices.service.DevicesService}).
 */
package no.pasientsignal.console.devices.service;
