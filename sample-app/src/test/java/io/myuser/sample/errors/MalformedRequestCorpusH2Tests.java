package io.myuser.sample.errors;

/**
 * {@link MalformedRequestCorpusTests} on H2.
 */
class MalformedRequestCorpusH2Tests extends MalformedRequestCorpusTests {

}
