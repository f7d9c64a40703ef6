/** A package-level sequence generator, shared by entities of this package. */
@SequenceGenerator(name = "shared_gen", sequenceName = "shared_seq", initialValue = 1000, allocationSize = 5)
package dev.autogen.metadata.mapping.generators;

import jakarta.persistence.SequenceGenerator;
