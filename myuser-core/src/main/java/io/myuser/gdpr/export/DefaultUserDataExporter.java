package io.myuser.gdpr.export;

import java.io.IOException;
import java.util.List;

import io.myuser.personaldata.ExportArchive;
import io.myuser.personaldata.ExportContext;
import io.myuser.personaldata.ExportSection;

import org.springframework.util.Assert;

/**
 * Exports everything MyUser and the host store about a user by writing every {@link ExportSection} in order:
 * MyUser's features contribute {@code user_info.json}, {@code profile.json}, {@code sessions.csv},
 * {@code audit_logs.jsonl}, {@code social_accounts.json}, {@code data_requests.json} and
 * {@code consent_history.csv} (features that are switched off contribute nothing), then come the host's sections.
 * <p>
 * A host adds its data with an {@link ExportSection} bean; it replaces the whole export with a
 * {@link UserDataExporter} bean of its own (which may extend this one).
 */
public class DefaultUserDataExporter implements UserDataExporter {

	private final List<ExportSection> sections;

	/**
	 * Create an exporter of the given sections.
	 * @param sections the sections, in the order they are written
	 */
	public DefaultUserDataExporter(List<ExportSection> sections) {
		Assert.notNull(sections, "sections cannot be null");
		this.sections = List.copyOf(sections);
	}

	/**
	 * Return the sections, in the order they are written.
	 * @return the sections
	 */
	public final List<ExportSection> sections() {
		return this.sections;
	}

	@Override
	public void export(ExportContext context, ExportArchive archive) throws IOException {
		for (ExportSection section : this.sections) {
			section.write(context, archive);
		}
	}

}
