package no.pasientsignal.console.quality.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridSortOrder;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.DataProvider;
import com.vaadin.flow.data.provider.SortDirection;
import com.vaadin.flow.function.ValueProvider;
import com.vaadin.flow.i18n.LocaleChangeEvent;
import com.vaadin.flow.i18n.LocaleChangeObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import no.pasientsignal.console.ConsoleServices;
import no.pasientsignal.console.client.AccessToken;
import no.pasientsignal.console.client.AuditClient;
import no.pasientsignal.console.client.AuditHit;
import no.pasientsignal.console.client.AuditIndexStatus;
import no.pasientsignal.console.client.AuditPage;
import no.pasientsignal.console.client.AuditQuery;
import no.pasientsignal.console.client.PlaceNamesClient;
import no.pasientsignal.console.client.SignalServerException;
import no.pasientsignal.console.login.service.ConsoleUser;
import no.pasientsignal.console.login.service.StaffRole;
import no.pasientsignal.console.quality.service.PlaceNames;
import no.pasientsignal.console.shell.AllowedRoles;
import no.pasientsignal.console.shell.MainLayout;
import no.pasientsignal.console.shell.MenuEntry;
import no.pasientsignal.console.shell.ServerErrors;

/**
 * Searching the audit trail: full text, exact filters and a time range; facet counts of all matches that filter when
 * clicked; one server page of hits at a time, sorted by the server; the whole of the selected entry; the same search
 * as CSV. Every search is journaled by the server, so the view searches only when asked (button, Enter, a facet, a
 * page or a sort), never on every keystroke.
 */
@Route(value = "audit", layout = MainLayout.class)
@AllowedRoles({StaffRole.QUALITY_LEAD, StaffRole.ADMINISTRATOR})
@MenuEntry(key = "quality.menu.audit", order = 30)
public final class AuditSearchView extends Div implements HasDynamicTitle, LocaleChangeObserver {

    static final List<Integer> PAGE_SIZES = List.of(25, 50, 100, 200);

    /** The facets the server counts, in its order; clicking a value sets the filter of the same name. */
    private static final List<String> FACETS = List.of("site", "ward", "zone", "type", "priority", "outcome");

    private final transient AuditClient audit;
    private final transient AccessToken token;
    private final transient PlaceNames places;

    private final H2 heading = new H2();
    private final TextField text = new TextField();
    private final Map<String, ComboBox<PlaceNames.Place>> placeFilters = new LinkedHashMap<>();
    private final Map<String, TextField> textFilters = new LinkedHashMap<>();
    private final Select<String> kind = new Select<>();
    private final DateTimePicker from = new DateTimePicker();
    private final DateTimePicker to = new DateTimePicker();
    private final Button search = new Button();
    private final Button clear = new Button();
    private final Paragraph error = new Paragraph();
    private final Paragraph incomplete = new Paragraph();
    private final Paragraph total = new Paragraph();
    private final Div facets = new Div();
    private final Grid<AuditHit> grid = new Grid<>();
    private final Button previous = new Button();
    private final Button next = new Button();
    private final Span pageInfo = new Span();
    private final Select<Integer> pageSize = new Select<>();
    private final Div detail = new Div();
    private final CsvExport csv;
    private final Map<Grid.Column<AuditHit>, String> columnKeys = new LinkedHashMap<>();

    /** What the current page shows; the CSV exports the same query. */
    private AuditQuery shownQuery;

    private AuditPage shown;
    private String sort;
    private boolean descending = true;
    private int page;

    public AuditSearchView() {
        ConsoleServices services = ConsoleServices.current();
        ConsoleUser user = services.authentication().currentUser().orElseThrow();
        this.audit = new AuditClient(services.api());
        this.token = user.token();
        this.places = loadPlaces(new PlaceNamesClient(services.api()));
        this.csv =
                new CsvExport("audit", "audit-search.csv", () -> audit.exportCsv(shownQuery, token), this::showError);
        addClassNames("quality-view", "audit-view");
        heading.setId("audit-heading");

        text.setId("audit-q");
        text.setClearButtonVisible(true);
        text.addKeyPressListener(Key.ENTER, enter -> searchFromStart());
        text.addClassName("audit-q");

        for (String level : List.of("site", "ward", "zone", "room")) {
            ComboBox<PlaceNames.Place> box = new ComboBox<>();
            box.setId("audit-" + level);
            box.setItems(places.places(level));
            box.setItemLabelGenerator(PlaceNames.Place::label);
            box.setClearButtonVisible(true);
            placeFilters.put(level, box);
        }
        for (String field : List.of("type", "priority", "outcome", "actor", "resident")) {
            TextField filter = new TextField();
            filter.setId("audit-" + field);
            filter.setClearButtonVisible(true);
            filter.addKeyPressListener(Key.ENTER, enter -> searchFromStart());
            textFilters.put(field, filter);
        }
        kind.setId("audit-kind");
        kind.setItems("", "alarm", "entry");
        kind.setEmptySelectionAllowed(false);
        kind.setValue("");
        from.setId("audit-from");
        to.setId("audit-to");

        search.setId("audit-search");
        search.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        search.addClickListener(click -> searchFromStart());
        clear.setId("audit-clear");
        clear.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        clear.addClickListener(click -> clearFilters());

        Div filters = new Div();
        filters.addClassName("audit-filters");
        filters.add(text);
        placeFilters.values().forEach(filters::add);
        textFilters.values().forEach(filters::add);
        filters.add(kind, from, to);
        Div actions = new Div(search, clear, csv);
        actions.addClassName("quality-actions");

        error.setId("audit-error");
        error.addClassName("quality-error");
        error.getElement().setAttribute("role", "alert");
        error.setVisible(false);
        incomplete.setId("audit-incomplete");
        incomplete.addClassName("quality-notice");
        incomplete.getElement().setAttribute("role", "status");
        incomplete.setVisible(false);
        total.setId("audit-total");
        total.getElement().setAttribute("role", "status");
        facets.setId("audit-facets");
        facets.addClassName("audit-facets");

        configureGrid();
        previous.setId("audit-previous");
        previous.addClickListener(click -> showPage(page - 1));
        next.setId("audit-next");
        next.addClickListener(click -> showPage(page + 1));
        pageInfo.setId("audit-page");
        pageSize.setId("audit-page-size");
        pageSize.setItems(PAGE_SIZES);
        pageSize.setValue(50);
        pageSize.addValueChangeListener(change -> {
            if (change.isFromClient() && shownQuery != null) {
                showPage(0);
            }
        });
        Div pager = new Div(previous, pageInfo, next, pageSize);
        pager.addClassName("audit-pager");

        detail.setId("audit-detail");
        detail.addClassName("audit-detail");
        detail.setVisible(false);

        Div results = new Div(facets, new Div(grid, pager));
        results.addClassName("audit-results");
        add(heading, filters, actions, error, incomplete, total, results, detail);
        csv.setEnabledToExport(false);
        updatePager();
        updateTexts();
    }

    private PlaceNames loadPlaces(PlaceNamesClient client) {
        try {
            return PlaceNames.load(client, token);
        } catch (SignalServerException e) {
            // the search works without names: places are then shown by id
            return PlaceNames.none();
        }
    }

    private void configureGrid() {
        grid.setId("audit-grid");
        grid.addClassName("audit-grid");
        column(hit -> QualityFormat.time(hit.time(), getLocale()), "time", "time");
        column(hit -> getTranslation("quality.audit.kind." + hit.kind()), "kind", null);
        column(AuditHit::type, "type", "type");
        column(AuditHit::priority, "priority", "priority");
        column(hit -> places.label("ward", hit.ward()), "ward", "ward");
        column(hit -> places.label("room", hit.room()), "room", "room");
        column(AuditHit::resident, "resident", null);
        column(AuditHit::outcome, "outcome", "outcome");
        column(hit -> QualityFormat.millisAsSeconds(hit.timeToAcceptMs(), getLocale()), "timeToAccept", "timeToAccept");
        column(this::who, "who", null);
        column(this::what, "what", null);
        grid.setSelectionMode(Grid.SelectionMode.SINGLE);
        grid.asSingleSelect().addValueChangeListener(change -> showDetail(change.getValue()));
        // The page the server sent, as it sent it: sorting is the server's, over all matches, not this page's.
        grid.setItems(DataProvider.fromCallbacks(
                query -> {
                    List<AuditHit> hits = shown == null ? List.of() : shown.hits();
                    return hits.stream().skip(query.getOffset()).limit(query.getLimit());
                },
                query -> shown == null ? 0 : shown.hits().size()));
        grid.addSortListener(event -> {
            List<GridSortOrder<AuditHit>> order = event.getSortOrder();
            if (order.isEmpty()) {
                sort = null;
                descending = true;
            } else {
                sort = columnKeys.get(order.getFirst().getSorted());
                descending = order.getFirst().getDirection() == SortDirection.DESCENDING;
            }
            if (shownQuery != null) {
                runSearch(withSort(shownQuery), 0);
            }
        });
    }

    private void column(ValueProvider<AuditHit, String> value, String key, String sortField) {
        Grid.Column<AuditHit> column =
                grid.addColumn(value).setKey(key).setResizable(true).setAutoWidth(true);
        if (sortField != null) {
            column.setSortable(true).setSortProperty(sortField);
            columnKeys.put(column, sortField);
        }
    }

    private String who(AuditHit hit) {
        if (hit.isAlarm()) {
            return Objects.requireNonNullElse(
                    hit.acceptedBy(), Objects.requireNonNullElse(hit.closedBy(), QualityFormat.MISSING));
        }
        return Objects.requireNonNullElse(hit.actor(), QualityFormat.MISSING);
    }

    private String what(AuditHit hit) {
        if (hit.isAlarm()) {
            return Objects.requireNonNullElse(hit.device(), "");
        }
        String action = Objects.requireNonNullElse(hit.action(), "");
        return hit.subject() == null ? action : action + " " + hit.subject();
    }

    private AuditQuery queryFromForm() {
        var filters = new LinkedHashMap<String, String>();
        placeFilters.forEach((level, box) -> filters.put(
                level, box.getValue() == null ? null : box.getValue().id()));
        textFilters.forEach((field, box) -> filters.put(field, box.getValue()));
        filters.put("kind", kind.getValue());
        return new AuditQuery(
                text.getValue(), filters, offset(from.getValue()), offset(to.getValue()), sort, descending);
    }

    private AuditQuery withSort(AuditQuery query) {
        return new AuditQuery(query.text(), query.filters(), query.from(), query.to(), sort, descending);
    }

    private static OffsetDateTime offset(LocalDateTime local) {
        return local == null ? null : local.atZone(QualityFormat.ZONE).toOffsetDateTime();
    }

    private void searchFromStart() {
        runSearch(queryFromForm(), 0);
    }

    private void showPage(int wanted) {
        if (shownQuery != null && wanted >= 0) {
            runSearch(shownQuery, wanted);
        }
    }

    /** Asks the server; on a refusal the form and the last results stay as they were, with the sentence above. */
    private void runSearch(AuditQuery query, int wantedPage) {
        int size = pageSize.getValue() == null ? 50 : pageSize.getValue();
        AuditPage result;
        try {
            result = audit.search(query, wantedPage, size, token);
        } catch (SignalServerException e) {
            showError(e);
            return;
        }
        error.setVisible(false);
        shownQuery = query;
        shown = result;
        page = wantedPage;
        grid.deselectAll();
        grid.getDataProvider().refreshAll();
        detail.setVisible(false);
        csv.setEnabledToExport(true);
        csv.reset();
        showFacets(result);
        showCompleteness(result);
        updatePager();
        updateTotal();
    }

    private void showError(SignalServerException e) {
        error.setText(ServerErrors.sentence(this, e));
        error.setVisible(true);
    }

    private void showCompleteness(AuditPage result) {
        if (result.complete()) {
            incomplete.setVisible(false);
            return;
        }
        String sentence;
        try {
            AuditIndexStatus status = audit.indexStatus(token);
            sentence = status.recordsTotal() > 0
                    ? getTranslation("quality.audit.incomplete.progress", status.recordsDone(), status.recordsTotal())
                    : getTranslation("quality.audit.incomplete");
        } catch (SignalServerException e) {
            sentence = getTranslation("quality.audit.incomplete");
        }
        incomplete.setText(sentence);
        incomplete.setVisible(true);
    }

    private void showFacets(AuditPage result) {
        facets.removeAll();
        for (String field : FACETS) {
            List<AuditPage.FacetCount> counts = result.facet(field);
            if (counts.isEmpty()) {
                continue;
            }
            Div group = new Div();
            group.addClassName("audit-facet");
            H3 title = new H3(getTranslation("quality.audit.filter." + field));
            group.add(title);
            for (AuditPage.FacetCount count : counts) {
                String label = facetLabel(field, count.value());
                Button value = new Button(getTranslation("quality.audit.facet.value", label, count.count()));
                value.setId("audit-facet-" + field + "-" + safeId(count.value()));
                value.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
                value.getElement()
                        .setAttribute(
                                "aria-label",
                                getTranslation("quality.audit.facet.filter", title.getText(), label, count.count()));
                value.addClickListener(click -> filterBy(field, count.value()));
                group.add(value);
            }
            facets.add(group);
        }
    }

    private String facetLabel(String field, String value) {
        return switch (field) {
            case "site", "ward", "zone" -> places.label(field, value);
            default -> value;
        };
    }

    static String safeId(String value) {
        return value.replaceAll("[^A-Za-z0-9_-]", "_");
    }

    /** A facet value clicked: that filter is set (the others kept) and the search runs from its first page. */
    private void filterBy(String field, String value) {
        ComboBox<PlaceNames.Place> box = placeFilters.get(field);
        if (box != null) {
            PlaceNames.Place place = places.places(field).stream()
                    .filter(p -> p.id().equals(value))
                    .findFirst()
                    .orElse(new PlaceNames.Place(value, value));
            if (places.places(field).stream().noneMatch(p -> p.id().equals(value))) {
                var items = new ArrayList<>(places.places(field));
                items.add(place);
                box.setItems(items);
            }
            box.setValue(place);
        } else {
            textFilters.get(field).setValue(value);
        }
        searchFromStart();
    }

    private void clearFilters() {
        text.clear();
        placeFilters.values().forEach(ComboBox::clear);
        textFilters.values().forEach(TextField::clear);
        kind.setValue("");
        from.clear();
        to.clear();
        error.setVisible(false);
    }

    private void showDetail(AuditHit hit) {
        detail.removeAll();
        if (hit == null) {
            detail.setVisible(false);
            return;
        }
        H3 title = new H3(getTranslation("quality.audit.detail.heading", hit.id()));
        detail.add(title);
        var rows = new LinkedHashMap<String, String>();
        rows.put("kind", getTranslation("quality.audit.kind." + hit.kind()));
        rows.put("sequence", Long.toString(hit.sequence()));
        rows.put("time", QualityFormat.time(hit.time(), getLocale()));
        rows.put("type", hit.type());
        rows.put("site", hit.site() == null ? null : places.label("site", hit.site()));
        rows.put("ward", hit.ward() == null ? null : places.label("ward", hit.ward()));
        rows.put("zone", hit.zone() == null ? null : places.label("zone", hit.zone()));
        rows.put("room", hit.room() == null ? null : places.label("room", hit.room()));
        rows.put("location", hit.location());
        rows.put("resident", hit.resident());
        rows.put("device", hit.device());
        if (hit.isAlarm()) {
            rows.put("priority", hit.priority());
            rows.put("outcome", hit.outcome());
            rows.put("raisedAt", time(hit.raisedAt()));
            rows.put("notifiedAt", time(hit.notifiedAt()));
            rows.put("acceptedAt", time(hit.acceptedAt()));
            rows.put("presentAt", time(hit.presentAt()));
            rows.put("closedAt", time(hit.closedAt()));
            rows.put("timeToNotify", seconds(hit.timeToNotifyMs()));
            rows.put("timeToAccept", seconds(hit.timeToAcceptMs()));
            rows.put("timeToPresent", seconds(hit.timeToPresentMs()));
            rows.put("timeToClose", seconds(hit.timeToCloseMs()));
            rows.put("acceptedBy", hit.acceptedBy());
            rows.put("closedBy", hit.closedBy());
            rows.put("recipients", hit.recipients() == null ? null : String.join(", ", hit.recipients()));
            rows.put("returns", number(hit.returns()));
            rows.put("repeats", number(hit.repeats()));
            rows.put("escalations", number(hit.escalations()));
            rows.put(
                    "unreachable",
                    hit.unreachable() == null
                            ? null
                            : getTranslation(hit.unreachable() ? "quality.yes" : "quality.no"));
        } else {
            rows.put("actor", hit.actor());
            rows.put("action", hit.action());
            rows.put("subject", hit.subject());
        }
        Div list = new Div();
        list.addClassName("audit-detail-list");
        rows.forEach((field, value) -> {
            if (value != null) {
                list.add(detailRow(getTranslation("quality.audit.field." + field), value, field));
            }
        });
        if (hit.details() != null) {
            hit.details().forEach((key, value) -> list.add(detailRow(key, value, "detail-" + safeId(key))));
        }
        detail.add(list);
        detail.setVisible(true);
    }

    private static Component detailRow(String label, String value, String key) {
        Span term = new Span(label);
        term.addClassName("audit-detail-term");
        Span data = new Span(value);
        data.addClassName("audit-detail-value");
        data.setId("audit-detail-" + key);
        Div row = new Div(term, data);
        row.addClassName("audit-detail-row");
        return row;
    }

    private String time(java.time.Instant instant) {
        return instant == null ? null : QualityFormat.time(instant, getLocale());
    }

    private String seconds(Long millis) {
        return millis == null ? null : QualityFormat.millisAsSeconds(millis, getLocale());
    }

    private static String number(Integer value) {
        return value == null ? null : value.toString();
    }

    private void updatePager() {
        int pages = shown == null ? 1 : shown.pages();
        previous.setEnabled(shown != null && page > 0);
        next.setEnabled(shown != null && page + 1 < pages);
        pageInfo.setText(getTranslation("quality.audit.page", page + 1, pages));
    }

    private void updateTotal() {
        if (shown == null) {
            total.setText(getTranslation("quality.audit.notSearched"));
        } else if (shown.total() == 0) {
            total.setText(getTranslation("quality.audit.none"));
        } else {
            total.setText(getTranslation("quality.audit.total", shown.total()));
        }
    }

    @Override
    public void localeChange(LocaleChangeEvent event) {
        updateTexts();
    }

    private void updateTexts() {
        heading.setText(getTranslation("quality.audit.heading"));
        text.setLabel(getTranslation("quality.audit.q"));
        text.setHelperText(getTranslation("quality.audit.q.help"));
        placeFilters.forEach((level, box) -> box.setLabel(getTranslation("quality.audit.filter." + level)));
        textFilters.forEach((field, box) -> box.setLabel(getTranslation("quality.audit.filter." + field)));
        kind.setLabel(getTranslation("quality.audit.filter.kind"));
        kind.setItemLabelGenerator(value -> value == null || value.isEmpty()
                ? getTranslation("quality.audit.kind.any")
                : getTranslation("quality.audit.kind." + value));
        from.setLabel(getTranslation("quality.audit.from"));
        to.setLabel(getTranslation("quality.audit.to"));
        search.setText(getTranslation("quality.audit.search"));
        clear.setText(getTranslation("quality.audit.clear"));
        previous.setText(getTranslation("quality.audit.previous"));
        next.setText(getTranslation("quality.audit.next"));
        pageSize.setLabel(getTranslation("quality.audit.pageSize"));
        grid.getColumns()
                .forEach(column -> column.setHeader(getTranslation("quality.audit.column." + column.getKey())));
        grid.setAriaLabel(getTranslation("quality.audit.grid"));
        csv.updateTexts();
        updatePager();
        updateTotal();
        if (shown != null) {
            showFacets(shown);
            grid.getDataProvider().refreshAll();
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("quality.audit.title");
    }
}
