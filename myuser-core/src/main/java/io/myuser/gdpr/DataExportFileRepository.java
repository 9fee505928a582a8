package io.myuser.gdpr;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

/**
 * Stored export archives.
 */
public interface DataExportFileRepository extends JpaRepository<DataExportFile, UUID> {

	Optional<DataExportFile> findByTokenHash(String tokenHash);

	List<DataExportFile> findByUserId(UUID userId);

}
