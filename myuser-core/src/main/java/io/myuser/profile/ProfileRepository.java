package io.myuser.profile;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/**
 * Stored profiles.
 */
public interface ProfileRepository extends JpaRepository<Profile, UUID> {

	Optional<Profile> findByUserId(UUID userId);

	/**
	 * Read the profile of a live, active account as its view, in one query that loads no entity.
	 * @param userId the user
	 * @return the view, or empty when there is no live, active account of that id or it has no profile yet
	 */
	@Query("select new io.myuser.profile.ProfileView(u.id, u.email, u.firstName, u.lastName, u.emailVerified, "
			+ "u.dateJoined, p.marketingConsent, p.marketingConsentUpdatedAt) "
			+ "from User u join Profile p on p.userId = u.id where u.id = :userId and u.active = true")
	Optional<ProfileView> findViewOfActiveUser(@Param("userId") UUID userId);

}
