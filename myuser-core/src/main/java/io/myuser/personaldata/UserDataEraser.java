package io.myuser.personaldata;

/**
 * Erases one feature's or the host's data of a user whose account is being deleted: a contribution (every bean of
 * this type is called, in order: {@link org.springframework.core.Ordered} or {@code @Order}; MyUser's own come
 * first, see {@link PersonalDataOrder}). Erasers run in the one transaction that erases the account, which holds
 * the account's row lock, after the GDPR feature's own data and before the account row is anonymised, so a
 * failure rolls the whole erasure back and it is retried later. They must be idempotent.
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
