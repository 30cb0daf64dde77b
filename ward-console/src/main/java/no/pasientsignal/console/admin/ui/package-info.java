/**
 * The administrator's views. Every form is bound with a Binder; the server judges what only it can, and a refused save
 * shows the server's sentence next to the form and leaves every field as the user typed it.
 */
package no.pasientsignal.console.admin.ui;
