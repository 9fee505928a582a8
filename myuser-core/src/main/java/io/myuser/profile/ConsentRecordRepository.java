package io.myuser.profile;

import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

/**
 * The consent history.
 */
public interface ConsentRecordRepository extends JpaRepository<ConsentRecord, UUID> {

	List<ConsentRecord> findByUserIdOrderByRecordedAtDesc(UUID userId);

	List<ConsentRecord> findByUserIdOrderByRecordedAtAsc(UUID userId);

}
