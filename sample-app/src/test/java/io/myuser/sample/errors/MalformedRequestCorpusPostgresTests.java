package io.myuser.sample.errors;

import io.myuser.sample.test.PostgresTest;

/**
 * {@link MalformedRequestCorpusTests} on PostgreSQL.
 */
@PostgresTest
class MalformedRequestCorpusPostgresTests extends MalformedRequestCorpusTests {

}
