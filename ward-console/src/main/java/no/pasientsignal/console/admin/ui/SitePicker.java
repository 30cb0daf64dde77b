package no.pasientsignal.console.admin.ui;

import com.vaadin.flow.component.select.Select;
import java.util.List;
import java.util.function.Consumer;
import no.pasientsignal.console.admin.service.AdminService;
import no.pasientsignal.console.client.AdminClient.Site;
import no.pasientsignal.console.client.SignalServerException;

/** Which site's routing the view shows; routing (shifts, roster, escalation) is set per site. */
final class SitePicker extends Select<Site> {

    private final transient Consumer<Site> onPick;

    /** {@code onPick} runs whenever a site is picked, by the user or by {@link #load}. */
    SitePicker(String id, Consumer<Site> onPick) {
        this.onPick = onPick;
        setId(id);
        setItemLabelGenerator(Site::name);
        addClassName("admin-site");
        addValueChangeListener(e -> {
            if (e.getValue() != null) {
                onPick.accept(e.getValue());
            }
        });
    }

    /**
     * Reads the sites and shows the one picked before (or the first); either way its routing is read again.
     *
     * @throws SignalServerException when the sites cannot be read
     */
    void load(AdminService admin) {
        Site before = getValue();
        List<Site> sites = admin.call((c, t) -> c.sites(t));
        setItems(sites);
        Site pick = before != null && sites.contains(before) ? before : sites.isEmpty() ? null : sites.getFirst();
        if (pick == null) {
            return;
        }
        if (pick.equals(getValue())) {
            onPick.accept(pick);
        } else {
            setValue(pick);
        }
    }

    void updateTexts() {
        setLabel(getTranslation("admin.site"));
    }
}
