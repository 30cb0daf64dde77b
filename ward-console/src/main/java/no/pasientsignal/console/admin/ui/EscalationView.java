package no.pasientsignal.console.admin.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.i18n.LocaleChangeEvent;
import com.vaadin.flow.i18n.LocaleChangeObserver;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import no.pasientsignal.console.admin.service.AdminService;
import no.pasientsignal.console.admin.service.AdminValues;
import no.pasientsignal.console.client.AdminClient.Chain;
import no.pasientsignal.console.client.AdminClient.Escalation;
import no.pasientsignal.console.client.AdminClient.Site;
import no.pasientsignal.console.client.AdminClient.Step;
import no.pasientsignal.console.client.SignalServerException;
import no.pasientsignal.console.login.service.StaffRole;
import no.pasientsignal.console.shell.AllowedRoles;
import no.pasientsignal.console.shell.MainLayout;
import no.pasientsignal.console.shell.MenuEntry;

/**
 * A site's escalation chains: for each priority the steps of who is called, and how many seconds after the alarm went
 * out. Saved as a whole; the server checks that each chain starts at 0 s and that steps are in time order.
 */
@Route(value = "admin/escalation", layout = MainLayout.class)
@AllowedRoles(StaffRole.ADMINISTRATOR)
@MenuEntry(key = "admin.menu.escalation", order = 43)
public final class EscalationView extends Div implements HasDynamicTitle, LocaleChangeObserver, BeforeEnterObserver {

    static final class StepForm {
        Set<String> tiers = new LinkedHashSet<>();
        Integer afterSeconds;
    }

    /** One step: the tiers it calls and when. */
    static final class StepRow extends EditableRow<StepForm> {
        private final CheckboxGroup<String> tiers = new CheckboxGroup<>();
        private final IntegerField after = new IntegerField();

        StepRow(StepForm form) {
            super(form);
            tiers.setItems(AdminValues.TIERS);
            tiers.setRequiredIndicatorVisible(true);
            after.setMin(0);
            after.setMax(86_400);
            after.setStepButtonsVisible(true);
            after.setRequiredIndicatorVisible(true);
            binder.forField(tiers)
                    .withValidator(v -> !v.isEmpty(), ctx -> getTranslation("admin.escalation.tiers.required"))
                    .bind(f -> f.tiers, (f, v) -> f.tiers = new LinkedHashSet<>(v));
            binder.forField(after)
                    .asRequired(ctx -> getTranslation("admin.required"))
                    .withValidator(v -> v >= 0 && v <= 86_400, ctx -> getTranslation("admin.escalation.after.range"))
                    .bind(f -> f.afterSeconds, (f, v) -> f.afterSeconds = v);
            finish(after, tiers);
        }

        @Override
        protected void name(String prefix) {
            tiers.setId(prefix + "-tiers");
            after.setId(prefix + "-after");
        }

        @Override
        protected void updateTexts() {
            tiers.setLabel(getTranslation("admin.escalation.tiers"));
            tiers.setItemLabelGenerator(t -> getTranslation("admin.tier." + t));
            after.setLabel(getTranslation("admin.escalation.after"));
            after.setHelperText(getTranslation("admin.escalation.after.help"));
        }
    }

    private final transient AdminService admin;
    private final H1 heading = new H1();
    private final Paragraph intro = new Paragraph();
    private final SitePicker site;
    private final Map<String, H2> chainHeadings = new LinkedHashMap<>();
    private final Map<String, RowList<StepForm, StepRow>> chains = new LinkedHashMap<>();
    private final Button save = new Button();
    private final FormStatus status = new FormStatus("admin-escalation-status");

    public EscalationView() {
        this(AdminService.current());
    }

    EscalationView(AdminService admin) {
        this.admin = admin;
        site = new SitePicker("admin-escalation-site", this::show);
        addClassNames("admin-view", "admin-escalation");
        add(heading, intro, site);
        Div chainBox = new Div();
        chainBox.addClassName("admin-chains");
        for (String priority : AdminValues.PRIORITIES) {
            H2 chainHeading = new H2();
            RowList<StepForm, StepRow> steps = new RowList<>(
                    "admin-escalation-" + priority, "admin.escalation.addStep", () -> new StepRow(new StepForm()));
            chainHeadings.put(priority, chainHeading);
            chains.put(priority, steps);
            Div chain = new Div(chainHeading, steps);
            chain.addClassNames("admin-chain", "admin-chain-" + priority.toLowerCase(java.util.Locale.ROOT));
            chainBox.add(chain);
        }
        save.setId("admin-escalation-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> save());
        add(chainBox, status, save);
        updateTexts();
    }

    /** Every time the view is opened (also from the menu while it shows) the chains are read again. */
    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        try {
            site.load(admin);
        } catch (SignalServerException e) {
            status.failed(e);
        }
    }

    private void show(Site chosen) {
        status.clear();
        try {
            fill(admin.call((c, t) -> c.escalation(t, chosen.id())));
        } catch (SignalServerException e) {
            status.failed(e);
        }
    }

    private void fill(Escalation escalation) {
        chains.values().forEach(list -> list.setRows(List.of()));
        for (Chain chain : escalation.chains()) {
            RowList<StepForm, StepRow> list = chains.get(chain.priority());
            if (list == null) {
                continue; // a priority this console does not know; the server keeps it
            }
            List<StepRow> rows = new ArrayList<>();
            for (Step step : chain.steps()) {
                StepForm form = new StepForm();
                form.tiers = new LinkedHashSet<>(step.tiers());
                form.afterSeconds = step.afterSeconds();
                rows.add(new StepRow(form));
            }
            list.setRows(rows);
        }
    }

    private void save() {
        Site chosen = site.getValue();
        boolean valid = true;
        for (RowList<StepForm, StepRow> list : chains.values()) {
            valid &= list.validate();
        }
        if (chosen == null || !valid) {
            status.invalid();
            return;
        }
        List<Chain> request = new ArrayList<>();
        chains.forEach((priority, list) -> request.add(new Chain(
                priority,
                list.beans().stream()
                        .map(f -> new Step(
                                AdminValues.TIERS.stream()
                                        .filter(f.tiers::contains)
                                        .toList(),
                                f.afterSeconds))
                        .toList())));
        try {
            fill(admin.call((c, t) -> c.replaceEscalation(t, chosen.id(), new Escalation(request))));
            status.saved("admin.saved");
        } catch (SignalServerException e) {
            status.failed(e);
        }
    }

    @Override
    public void localeChange(LocaleChangeEvent event) {
        updateTexts();
    }

    private void updateTexts() {
        heading.setText(getTranslation("admin.escalation.heading"));
        intro.setText(getTranslation("admin.escalation.intro"));
        site.updateTexts();
        chainHeadings.forEach((priority, h) -> h.setText(getTranslation("admin.priority." + priority)));
        save.setText(getTranslation("admin.escalation.save"));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("admin.escalation.title");
    }
}
