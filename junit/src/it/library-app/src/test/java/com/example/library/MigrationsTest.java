package com.example.library;

import dev.autogen.junit.AutogenMigrationChecks;
import dev.autogen.junit.AutogenMigrationTests;

/** The one class a user adds: autogen verify's checks of the migrations as this build's tests. */
@AutogenMigrationTests(packages = "com.example.library")
class MigrationsTest implements AutogenMigrationChecks {}
