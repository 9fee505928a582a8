package io.myuser.sample.notes;

import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface NoteRepository extends JpaRepository<Note, UUID> {

	List<Note> findByOwnerIdOrderByCreatedAtDesc(UUID ownerId);

	@Modifying
	@Query("delete from Note n where n.ownerId = :ownerId")
	int deleteByOwnerId(@Param("ownerId") UUID ownerId);

}
