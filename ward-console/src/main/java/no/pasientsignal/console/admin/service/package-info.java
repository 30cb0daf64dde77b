/** The administrator's calls to the signal server with the logged-in user's token, and form-value conversions. */
package no.pasientsignal.console.admin.service;
