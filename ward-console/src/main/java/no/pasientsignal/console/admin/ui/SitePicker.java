package no.pasientsignal.console.admin.ui;

import com.vaadin.flow.component.select.Select;
import java.util.List;
import java.util.function.Consumer;
import no.pasientsignal.console.admin.service.AdminService;
import no.pasientsignal.console.client.AdminClient.Site;
import no.pasientsignal.console.client.SignalServerException;

/** Which site's routing the view shows; routing (shifts, roster, escalation) is set per site. */
final class SitePicker extends Select<Site> {

    SitePicker(String id) {
        setId(id);
        setItemLabelGenerator(Site::name);
        addClassName("admin-site");
    }

    /**
     * Loads the sites and picks the first (or keeps the one picked); {@code onChange} runs for every pick by the user.
     *
     * @throws SignalServerException when the sites cannot be read
     */
    void load(AdminService admin, Consumer<Site> onChange) {
        List<Site> sites = admin.call((c, t) -> c.sites(t));
        setItems(sites);
        addValueChangeListener(e -> {
            if (e.getValue() != null) {
                onChange.accept(e.getValue());
            }
        });
        if (!sites.isEmpty()) {
            setValue(sites.getFirst());
        }
    }

    void updateTexts() {
        setLabel(getTranslation("admin.site"));
    }
}
