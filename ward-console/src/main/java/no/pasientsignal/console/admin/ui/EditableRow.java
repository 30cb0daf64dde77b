package no.pasientsignal.console.admin.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Focusable;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.i18n.LocaleChangeEvent;
import com.vaadin.flow.i18n.LocaleChangeObserver;

/**
 * One row of a list the administrator edits as a whole (shifts, roster assignments, escalation steps, care-plan rules
 * and bases): its fields bound to a bean of its own, and a button that removes it. Invalid input stays in the fields.
 *
 * @param <B> the row's bean
 */
abstract class EditableRow<B> extends Div implements LocaleChangeObserver {

    protected final Binder<B> binder = new Binder<>();
    private final B bean;
    private Component first;
    private final Button remove = new Button();
    private Runnable onRemove = () -> {};
    private int index;

    protected EditableRow(B bean) {
        addClassName("admin-row");
        remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
        remove.addClassName("admin-row-remove");
        remove.addClickListener(e -> onRemove.run());
        this.bean = bean;
    }

    /** Binds the fields (after a subclass has made them) and adds them with the remove button. */
    protected final void finish(Component... fields) {
        first = fields.length == 0 ? null : fields[0];
        Div fieldBox = new Div(fields);
        fieldBox.addClassName("admin-row-fields");
        add(fieldBox, remove);
        binder.setBean(bean);
        relabel();
    }

    final void focusFirst() {
        if (first instanceof Focusable<?> focusable) {
            focusable.focus();
        }
    }

    final B bean() {
        return bean;
    }

    final boolean validate() {
        return binder.validate().isOk();
    }

    final void onRemove(Runnable action) {
        this.onRemove = action;
    }

    /** Gives the row and its fields ids {@code prefix-index-field}, and its remove button an accessible name. */
    final void place(String prefix, int index) {
        this.index = index;
        setId(prefix + "-" + index);
        remove.setId(prefix + "-" + index + "-remove");
        name(prefix + "-" + index);
        relabel();
    }

    /** Gives the fields ids starting with {@code prefix}. */
    protected abstract void name(String prefix);

    /** Sets the fields' labels in the current language. */
    protected abstract void updateTexts();

    private void relabel() {
        updateTexts();
        remove.setText(getTranslation("admin.row.remove"));
        remove.setAriaLabel(getTranslation("admin.row.remove.aria", index + 1));
    }

    @Override
    public void localeChange(LocaleChangeEvent event) {
        relabel();
    }
}
