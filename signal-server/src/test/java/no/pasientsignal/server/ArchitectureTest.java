package no.pasientsignal.server;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The domain must stay testable and replayable without a network: no transport types in it. */
class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("no.pasientsignal.server");

    @Test
    void domain_imports_no_transport_ui_or_index_types() {
        noClasses()
                .that()
                .resideInAnyPackage(
                        "..server.alarm..",
                        "..server.routing..",
                        "..server.audit..",
                        "..server.facility..",
                        "..server.provisioning..",
                        "..server.report..",
                        "..server.staff..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.eclipse.californium..", "io.micronaut.http..", "com.vaadin..", "org.apache.lucene..")
                .check(CLASSES);
    }

    @Test
    void domain_does_not_depend_on_transport_packages_of_this_server() {
        noClasses()
                .that()
                .resideInAnyPackage(
                        "..server.alarm..",
                        "..server.audit..",
                        "..server.report..",
                        "..server.facility..",
                        "..server.provisioning..",
                        "..server.staff..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("..server.coap..", "..server.api..")
                .check(CLASSES);
    }
}
