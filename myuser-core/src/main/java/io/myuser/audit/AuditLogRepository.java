package io.myuser.audit;

import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

/**
 * Stored audit rows.
 */
public interface AuditLogRepository extends JpaRepository<AuditLog, UUID> {

	List<AuditLog> findByUserIdOrderByCreatedAtDesc(UUID userId);

	List<AuditLog> findByEventTypeOrderByCreatedAtDesc(AuditEventType eventType);

	long countByUserIdAndEventType(UUID userId, AuditEventType eventType);

}
