package io.myuser.gdpr.export;

import java.io.IOException;

/**
 * Writes a user's data into their export archive: a replaceable strategy. MyUser's
 * {@link DefaultUserDataExporter} writes everything MyUser stores; a host that keeps data of its own declares a
 * bean of this type, usually extending the default, to add its files:
 * <pre class="code">
 * &#64;Bean
 * UserDataExporter userDataExporter(DefaultUserDataExporter.Sources sources, OrderRepository orders) {
 *     return new DefaultUserDataExporter(sources) {
 *         &#64;Override
 *         public void export(ExportContext context, ExportArchive archive) throws IOException {
 *             super.export(context, archive);
 *             try (ExportArchive.JsonLinesWriter out = archive.jsonLines("orders.jsonl")) {
 *                 for (Order order : orders.findByCustomerId(context.userId())) {
 *                     out.write(order.toExport());
 *                 }
 *             }
 *         }
 *     };
 * }
 * </pre>
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
