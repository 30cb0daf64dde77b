package no.pasientsignal.console;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.vaadin.flow.component.dependency.CssImport;
import com.vaadin.flow.component.dependency.JavaScript;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.dependency.NpmPackage;
import org.junit.jupiter.api.Test;

/** Layering of the console, and the rule that keeps the build free of Node.js. */
class ArchitectureTest {

    private static final JavaClasses CONSOLE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("no.pasientsignal.console");

    @Test
    void the_client_knows_nothing_of_vaadin_or_the_features() {
        noClasses()
                .that()
                .resideInAPackage("..console.client..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("com.vaadin..", "..console.board..", "..console.login..")
                .check(CONSOLE);
    }

    @Test
    void services_use_no_vaadin_components_and_no_views() {
        noClasses()
                .that()
                .resideInAPackage("..service..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("com.vaadin.flow.component..", "..ui..")
                .check(CONSOLE);
    }

    @Test
    void views_call_services_and_the_client_but_never_each_others_features_views() {
        noClasses()
                .that()
                .resideInAPackage("..console.board..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("..console.login.ui..")
                .check(CONSOLE);
    }

    /**
     * The pre-compiled production bundle only covers applications without frontend code of their own; any of these
     * annotations would make the build run npm and Vite (Node.js). Style with {@code @StyleSheet} instead.
     */
    @Test
    void nothing_needs_a_frontend_build() {
        noClasses()
                .should()
                .beAnnotatedWith(CssImport.class)
                .orShould()
                .beAnnotatedWith(JsModule.class)
                .orShould()
                .beAnnotatedWith(JavaScript.class)
                .orShould()
                .beAnnotatedWith(NpmPackage.class)
                .orShould()
                .beAnnotatedWith(CssImport.Container.class)
                .orShould()
                .beAnnotatedWith(JsModule.Container.class)
                .orShould()
                .beAnnotatedWith(JavaScript.Container.class)
                .orShould()
                .beAnnotatedWith(NpmPackage.Container.class)
                .check(CONSOLE);
    }
}
