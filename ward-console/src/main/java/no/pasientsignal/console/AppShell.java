package no.pasientsignal.console;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Meta;
import com.vaadin.flow.component.page.Push;
import com.vaadin.flow.component.page.Viewport;
import com.vaadin.flow.theme.lumo.Lumo;

/**
 * The page around every view: server push (so calls appear without a reload), the Lumo theme and the console's own
 * plain stylesheet. Only {@code @StyleSheet} is used for styling: it is linked at run time, so the pre-compiled Vaadin
 * production bundle stays usable and the build needs no Node.js ({@code @CssImport}, {@code @JsModule} or
 * {@code @NpmPackage} would force a frontend build).
 */
@Push
@StyleSheet(Lumo.STYLESHEET)
@StyleSheet("styles/ward-console.css")
@StyleSheet("styles/board.css")
@StyleSheet("styles/devices.css")
@StyleSheet("styles/quality.css")
@StyleSheet("styles/admin.css")
@Viewport("width=device-width, initial-scale=1")
@Meta(name = "color-scheme", content = "light")
public class AppShell implements AppShellConfigurator {}
