package no.pasientsignal.console.shell;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.ErrorEvent;
import com.vaadin.flow.server.ErrorHandler;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import no.pasientsignal.console.client.SignalServerException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last resort for an exception a view did not handle: the user gets one sentence (and, for a fault in the console
 * itself, a short id to quote to IT), the log gets the stack trace. Never a stack trace in the browser.
 */
public final class ConsoleErrorHandler implements ErrorHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ConsoleErrorHandler.class);

    @Override
    public void error(ErrorEvent event) {
        Throwable error = event.getThrowable();
        UI ui = UI.getCurrent();
        SignalServerException server = find(error);
        if (server != null) {
            LOG.warn("Unhandled signal-server failure: {}", server.getMessage());
            if (ui != null) {
                ServerErrors.show(ui, server);
            }
            return;
        }
        String incident = HexFormat.of()
                .toHexDigits(ThreadLocalRandom.current().nextInt())
                .substring(0, 6);
        LOG.error("Unhandled error in the console (incident {})", incident, error);
        if (ui != null) {
            ServerErrors.showSentence(ui.getTranslation("error.internal", incident));
        }
    }

    private static SignalServerException find(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof SignalServerException s) {
                return s;
            }
        }
        return null;
    }
}
