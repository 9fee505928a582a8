package io.myuser.sample.audit;

/**
 * {@link AuditLogApiTests} on H2.
 */
class AuditLogApiH2Tests extends AuditLogApiTests {

}
