package no.pasientsignal.console.shell;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import jakarta.servlet.http.HttpServletResponse;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import no.pasientsignal.console.client.SignalServerException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Shown when opening a view failed: a sentence and a way back, never a stack trace (that goes to the log). */
public final class InternalErrorView extends Div implements HasErrorParameter<Exception> {

    private static final Logger LOG = LoggerFactory.getLogger(InternalErrorView.class);

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<Exception> parameter) {
        addClassName("error-view");
        Exception error = parameter.getCaughtException();
        String sentence;
        int status;
        if (error instanceof SignalServerException server) {
            LOG.warn("Opening {} failed: {}", event.getLocation().getPath(), server.getMessage());
            sentence = ServerErrors.sentence(this, server);
            status = HttpServletResponse.SC_SERVICE_UNAVAILABLE;
        } else {
            String incident = HexFormat.of()
                    .toHexDigits(ThreadLocalRandom.current().nextInt())
                    .substring(0, 6);
            LOG.error("Opening {} failed (incident {})", event.getLocation().getPath(), incident, error);
            sentence = getTranslation("error.internal", incident);
            status = HttpServletResponse.SC_INTERNAL_SERVER_ERROR;
        }
        Paragraph text = new Paragraph(sentence);
        text.setId("error-sentence");
        add(new H1(getTranslation("error.heading")), text, new Anchor("", getTranslation("error.home")));
        return status;
    }
}
