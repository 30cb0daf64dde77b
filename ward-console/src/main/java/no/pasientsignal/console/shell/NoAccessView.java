package no.pasientsignal.console.shell;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;

/** Where the guard sends a user who opened a view their roles do not allow. Open to every signed-in user. */
@Route(value = "no-access", layout = MainLayout.class)
public final class NoAccessView extends Div implements HasDynamicTitle {

    public NoAccessView() {
        addClassName("error-view");
        Paragraph text = new Paragraph(getTranslation("shell.noAccess.text"));
        text.setId("no-access");
        add(new H1(getTranslation("shell.noAccess.heading")), text);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("shell.noAccess.heading");
    }
}
