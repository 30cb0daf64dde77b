/**
 * The console's texts: Norwegian (bokmål) by default, English for browsers that ask for it. Texts live in {@code
 * messages.properties} (bokmål) and {@code messages_en.properties}; {@link
 * no.pasientsignal.console.i18n.ConsoleI18NProvider} serves them to Vaadin.
 */
package no.pasientsignal.console.i18n;
