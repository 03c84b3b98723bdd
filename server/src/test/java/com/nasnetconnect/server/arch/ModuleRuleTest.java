package com.nasnetconnect.server.arch;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.nasnetconnect.routeros.api.RouterOsGateway;
import com.nasnetconnect.routeros.protocol.ApiWords;
import com.nasnetconnect.routeros.sim.RouterOsSimulator;
import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import java.net.URISyntaxException;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The module layout, checked on compiled classes: packages form no cycles, and the RouterOS modules keep apart
 * what they promise to keep apart. Each RouterOS module is imported from where its classes really come from (its
 * {@code target/classes} or its jar), so "the adapter has no simulator classes" is checked on the adapter's
 * artifact itself, not on a package name.
 */
class ModuleRuleTest {
    static JavaClasses all;
    static JavaClasses adapter;
    static JavaClasses simulator;
    static JavaClasses protocol;

    @BeforeAll
    static void importClasses() throws URISyntaxException {
        all = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("com.nasnetconnect");
        adapter = artifactOf(RouterOsGateway.class);
        simulator = artifactOf(RouterOsSimulator.class);
        protocol = artifactOf(ApiWords.class);
    }

    private static JavaClasses artifactOf(Class<?> member) throws URISyntaxException {
        var location = Location.of(member.getProtectionDomain().getCodeSource().getLocation().toURI());
        return new ClassFileImporter().importLocations(Set.of(location));
    }

    @Test
    void modulesFormNoCycles() {
        slices().matching("com.nasnetconnect.(*)..").should().beFreeOfCycles().check(all);
    }

    /**
     * Every package, in every module, is a slice; the schema's generated types ({@code domain.schema.types}) belong
     * to the schema's slice, since they are generated from the same file and call its one router-text converter.
     * One cycle exists and is named here, as narrowly as it is: {@code RouterMonitor} reads the database quarantine
     * status of {@code domain.state}, whose records carry a {@code RouterId}. Any other cycle fails the build;
     * delete the exception once its cycle is gone.
     */
    @Test
    void packagesFormNoCycles() {
        slices().assignedFrom(PACKAGES).should().beFreeOfCycles()
                .ignoreDependency(classNamed("com.nasnetconnect.domain.router.RouterMonitor"),
                        resideInAPackage("com.nasnetconnect.domain.state.."))
                .check(all);
    }

    static final SliceAssignment PACKAGES = new SliceAssignment() {
        @Override
        public SliceIdentifier getIdentifierOf(JavaClass c) {
            String pkg = c.getPackageName();
            if (!pkg.startsWith("com.nasnetconnect")) return SliceIdentifier.ignore();
            return SliceIdentifier.of(pkg.equals("com.nasnetconnect.domain.schema.types") ? "com.nasnetconnect.domain.schema" : pkg);
        }

        @Override
        public String getDescription() {
            return "packages of com.nasnetconnect (the schema's generated types with the schema)";
        }
    };

    private static DescribedPredicate<JavaClass> classNamed(String... names) {
        Set<String> wanted = Set.of(names);
        return DescribedPredicate.describe("one of " + wanted, c -> wanted.contains(c.getName()));
    }

    @Test
    void theAdapterArtifactHoldsNoSimulatorClass() {
        assertThat(adapter).as("classes of the adapter artifact").isNotEmpty();
        noClasses().should().resideInAPackage("com.nasnetconnect.routeros.sim..").check(adapter);
    }

    @Test
    void theAdapterDoesNotDependOnTheSimulator() {
        noClasses().should().dependOnClassesThat().resideInAPackage("com.nasnetconnect.routeros.sim..").check(adapter);
        noClasses().that().resideInAPackage("com.nasnetconnect.routeros.api..")
                .should().dependOnClassesThat().resideInAPackage("com.nasnetconnect.routeros.sim..")
                .check(all);
    }

    @Test
    void theSimulatorKnowsNeitherTheDomainNorTheAdapter() {
        assertThat(simulator).as("classes of the simulator artifact").isNotEmpty();
        noClasses().should().dependOnClassesThat().resideInAnyPackage("com.nasnetconnect.domain..",
                "com.nasnetconnect.routeros.api..", "com.nasnetconnect.storage..", "com.nasnetconnect.server..",
                "com.nasnetconnect.ui..").check(simulator);
    }

    @Test
    void theWordCodecDependsOnJavaOnly() {
        assertThat(protocol).as("classes of the protocol artifact").isNotEmpty();
        classes().should().onlyDependOnClassesThat().resideInAnyPackage("java..", "com.nasnetconnect.routeros.protocol..")
                .check(protocol);
    }
}
