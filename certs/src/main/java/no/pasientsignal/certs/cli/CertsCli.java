package no.pasientsignal.certs.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import no.pasientsignal.certs.CertificateIssueException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Spec;

/**
 * {@code certs}: manage the PKI of a Pasientsignal site from the command line.
 *
 * <pre>
 * certs init-site  --dir D --site NAME [--dns NAME]... [--ip ADDRESS]...
 * certs new-device --dir D --id ID --out-dir DIR [--days N] [--force]
 * certs sign-csr   --dir D --csr FILE --out FILE [--days N]
 * certs show FILE
 * </pre>
 *
 * Exit codes: 0 success, 1 error in the input (missing file, bad CSR, invalid id; a one-line
 * message on stderr, no stack trace), 2 bad command line (with usage), 70 internal error.
 */
@Command(
        name = "certs",
        mixinStandardHelpOptions = true,
        versionProvider = CertsCli.Version.class,
        description = "Site PKI for Pasientsignal: site CA, server certificate and device certificates.",
        subcommands = {
            InitSiteCommand.class,
            NewDeviceCommand.class,
            SignCsrCommand.class,
            ShowCommand.class,
            CommandLine.HelpCommand.class
        })
public final class CertsCli implements Runnable {

    /** Input error: missing or unreadable file, refused CSR, invalid value. */
    public static final int EXIT_ERROR = 1;

    /** Unexpected failure (a bug); a stack trace is printed. */
    public static final int EXIT_INTERNAL = 70;

    @Spec
    CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The configured command line, for running in-process: {@code commandLine().execute(args)}. */
    public static CommandLine commandLine() {
        return new CommandLine(new CertsCli()).setExecutionExceptionHandler(CertsCli::handle);
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(
                spec.commandLine(),
                "Missing command: choose one of "
                        + String.join(", ", spec.subcommands().keySet()));
    }

    private static int handle(Exception e, CommandLine commandLine, ParseResult parseResult) {
        PrintWriter err = commandLine.getErr();
        if (e instanceof IOException
                || e instanceof CertificateIssueException
                || e instanceof IllegalArgumentException
                || e instanceof UserException) {
            err.println("certs " + commandLine.getCommandName() + ": " + describe(e));
            err.flush();
            return EXIT_ERROR;
        }
        err.println("certs " + commandLine.getCommandName() + ": internal error: " + e);
        e.printStackTrace(err);
        err.flush();
        return EXIT_INTERNAL;
    }

    static String describe(Throwable e) {
        return switch (e) {
            case NoSuchFileException missing when missing.getReason() == null -> "file not found: " + missing.getFile();
            case AccessDeniedException denied
            when denied.getReason() == null -> "permission denied: " + denied.getFile();
            case FileSystemException other
            when other.getReason() == null ->
                other.getFile() + ": " + other.getClass().getSimpleName();
            default -> e.getMessage() != null ? e.getMessage() : e.toString();
        };
    }

    /** An input problem the user can fix; the message is all they see. */
    static final class UserException extends Exception {
        UserException(String message) {
            super(message);
        }
    }

    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = CertsCli.class.getPackage().getImplementationVersion();
            return new String[] {"certs " + (version != null ? version : "(development build)")};
        }
    }
}
