package io.myuser.sample.schema;

/**
 * {@link SchemaHistoryTests} on H2.
 */
class SchemaHistoryH2Tests extends SchemaHistoryTests {

}
