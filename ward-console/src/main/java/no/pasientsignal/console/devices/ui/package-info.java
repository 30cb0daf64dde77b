/**
 * The technicians' views: {@link no.pasientsignal.console.devices.ui.DevicesView} (inventory, register, enrol, replace,
 * decommission) and {@link no.pasientsignal.console.devices.ui.ProtectionGapsView}.
 */
package no.pasientsignal.console.devices.ui;
