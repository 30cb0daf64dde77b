package no.pasientsignal.console.admin.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.i18n.LocaleChangeEvent;
import com.vaadin.flow.i18n.LocaleChangeObserver;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import no.pasientsignal.console.admin.service.AdminService;
import no.pasientsignal.console.admin.service.AdminValues;
import no.pasientsignal.console.client.AdminClient.NewStaff;
import no.pasientsignal.console.client.AdminClient.Staff;
import no.pasientsignal.console.client.AdminClient.StaffUpdate;
import no.pasientsignal.console.client.SignalServerException;
import no.pasientsignal.console.login.service.StaffRole;
import no.pasientsignal.console.shell.AllowedRoles;
import no.pasientsignal.console.shell.MainLayout;
import no.pasientsignal.console.shell.MenuEntry;

/**
 * Staff accounts: the list with roles and whether each may log in; a form to add an account or change a name and
 * roles; activate, deactivate and set a new password. The server ends a person's sessions when their roles or password
 * change, and refuses an administrator taking away their own role or deactivating themselves.
 */
@Route(value = "admin/staff", layout = MainLayout.class)
@AllowedRoles(StaffRole.ADMINISTRATOR)
@MenuEntry(key = "admin.menu.staff", order = 41)
public final class StaffView extends Div implements HasDynamicTitle, LocaleChangeObserver, BeforeEnterObserver {

    /** What the form edits; {@code password} only for a new account. */
    static final class StaffForm {
        String username = "";
        String displayName = "";
        Set<String> roles = new LinkedHashSet<>();
        String password = "";
    }

    private final transient AdminService admin;
    private final H1 heading = new H1();
    private final Grid<Staff> grid = new Grid<>();
    private final Button newAccount = new Button();
    private final H2 formHeading = new H2();
    private final TextField username = new TextField();
    private final TextField displayName = new TextField();
    private final CheckboxGroup<String> roles = new CheckboxGroup<>();
    private final PasswordField password = new PasswordField();
    private final Button save = new Button();
    private final FormStatus status = new FormStatus("admin-staff-status");
    private final Div account = new Div();
    private final H2 accountHeading = new H2();
    private final Button toggleActive = new Button();
    private final PasswordField newPassword = new PasswordField();
    private final Button setPassword = new Button();
    private final FormStatus accountStatus = new FormStatus("admin-staff-account-status");
    private final Binder<StaffForm> binder = new Binder<>();
    private final Binder<StaffForm> passwordBinder = new Binder<>();
    /** The account being edited, or null while adding a new one. */
    private Staff editing;

    public StaffView() {
        this(AdminService.current());
    }

    StaffView(AdminService admin) {
        this.admin = admin;
        addClassNames("admin-view", "admin-staff");

        grid.setId("admin-staff-grid");
        grid.addClassName("admin-grid");
        grid.addColumn(Staff::username).setKey("username").setAutoWidth(true).setSortable(true);
        grid.addColumn(Staff::displayName).setKey("name").setAutoWidth(true).setSortable(true);
        grid.addColumn(s -> s.roles().stream().map(this::roleLabel).collect(Collectors.joining(", ")))
                .setKey("roles")
                .setFlexGrow(1);
        grid.addColumn(s -> getTranslation(s.active() ? "admin.staff.active" : "admin.staff.inactive"))
                .setKey("active")
                .setAutoWidth(true);
        grid.setAllRowsVisible(true);
        grid.asSingleSelect().addValueChangeListener(e -> {
            if (e.getValue() != null) {
                edit(e.getValue());
            }
        });

        newAccount.setId("admin-staff-new");
        newAccount.addClickListener(e -> {
            grid.asSingleSelect().clear();
            edit(null);
        });

        username.setId("admin-staff-username");
        username.setRequiredIndicatorVisible(true);
        displayName.setId("admin-staff-name");
        displayName.setRequiredIndicatorVisible(true);
        roles.setId("admin-staff-roles");
        roles.setItems(AdminValues.ROLES);
        roles.setItemLabelGenerator(this::roleLabel);
        roles.setRequiredIndicatorVisible(true);
        password.setId("admin-staff-password");
        password.setRequiredIndicatorVisible(true);
        save.setId("admin-staff-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> save());

        binder.forField(username)
                .asRequired(ctx -> getTranslation("admin.required"))
                .bind(f -> f.username, (f, v) -> f.username = v.strip());
        binder.forField(displayName)
                .asRequired(ctx -> getTranslation("admin.required"))
                .bind(f -> f.displayName, (f, v) -> f.displayName = v);
        binder.forField(roles)
                .withValidator(v -> !v.isEmpty(), ctx -> getTranslation("admin.staff.roles.required"))
                .bind(f -> f.roles, (f, v) -> f.roles = new LinkedHashSet<>(v));
        binder.forField(password)
                .withValidator(
                        v -> editing != null || v.length() >= AdminValues.MIN_PASSWORD_LENGTH,
                        ctx -> getTranslation("admin.staff.password.short", AdminValues.MIN_PASSWORD_LENGTH))
                .bind(f -> f.password, (f, v) -> f.password = v);
        binder.setBean(new StaffForm());

        toggleActive.setId("admin-staff-toggle-active");
        toggleActive.addClickListener(e -> toggleActive());
        newPassword.setId("admin-staff-new-password");
        newPassword.setRequiredIndicatorVisible(true);
        setPassword.setId("admin-staff-set-password");
        setPassword.addClickListener(e -> setPassword());
        passwordBinder
                .forField(newPassword)
                .withValidator(
                        v -> v.length() >= AdminValues.MIN_PASSWORD_LENGTH,
                        ctx -> getTranslation("admin.staff.password.short", AdminValues.MIN_PASSWORD_LENGTH))
                .bind(f -> f.password, (f, v) -> f.password = v);
        passwordBinder.setBean(new StaffForm());

        FormLayout form = new FormLayout(username, displayName, roles, password);
        form.setId("admin-staff-form");
        Div formSection = new Div(formHeading, form, status, save);
        formSection.addClassName("admin-form");
        FormLayout passwordForm = new FormLayout(newPassword);
        account.add(accountHeading, toggleActive, passwordForm, setPassword, accountStatus);
        account.addClassName("admin-form");
        account.setId("admin-staff-account");

        Div list = new Div(newAccount, grid);
        list.addClassName("admin-master");
        Div detail = new Div(formSection, account);
        detail.addClassName("admin-detail");
        Div split = new Div(list, detail);
        split.addClassName("admin-split");
        add(heading, split);

        updateTexts();
    }

    /** Every time the view is opened (also from the menu while it shows) the accounts are read again. */
    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        reload(null);
        edit(null);
    }

    private void reload(String select) {
        try {
            List<Staff> staff = admin.call((c, t) -> c.staff(t));
            grid.setItems(staff);
            if (select != null) {
                staff.stream()
                        .filter(s -> s.username().equals(select))
                        .findFirst()
                        .ifPresent(s -> {
                            grid.asSingleSelect().setValue(s);
                            edit(s);
                        });
            }
        } catch (SignalServerException e) {
            status.failed(e);
        }
    }

    /** Shows {@code staff} in the form, or an empty form for a new account when null. */
    private void edit(Staff staff) {
        editing = staff;
        StaffForm form = new StaffForm();
        if (staff != null) {
            form.username = staff.username();
            form.displayName = staff.displayName();
            form.roles = new LinkedHashSet<>(staff.roles());
        }
        binder.setBean(form);
        username.setReadOnly(staff != null);
        password.setVisible(staff == null);
        account.setVisible(staff != null);
        newPassword.clear();
        status.clear();
        accountStatus.clear();
        updateTexts();
    }

    private void save() {
        if (!binder.validate().isOk()) {
            status.invalid();
            return;
        }
        StaffForm form = binder.getBean();
        List<String> chosen =
                AdminValues.ROLES.stream().filter(form.roles::contains).toList();
        try {
            Staff saved = editing == null
                    ? admin.call((c, t) -> c.createStaff(
                            t, new NewStaff(form.username, form.displayName.strip(), chosen, form.password)))
                    : admin.call((c, t) ->
                            c.updateStaff(t, editing.username(), new StaffUpdate(form.displayName.strip(), chosen)));
            reload(saved.username());
            status.saved("admin.saved");
        } catch (SignalServerException e) {
            status.failed(e);
        }
    }

    private void toggleActive() {
        if (editing == null) {
            return;
        }
        String name = editing.username();
        try {
            Staff saved = editing.active()
                    ? admin.call((c, t) -> c.deactivate(t, name))
                    : admin.call((c, t) -> c.activate(t, name));
            reload(saved.username());
            accountStatus.saved(saved.active() ? "admin.staff.activated" : "admin.staff.deactivated");
        } catch (SignalServerException e) {
            accountStatus.failed(e);
        }
    }

    private void setPassword() {
        if (editing == null) {
            return;
        }
        if (!passwordBinder.validate().isOk()) {
            accountStatus.invalid();
            return;
        }
        String name = editing.username();
        String secret = newPassword.getValue();
        try {
            admin.call((c, t) -> {
                c.setPassword(t, name, secret);
                return null;
            });
            newPassword.clear();
            accountStatus.saved("admin.staff.password.set");
        } catch (SignalServerException e) {
            accountStatus.failed(e);
        }
    }

    private String roleLabel(String role) {
        return getTranslation("admin.role." + role);
    }

    @Override
    public void localeChange(LocaleChangeEvent event) {
        updateTexts();
        grid.getDataProvider().refreshAll();
    }

    private void updateTexts() {
        heading.setText(getTranslation("admin.staff.heading"));
        grid.getColumnByKey("username").setHeader(getTranslation("admin.staff.username"));
        grid.getColumnByKey("name").setHeader(getTranslation("admin.staff.name"));
        grid.getColumnByKey("roles").setHeader(getTranslation("admin.staff.roles"));
        grid.getColumnByKey("active").setHeader(getTranslation("admin.staff.status"));
        grid.setAriaLabel(getTranslation("admin.staff.grid"));
        newAccount.setText(getTranslation("admin.staff.new"));
        formHeading.setText(
                editing == null
                        ? getTranslation("admin.staff.form.new")
                        : getTranslation("admin.staff.form.edit", editing.username()));
        username.setLabel(getTranslation("admin.staff.username"));
        username.setHelperText(getTranslation("admin.staff.username.help"));
        displayName.setLabel(getTranslation("admin.staff.name"));
        roles.setLabel(getTranslation("admin.staff.roles"));
        roles.setItemLabelGenerator(this::roleLabel);
        password.setLabel(getTranslation("admin.staff.password"));
        password.setHelperText(getTranslation("admin.staff.password.help", AdminValues.MIN_PASSWORD_LENGTH));
        save.setText(getTranslation("admin.save"));
        accountHeading.setText(getTranslation("admin.staff.account"));
        toggleActive.setText(getTranslation(
                editing != null && !editing.active() ? "admin.staff.activate" : "admin.staff.deactivate"));
        newPassword.setLabel(getTranslation("admin.staff.newPassword"));
        setPassword.setText(getTranslation("admin.staff.setPassword"));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("admin.staff.title");
    }
}
