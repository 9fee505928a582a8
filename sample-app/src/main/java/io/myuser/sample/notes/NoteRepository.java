package io.myuser.sample.notes;

import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface NoteRepository extends JpaRepository<Note, UUID> {

	List<Note> findByOwnerIdOrderByCreatedAtDesc(UUID ownerId);

}
