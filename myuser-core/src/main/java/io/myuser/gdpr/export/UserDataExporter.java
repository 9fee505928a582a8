package io.myuser.gdpr.export;

import java.io.IOException;

import io.myuser.personaldata.ExportArchive;
import io.myuser.personaldata.ExportContext;

/**
 * Writes a user's data into their export archive: a replaceable strategy. MyUser's
 * {@link DefaultUserDataExporter} writes every {@link io.myuser.personaldata.ExportSection} bean, MyUser's and the
 * host's; a host that only adds data of its own declares an {@code ExportSection} bean, and one that wants another
 * export altogether declares a bean of this type.
 * <p>
 * MyUser adds {@code export_info.json} (request id and dates, format version, the list of files) after the
 * exporter returns. An exporter that throws fails the attempt: the partial archive is discarded and the export is
 * retried. Exporters run on the job engine, outside any transaction.
 */
@FunctionalInterface
public interface UserDataExporter {

	/**
	 * Write the user's data.
	 * @param context whose data, and for which request
	 * @param archive where to write it
	 * @throws IOException when the archive cannot be written
	 */
	void export(ExportContext context, ExportArchive archive) throws IOException;

}
