package com.nasnetconnect.server.arch;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.nasnetconnect.domain.common.OutPort;
import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The hexagonal dependency rule, checked on the compiled classes of every module (the server's test class path
 * holds them all): the domain depends on nothing but Java; adapters depend on the domain only, never on each
 * other or on the composition root; headless controllers have no Vaadin in them; GraphQL, the web handlers and the
 * UI enter the domain through in-ports only, never through an out-port ({@link OutPort}).
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

    /** A domain out-port, or an adapter's implementation of one (using {@code SqliteResourceStore} is using the port). */
    static final DescribedPredicate<JavaClass> OUT_PORT = new DescribedPredicate<>("domain out-ports (@OutPort) and their adapters") {
        @Override
        public boolean test(JavaClass c) {
            return isOutPort(c) || (!c.getPackageName().startsWith("com.nasnetconnect.domain")
                    && c.getAllRawInterfaces().stream().anyMatch(DependencyRuleTest::isOutPort));
        }
    };

    /**
     * Where objects are built, so out-ports are handed over: the composition root ({@code Wiring}, {@code Main}), the
     * builders it calls ({@code SecurityWiring}; {@code GraphQlEndpoint}, which builds the redactor over the
     * reveal-audit out-port) and the command line, each command being the composition root of its own process.
     */
    static final DescribedPredicate<JavaClass> BUILDS_OBJECTS = new DescribedPredicate<>("the composition root and builders") {
        final Set<String> roots = Set.of("com.nasnetconnect.server.Wiring", "com.nasnetconnect.server.Main",
                "com.nasnetconnect.server.auth.SecurityWiring", "com.nasnetconnect.server.graphql.GraphQlEndpoint",
                // the benchmarks build their own gateway and stores, each a composition root of its own
                "com.nasnetconnect.server.bench.ApplyBenchmark", "com.nasnetconnect.server.bench.FactoryBenchmark",
                "com.nasnetconnect.server.bench.EventsBenchmark", "com.nasnetconnect.server.bench.BenchRouter");

        @Override
        public boolean test(JavaClass c) {
            String outer = c.getName().split("\\$")[0];
            return roots.contains(outer) || c.getPackageName().startsWith("com.nasnetconnect.server.cli");
        }
    };

    static boolean isOutPort(JavaClass c) {
        return c.isAnnotatedWith(OutPort.class) || c.getEnclosingClass().map(e -> e.isAnnotatedWith(OutPort.class)).orElse(false);
    }

    @Test
    void graphQlTheWebAndTheUiEnterTheDomainThroughInPortsOnly() {
        noClasses().that().resideInAnyPackage("com.nasnetconnect.server..", "com.nasnetconnect.ui..")
                .and(not(BUILDS_OBJECTS))
                .should().dependOnClassesThat(OUT_PORT)
                .check(classes);
    }

    @Test
    void everyDomainInterfaceAnAdapterImplementsIsMarkedAsAnOutPort() {
        classes().that().resideInAnyPackage("com.nasnetconnect.storage..", "com.nasnetconnect.routeros..")
                .should(new ArchCondition<>("implement only domain interfaces marked @OutPort") {
                    @Override
                    public void check(JavaClass c, ConditionEvents events) {
                        c.getRawInterfaces().stream()
                                .filter(i -> i.getPackageName().startsWith("com.nasnetconnect.domain") && !isOutPort(i))
                                .forEach(i -> events.add(SimpleConditionEvent.violated(c, c.getName() + " implements "
                                        + i.getName() + ", a domain interface not marked @OutPort")));
                    }
                })
                .check(classes);
    }

    @Test
    void theOutPortsTheDomainNeedsAreMarkedAndItsInPortsAreNot() {
        assertThat(List.of("router.RouterGateway", "router.RouterRepository", "state.ResourceStore", "state.EventLog",
                "state.DatabaseStatus", "state.FreshStarts", "state.ResourceEventPublisher", "apply.ApplyLedger",
                "schema.SecretRevealAudit", "security.UserStore", "security.ApiKeyStore", "security.SessionStore",
                "security.AuditLog", "security.SecretCipher", "security.SecretResealer", "security.LoginThrottleStore",
                "security.PasswordHasher"))
                .allSatisfy(name -> assertThat(isOutPort(classes.get("com.nasnetconnect.domain." + name))).as(name).isTrue());
        assertThat(List.of("apply.ResourceChanges", "apply.ResourceQueries", "apply.RouterRegistration", "state.DatabaseHealthCheck",
                "router.RouterStatusFeed", "security.ApiKeys", "security.Sessions", "security.Authenticator",
                "security.UserAdministration", "security.AuditTrail"))
                .allSatisfy(name -> assertThat(isOutPort(classes.get("com.nasnetconnect.domain." + name))).as(name).isFalse());
        // the rule sees an adapter as its out-port: the composition root, which builds them, is caught by it
        assertThat(classes.get("com.nasnetconnect.server.Wiring").getDirectDependenciesFromSelf().stream()
                .map(d -> d.getTargetClass()).filter(OUT_PORT).map(JavaClass::getSimpleName))
                .contains("SqliteResourceStore", "RouterOsGateway", "SqliteRouterRepository");
    }
}
