package io.myuser.gdpr;

import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

/**
 * Stored data requests.
 */
public interface DataRequestRepository extends JpaRepository<DataRequest, UUID> {

	List<DataRequest> findByUserIdOrderByCreatedAtDesc(UUID userId);

	List<DataRequest> findByUserIdAndRequestTypeAndStatusIn(UUID userId, DataRequestType requestType,
			List<DataRequestStatus> statuses);

}
