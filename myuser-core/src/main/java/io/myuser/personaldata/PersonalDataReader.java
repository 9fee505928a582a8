package io.myuser.personaldata;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;

import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.Assert;

/**
 * Reads personal data for an export: each read in a read-only transaction of its own, and long histories page by
 * page in keyset order, each page handed on before the next is read, so that memory does not grow with the
 * history and no transaction stays open while the archive is written.
 */
public final class PersonalDataReader {

	/** The oldest possible keyset position. */
	private static final Position FIRST = new Position(Instant.EPOCH.minusSeconds(1), new UUID(0, 0));

	private final TransactionTemplate readOnly;

	public PersonalDataReader(PlatformTransactionManager transactionManager) {
		Assert.notNull(transactionManager, "transactionManager cannot be null");
		this.readOnly = new TransactionTemplate(transactionManager);
		this.readOnly.setReadOnly(true);
	}

	/**
	 * Run a read in a read-only transaction of its own.
	 * @param <R> the result type
	 * @param read the read
	 * @return its result
	 */
	public <R> R read(Supplier<R> read) {
		Assert.notNull(read, "read cannot be null");
		R result = this.readOnly.execute((status) -> read.get());
		Assert.state(result != null, "a read returned nothing");
		return result;
	}

	/**
	 * Read rows page by page in keyset order (time, then id), each page in a read-only transaction of its own, and
	 * hand each row to a consumer before the next page is read.
	 * @param <T> the row type
	 * @param pageSize the rows per page
	 * @param page reads the page of at most {@code pageSize} rows after a position
	 * @param position the keyset position of a row
	 * @param consumer what to do with each row
	 * @throws IOException when the consumer fails to write
	 */
	public <T> void forEachPage(int pageSize, Function<Position, List<T>> page, Function<T, Position> position,
			RowConsumer<T> consumer) throws IOException {
		Assert.isTrue(pageSize > 0, "pageSize must be positive");
		Position after = FIRST;
		while (true) {
			Position from = after;
			List<T> rows = read(() -> page.apply(from));
			for (T row : rows) {
				consumer.accept(row);
			}
			if (rows.size() < pageSize) {
				return;
			}
			after = position.apply(rows.get(rows.size() - 1));
		}
	}

	/**
	 * A keyset position: the ordering time and id of the last row read.
	 *
	 * @param time the time
	 * @param id the id
	 */
	public record Position(Instant time, UUID id) {

		public Position {
			Assert.notNull(time, "time cannot be null");
			Assert.notNull(id, "id cannot be null");
		}

	}

	/**
	 * Takes one row.
	 *
	 * @param <T> the row type
	 */
	@FunctionalInterface
	public interface RowConsumer<T> {

		void accept(T row) throws IOException;

	}

}
