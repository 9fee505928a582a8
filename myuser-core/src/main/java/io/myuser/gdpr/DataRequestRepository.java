package io.myuser.gdpr;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/**
 * Stored data requests.
 */
public interface DataRequestRepository extends JpaRepository<DataRequest, UUID> {

	List<DataRequest> findByUserIdOrderByCreatedAtDesc(UUID userId);

	List<DataRequest> findByUserIdAndRequestTypeAndStatusIn(UUID userId, DataRequestType requestType,
			List<DataRequestStatus> statuses);

	Optional<DataRequest> findByIdAndUserId(UUID id, UUID userId);

	/**
	 * Read a request and lock its row until the transaction ends, so that processing and withdrawal never overlap.
	 * @param id the request
	 * @return the request, if it exists
	 */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select r from DataRequest r where r.id = :id")
	Optional<DataRequest> findForUpdate(@Param("id") UUID id);

}
