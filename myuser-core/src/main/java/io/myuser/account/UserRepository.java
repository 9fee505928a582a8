package io.myuser.account;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/**
 * Stored user accounts. Derived queries see live accounts only; the {@code ...IncludingDeleted} methods also
 * reach soft-deleted ones.
 */
public interface UserRepository extends JpaRepository<User, UUID> {

	Optional<User> findByEmailCanonical(String emailCanonical);

	boolean existsByEmailCanonical(String emailCanonical);

	@Query(value = "select * from myuser_user where id = :id", nativeQuery = true)
	Optional<User> findByIdIncludingDeleted(@Param("id") UUID id);

	@Query(value = "select count(*) from myuser_user where lower(email) = :emailCanonical", nativeQuery = true)
	long countByEmailIncludingDeleted(@Param("emailCanonical") String emailCanonical);

}
