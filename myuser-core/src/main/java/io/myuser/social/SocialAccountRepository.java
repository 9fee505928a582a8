package io.myuser.social;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

/**
 * Stored social accounts.
 */
public interface SocialAccountRepository extends JpaRepository<SocialAccount, UUID> {

	Optional<SocialAccount> findByProviderAndUid(String provider, String uid);

	List<SocialAccount> findByUserIdOrderByDateJoinedDesc(UUID userId);

}
