package com.nasnetconnect.server.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The hexagonal dependency rule, checked on the compiled classes of every module (the server's test class path
 * holds them all): the domain depends on nothing but Java; adapters depend on the domain only, never on each
 * other or on the composition root; headless controllers have no Vaadin in them.
 */
class DependencyRuleTest {
    static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("com.nasnetconnect");
    }

    @Test
    void domainDependsOnJavaOnly() {
        classes().that().resideInAPackage("com.nasnetconnect.domain..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "com.nasnetconnect.domain..")
                .check(classes);
    }

    @Test
    void storageDependsOnTheDomainAndNoOtherModule() {
        noClasses().that().resideInAPackage("com.nasnetconnect.storage..")
                .should().dependOnClassesThat().resideInAnyPackage("com.nasnetconnect.routeros..",
                        "com.nasnetconnect.ui..", "com.nasnetconnect.server..")
                .check(classes);
    }

    @Test
    void routerOsDependsOnTheDomainAndNoOtherModule() {
        noClasses().that().resideInAPackage("com.nasnetconnect.routeros..")
                .should().dependOnClassesThat().resideInAnyPackage("com.nasnetconnect.storage..",
                        "com.nasnetconnect.ui..", "com.nasnetconnect.server..")
                .check(classes);
    }

    @Test
    void uiDependsOnTheDomainAndNoOtherModule() {
        noClasses().that().resideInAPackage("com.nasnetconnect.ui..")
                .should().dependOnClassesThat().resideInAnyPackage("com.nasnetconnect.storage..",
                        "com.nasnetconnect.routeros..", "com.nasnetconnect.server..")
                .check(classes);
    }

    @Test
    void headlessControllersHaveNoVaadinImport() {
        noClasses().that().haveSimpleNameEndingWith("Controller").and().resideInAPackage("com.nasnetconnect.ui..")
                .should().dependOnClassesThat().resideInAPackage("com.vaadin..")
                .check(classes);
    }
}
