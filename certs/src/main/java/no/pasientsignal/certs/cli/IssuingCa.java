package no.pasientsignal.certs.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import no.pasientsignal.certs.SiteCa;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** Options shared by the commands that issue device certificates: which CA, and for how long. */
final class IssuingCa {

    private static final int MAX_DAYS = 36_500;

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(
            names = "--dir",
            required = true,
            paramLabel = "DIR",
            description = "Site directory with ca.pem and ca-key.pem.")
    Path dir;

    @Option(
            names = "--days",
            paramLabel = "N",
            defaultValue = "730",
            description = "Validity in days (default: ${DEFAULT-VALUE}).")
    int days;

    SiteCa load() throws IOException {
        return SiteCa.load(dir);
    }

    Duration validity() {
        if (days < 1 || days > MAX_DAYS) {
            throw new ParameterException(
                    spec.commandLine(), "--days must be between 1 and " + MAX_DAYS + ", got " + days);
        }
        return Duration.ofDays(days);
    }
}
