package com.nasnetconnect.ui;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The UI's uniform pattern, checked on its compiled classes: every controller is a {@link HeadlessController};
 * the shell and the screens do not know each other (navigation comes from {@code @Menu}); no screen looks its
 * services up (they arrive in its constructor from the {@link Screens} table).
 */
class UiShapeTest {
    static JavaClasses ui;

    @BeforeAll
    static void importClasses() {
        ui = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("com.nasnetconnect.ui");
    }

    @Test
    void everyControllerIsAHeadlessController() {
        classes().that().haveSimpleNameEndingWith("Controller").and().areTopLevelClasses()
                .and().doNotHaveSimpleName("HeadlessController")
                .should().beAssignableTo(HeadlessController.class).check(ui);
    }

    @Test
    void theShellAndTheScreensDoNotKnowEachOther() {
        noClasses().that().resideInAPackage("com.nasnetconnect.ui.shell..")
                .should().dependOnClassesThat().resideInAnyPackage("com.nasnetconnect.ui.dashboard..",
                        "com.nasnetconnect.ui.resources..", "com.nasnetconnect.ui.admin..", "com.nasnetconnect.ui.account..",
                        "com.nasnetconnect.ui.services..")
                .check(ui);
        noClasses().that().areAnnotatedWith(Route.class).and().resideOutsideOfPackage("com.nasnetconnect.ui.shell..")
                .should().dependOnClassesThat().haveSimpleName("MainLayout").check(ui);
    }

    @Test
    void noScreenLooksUpItsServices() {
        noClasses().that().areAnnotatedWith(Route.class)
                .should().dependOnClassesThat().areAssignableTo(VaadinService.class)
                .orShould().dependOnClassesThat().haveFullyQualifiedName("jakarta.servlet.ServletContext")
                .check(ui);
    }
}
