package io.myuser.sample.audit;

/**
 * {@link AuditAfterCommitTests} on H2.
 */
class AuditAfterCommitH2Tests extends AuditAfterCommitTests {

}
