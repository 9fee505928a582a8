package io.myuser.sample.notes;

import java.util.LinkedHashMap;
import java.util.Map;

import io.myuser.personaldata.ExportArchive;
import io.myuser.personaldata.ExportSection;
import io.myuser.personaldata.PersonalDataReader;
import io.myuser.personaldata.UserDataEraser;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The host's own data in GDPR requests, contributed the way MyUser's features contribute theirs: a user's export
 * holds their notes ({@code notes.jsonl}) after MyUser's files, and deleting their account deletes their notes.
 * Neither bean needs MyUser's GDPR feature: with {@code myuser.gdpr.enabled=false} they are simply not called.
 */
@Configuration(proxyBeanMethods = false)
class NoteGdprConfiguration {

	@Bean
	ExportSection noteExportSection(NoteRepository notes, PersonalDataReader reader) {
		return (context, archive) -> {
			try (ExportArchive.JsonLinesWriter out = archive.jsonLines("notes.jsonl")) {
				for (Note note : reader.read(() -> notes.findByOwnerIdOrderByCreatedAtDesc(context.userId()))) {
					Map<String, Object> line = new LinkedHashMap<>();
					line.put("id", note.getId().toString());
					line.put("text", note.getText());
					line.put("created_at", note.getCreatedAt());
					out.write(line);
				}
			}
		};
	}

	@Bean
	UserDataEraser noteEraser(NoteRepository notes) {
		return (context) -> notes.deleteByOwnerId(context.userId());
	}

}
