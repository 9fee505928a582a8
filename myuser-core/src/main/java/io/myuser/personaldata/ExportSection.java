package io.myuser.personaldata;

import java.io.IOException;

/**
 * Writes one part of a user's export archive: a contribution. Every bean of this type is called, in order
 * ({@link org.springframework.core.Ordered} or {@code @Order}), by MyUser's default exporter; MyUser's own sections
 * come first ({@link PersonalDataOrder}), a host's without an order after them. A host adds its data with a bean:
 * <pre class="code">
 * &#64;Bean
 * ExportSection orderExport(OrderRepository orders, PersonalDataReader reader) {
 *     return (context, archive) -&gt; {
 *         try (ExportArchive.JsonLinesWriter out = archive.jsonLines("orders.jsonl")) {
 *             for (Order order : reader.read(() -&gt; orders.findByCustomerId(context.userId()))) {
 *                 out.write(order.toExport());
 *             }
 *         }
 *     };
 * }
 * </pre>
 * Sections run on the job engine, outside any transaction; one that throws fails the export attempt, which is
 * retried. A section writes nothing when it has nothing to say, or an empty file when the absence is the answer.
 */
@FunctionalInterface
public interface ExportSection {

	/**
	 * Write this section's files.
	 * @param context whose data, and for which request
	 * @param archive where to write it
	 * @throws IOException when the archive cannot be written
	 */
	void write(ExportContext context, ExportArchive archive) throws IOException;

}
