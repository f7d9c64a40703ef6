/** Entities that record Hibernate's type spellings; the package declares a sequence generator. */
@SequenceGenerator(name = "counter_gen", sequenceName = "counter_seq", initialValue = 100, allocationSize = 10)
package dev.autogen.metadata.types;

import jakarta.persistence.SequenceGenerator;
