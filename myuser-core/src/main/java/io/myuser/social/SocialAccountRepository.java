package io.myuser.social;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/**
 * Stored social accounts.
 */
public interface SocialAccountRepository extends JpaRepository<SocialAccount, UUID> {

	Optional<SocialAccount> findByProviderAndUid(String provider, String uid);

	List<SocialAccount> findByUserIdOrderByDateJoinedDesc(UUID userId);

	Optional<SocialAccount> findByUserIdAndProvider(UUID userId, String provider);

	long countByUserId(UUID userId);

	List<SocialAccount> findByUserIdAndEmailVerifiedFalse(UUID userId);

	/**
	 * Delete every social account of a user, soft-deleted ones included (their account is being erased).
	 * @param userId the user
	 * @return how many were deleted
	 */
	@Modifying
	@Query(value = "delete from myuser_social_account where user_id = :userId", nativeQuery = true)
	int deleteAllByUserIdIncludingDeleted(@Param("userId") UUID userId);

}
