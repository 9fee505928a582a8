package io.myuser.sample.notes;

import java.time.Clock;
import java.util.List;

import io.myuser.security.AuthenticatedUser;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The host's own API, protected by MyUser access tokens: each user reads and writes their own notes.
 */
@RestController
@RequestMapping("/api/notes")
class NoteController {

	private final NoteRepository notes;

	private final Clock clock;

	NoteController(NoteRepository notes, Clock clock) {
		this.notes = notes;
		this.clock = clock;
	}

	@GetMapping
	List<NoteView> list(@AuthenticationPrincipal AuthenticatedUser user) {
		return this.notes.findByOwnerIdOrderByCreatedAtDesc(user.userId()).stream().map(NoteView::of).toList();
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	NoteView create(@AuthenticationPrincipal AuthenticatedUser user, @Valid @RequestBody NewNote body) {
		return NoteView.of(this.notes.save(new Note(user.userId(), body.text(), this.clock.instant())));
	}

	record NewNote(@NotBlank @Size(max = 1000) String text) {
	}

	record NoteView(String id, String text, String createdAt) {

		static NoteView of(Note note) {
			return new NoteView(note.getId().toString(), note.getText(), note.getCreatedAt().toString());
		}

	}

}
