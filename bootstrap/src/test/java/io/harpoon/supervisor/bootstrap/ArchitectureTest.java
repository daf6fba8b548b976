package io.harpoon.supervisor.bootstrap;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_USE_FIELD_INJECTION;
import static com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_USE_JAVA_UTIL_LOGGING;
import static com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_THROW_GENERIC_EXCEPTIONS;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The architecture of STYLE.md, checked on the compiled main classes of every module. */
class ArchitectureTest {

  private static final String ROOT = "io.harpoon.supervisor";
  private static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages(ROOT);
  }

  @Test
  void domain_dependsOnTheJdkCoreOnly() {
    classes().that().resideInAPackage(ROOT + ".domain..")
        .should().onlyDependOnClassesThat()
        .resideInAnyPackage(ROOT + ".domain..", "java.lang..", "java.util", "java.util.function",
            "java.util.regex", "java.util.stream", "java.time..", "java.math")
        .check(classes);
  }

  @Test
  void coreNeverReadsTheClockOrRandomnessItself() {
    noClasses().that().resideInAnyPackage(ROOT + ".domain..", ROOT + ".application..")
        .should().callMethod(java.time.Instant.class, "now")
        .orShould().callMethod(java.time.LocalDateTime.class, "now")
        .orShould().callMethod(System.class, "currentTimeMillis")
        .orShould().callMethod(System.class, "nanoTime")
        .orShould().callMethod(java.util.UUID.class, "randomUUID")
        .orShould().callMethod(Math.class, "random")
        .orShould().dependOnClassesThat().areAssignableTo(java.util.Random.class)
        .check(classes);
  }

  @Test
  void application_knowsNoAdapterBootstrapOrLibrary() {
    noClasses().that().resideInAPackage(ROOT + ".application..")
        .should().dependOnClassesThat()
        .resideInAnyPackage(ROOT + ".adapters..", ROOT + ".bootstrap..", "jnr..", "com.fasterxml..",
            "com.google.inject..", "org.apache.commons.cli..")
        .check(classes);
  }

  /**
   * jnr-posix's {@code POSIXFactory} binds ≈ 250 libc functions and generates stubs at run time that no
   * class data archive holds (200-290 ms of CPU): the process layer binds its own few calls instead
   * (adapters.posix.LinuxLibC). The start path's class list is checked too (it-tests StartPathBudgetTest).
   */
  @Test
  void nothing_usesJnrPosix() {
    noClasses().should().dependOnClassesThat().resideInAPackage("jnr.posix..").check(classes);
  }

  @Test
  void injection_onlyInBootstrap() {
    noClasses().that().resideOutsideOfPackage(ROOT + ".bootstrap..")
        .should().dependOnClassesThat()
        .resideInAnyPackage("com.google.inject..", "javax.inject..", "jakarta.inject..")
        .check(classes);
  }

  @Test
  void adapters_doNotDependOnEachOther() {
    slices().matching(ROOT + ".adapters.(*)..")
        .should().notDependOnEachOther()
        .ignoreDependency(com.tngtech.archunit.base.DescribedPredicate.alwaysTrue(),
            com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage(
                ROOT + ".adapters.json..", ROOT + ".adapters.posix.."))
        .check(classes);
  }

  @Test
  void ports_areInterfacesRecordsEnumsOrTheirFailures() {
    classes().that().resideInAnyPackage(ROOT + ".application.port.in..", ROOT + ".application.port.out..")
        .and().areTopLevelClasses().and().doNotHaveSimpleName("package-info")
        .should().beInterfaces().orShould().beRecords().orShould().beEnums()
        .orShould().beAssignableTo(Exception.class)
        .check(classes);
  }

  @Test
  void modules_areFreeOfCycles() {
    slices().matching(ROOT + ".(**)").should().beFreeOfCycles().check(classes);
  }

  @Test
  void codingRules_noFieldInjectionNoJulNoGenericExceptions() {
    NO_CLASSES_SHOULD_USE_FIELD_INJECTION.check(classes);
    NO_CLASSES_SHOULD_USE_JAVA_UTIL_LOGGING.check(classes);
    NO_CLASSES_SHOULD_THROW_GENERIC_EXCEPTIONS.check(classes);
  }

  @Test
  void standardStreams_onlyInTheLogAdapterAndMain() {
    noClasses().that().resideOutsideOfPackages(ROOT + ".adapters.log..", ROOT + ".bootstrap..")
        .should().accessField(System.class, "out").orShould().accessField(System.class, "err")
        .check(classes);
  }

  @Test
  void domainFields_areFinal() {
    fields().that().areDeclaredInClassesThat().resideInAPackage(ROOT + ".domain..")
        .should().beFinal()
        .check(classes);
  }
}
