package io.myuser.gdpr;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/**
 * Stored export archives.
 */
public interface DataExportFileRepository extends JpaRepository<DataExportFile, UUID> {

	Optional<DataExportFile> findByTokenHash(String tokenHash);

	List<DataExportFile> findByUserId(UUID userId);

	List<DataExportFile> findByDataRequestId(UUID dataRequestId);

	/**
	 * Count a download, if one is left: succeeds for exactly as many callers as the limit allows, however many
	 * download at once.
	 * @param id the archive
	 * @param now the time
	 * @return 1 when the download may go ahead, 0 when the archive expired, is gone or is used up
	 */
	@Modifying(flushAutomatically = true, clearAutomatically = true)
	@Query("update DataExportFile f set f.downloadCount = f.downloadCount + 1, f.lastDownloadedAt = :now, "
			+ "f.version = f.version + 1 where f.id = :id and f.fileDeletedAt is null and f.expiresAt > :now "
			+ "and (f.maxDownloads is null or f.downloadCount < f.maxDownloads)")
	int countDownload(@Param("id") UUID id, @Param("now") Instant now);

	/**
	 * Archives whose time is up and whose file is still stored, in order of expiry and id, after a given one
	 * (keyset paging: a file that cannot be deleted does not hold up the ones after it).
	 * @param now the time
	 * @param afterExpiry the expiry of the last archive of the previous page
	 * @param afterId the id of the last archive of the previous page
	 * @param limit how many at most
	 * @return the archives
	 */
	@Query("select f from DataExportFile f where f.fileDeletedAt is null and f.expiresAt <= :now "
			+ "and f.expiresAt >= :afterExpiry and (f.expiresAt > :afterExpiry or f.id > :afterId) "
			+ "order by f.expiresAt, f.id")
	List<DataExportFile> findExpiredWithFile(@Param("now") Instant now, @Param("afterExpiry") Instant afterExpiry,
			@Param("afterId") UUID afterId, Limit limit);

}
