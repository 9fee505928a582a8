package io.myuser.gdpr.deletion;

/**
 * Erases a host's own data of a user whose account is being deleted: a contribution (every bean of this type is
 * called, in {@code @Order}). Erasers run in the transaction that erases MyUser's data, after MyUser's own
 * erasure and before the account row is anonymised, so a failure rolls the whole erasure back and it is retried
 * later. They must be idempotent.
 * <pre class="code">
 * &#64;Bean
 * UserDataEraser orderEraser(OrderRepository orders) {
 *     return (context) -&gt; orders.anonymiseCustomer(context.userId());
 * }
 * </pre>
 */
@FunctionalInterface
public interface UserDataEraser {

	/**
	 * Erase or anonymise the user's data.
	 * @param context whose data, and what is known of them before the erasure
	 */
	void erase(ErasureContext context);

}
