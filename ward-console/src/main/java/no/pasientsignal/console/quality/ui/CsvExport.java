package no.pasientsignal.console.quality.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.server.StreamResource;
import java.io.ByteArrayInputStream;
import java.util.function.Consumer;
import java.util.function.Supplier;
import no.pasientsignal.console.client.SignalServerException;

/**
 * CSV export in two steps: the button asks the server for the file now (so a refusal or a 503 is shown as a sentence
 * next to the form, like any other failure), then a download link offers the file it got. The file is the server's
 * own CSV of exactly what is on the screen. A new search or report hides the link again ({@link #reset()}).
 */
final class CsvExport extends Div {

    private final Button prepare = new Button();
    private final Anchor download = new Anchor();
    private final String fileName;
    private final Supplier<byte[]> fetch;
    private final Consumer<SignalServerException> onError;

    /**
     * @param idPrefix ids {@code <prefix>-csv} (the button) and {@code <prefix>-csv-download} (the link)
     * @param fetch asks the server for the CSV; runs on the click
     * @param onError shows the sentence for a failure
     */
    CsvExport(String idPrefix, String fileName, Supplier<byte[]> fetch, Consumer<SignalServerException> onError) {
        this.fileName = fileName;
        this.fetch = fetch;
        this.onError = onError;
        addClassName("quality-csv");
        prepare.setId(idPrefix + "-csv");
        prepare.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        prepare.addClickListener(click -> prepare());
        download.setId(idPrefix + "-csv-download");
        download.getElement().setAttribute("download", fileName);
        download.addClassName("quality-csv-download");
        download.setVisible(false);
        add(prepare, download);
        updateTexts();
    }

    @SuppressWarnings("removal") // StreamResource: the one download form Karibu can fetch in tests
    private void prepare() {
        byte[] csv;
        try {
            csv = fetch.get();
        } catch (SignalServerException e) {
            onError.accept(e);
            reset();
            return;
        }
        download.setHref(new StreamResource(fileName, () -> new ByteArrayInputStream(csv)));
        download.setText(getTranslation("quality.csv.download", fileName));
        download.setVisible(true);
    }

    /** Hides the link: what it offered no longer matches the screen. */
    void reset() {
        download.setVisible(false);
        download.removeHref();
    }

    void setEnabledToExport(boolean enabled) {
        prepare.setEnabled(enabled);
        if (!enabled) {
            reset();
        }
    }

    void updateTexts() {
        prepare.setText(getTranslation("quality.csv.prepare"));
        prepare.getElement().setAttribute("title", getTranslation("quality.csv.prepare.hint"));
        if (download.isVisible()) {
            download.setText(getTranslation("quality.csv.download", fileName));
        }
    }

    Component button() {
        return prepare;
    }
}
