package io.myuser.sample.notes;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import io.myuser.gdpr.deletion.UserDataEraser;
import io.myuser.gdpr.export.DefaultUserDataExporter;
import io.myuser.gdpr.export.ExportArchive;
import io.myuser.gdpr.export.ExportContext;
import io.myuser.gdpr.export.UserDataExporter;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The host's own data in GDPR requests: a user's export holds their notes next to what MyUser exports, and
 * deleting their account deletes their notes. Declaring a {@link UserDataExporter} bean replaces MyUser's
 * exporter; this one extends it, so MyUser's files stay in the archive.
 */
@Configuration(proxyBeanMethods = false)
class NoteGdprConfiguration {

	@Bean
	UserDataExporter userDataExporter(DefaultUserDataExporter.Sources sources, NoteRepository notes) {
		return new NotesExporter(sources, notes);
	}

	@Bean
	UserDataEraser noteEraser(NoteRepository notes) {
		return (context) -> notes.deleteByOwnerId(context.userId());
	}

	/**
	 * MyUser's export plus {@code notes.jsonl}.
	 */
	static final class NotesExporter extends DefaultUserDataExporter {

		private final NoteRepository notes;

		NotesExporter(Sources sources, NoteRepository notes) {
			super(sources);
			this.notes = notes;
		}

		@Override
		public void export(ExportContext context, ExportArchive archive) throws IOException {
			super.export(context, archive);
			try (ExportArchive.JsonLinesWriter out = archive.jsonLines("notes.jsonl")) {
				for (Note note : read(() -> this.notes.findByOwnerIdOrderByCreatedAtDesc(context.userId()))) {
					Map<String, Object> line = new LinkedHashMap<>();
					line.put("id", note.getId().toString());
					line.put("text", note.getText());
					line.put("created_at", note.getCreatedAt());
					out.write(line);
				}
			}
		}

	}

}
