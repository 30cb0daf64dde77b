/**
 * What every signed-in view shares: the frame around it ({@link no.pasientsignal.console.shell.MainLayout} with the
 * menu of the views the user's roles allow, language choice and log-out), the role rules views declare
 * ({@link no.pasientsignal.console.shell.AllowedRoles}, {@link no.pasientsignal.console.shell.MenuEntry}), and how
 * server errors are told to staff ({@link no.pasientsignal.console.shell.ServerErrors}): one plain sentence, never a
 * stack trace.
 */
package no.pasientsignal.console.shell;
