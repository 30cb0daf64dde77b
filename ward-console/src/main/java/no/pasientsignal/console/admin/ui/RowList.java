package no.pasientsignal.console.admin.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.i18n.LocaleChangeEvent;
import com.vaadin.flow.i18n.LocaleChangeObserver;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * A list of {@link EditableRow}s with a button that adds an empty one. Rows are numbered in their ids
 * ({@code prefix-0-field}, ...) so tests and screen readers can tell them apart.
 *
 * @param <B> the rows' bean
 * @param <R> the row type
 */
final class RowList<B, R extends EditableRow<B>> extends Div implements LocaleChangeObserver {

    private final String prefix;
    private final String addKey;
    private final Div rows = new Div();
    private final Button add = new Button();
    private final List<R> current = new ArrayList<>();

    RowList(String prefix, String addKey, Supplier<R> newRow) {
        this.prefix = prefix;
        this.addKey = addKey;
        setId(prefix);
        addClassName("admin-rows");
        add.setId(prefix + "-add");
        add.addClickListener(e -> {
            R row = newRow.get();
            append(row);
            row.focusFirst();
        });
        add(rows, add);
        add.setText(getTranslation(addKey));
    }

    /** Replaces every row with {@code replacement}. */
    void setRows(List<R> replacement) {
        current.clear();
        rows.removeAll();
        replacement.forEach(this::append);
    }

    void append(R row) {
        current.add(row);
        rows.add(row);
        row.onRemove(() -> {
            current.remove(row);
            rows.remove(row);
            renumber();
        });
        renumber();
    }

    List<R> rows() {
        return List.copyOf(current);
    }

    /** Validates every row (so each shows its own errors); true when all are valid. */
    boolean validate() {
        boolean ok = true;
        for (R row : current) {
            ok &= row.validate();
        }
        return ok;
    }

    List<B> beans() {
        return current.stream().map(EditableRow::bean).toList();
    }

    private void renumber() {
        for (int i = 0; i < current.size(); i++) {
            current.get(i).place(prefix, i);
        }
    }

    @Override
    public void localeChange(LocaleChangeEvent event) {
        add.setText(getTranslation(addKey));
    }
}
