package io.myuser.support.persistence;

import org.jspecify.annotations.Nullable;

import org.springframework.data.jpa.repository.query.DeclaredQuery;
import org.springframework.data.jpa.repository.query.QueryEnhancer;
import org.springframework.data.jpa.repository.query.QueryEnhancerFactory;
import org.springframework.data.jpa.repository.query.QueryEnhancerSelector;
import org.springframework.data.jpa.repository.query.QueryProvider;
import org.springframework.util.Assert;

/**
 * Picks the query enhancer Spring Data would pick, but parses a repository query with it only when a query of that
 * method first needs it (to apply a sort, derive a count query or read its projection), not when the repository is
 * created. Spring Data's own parser of {@code @Query} strings is a grammar of several hundred classes: MyUser's
 * repositories, created at every startup, would otherwise load and run it for each of their queries before the
 * application serves anything. Hibernate still checks every query when the repository is created (Spring Data asks
 * it to), so a query that does not compile still stops startup.
 */
public final class DeferredQueryEnhancerSelector implements QueryEnhancerSelector {

	private final QueryEnhancerSelector delegate;

	/**
	 * Defer the enhancers of Spring Data's default selector.
	 */
	public DeferredQueryEnhancerSelector() {
		this(QueryEnhancerSelector.DEFAULT_SELECTOR);
	}

	/**
	 * Defer the enhancers of another selector.
	 * @param delegate the selector whose enhancers are deferred
	 */
	public DeferredQueryEnhancerSelector(QueryEnhancerSelector delegate) {
		Assert.notNull(delegate, "delegate cannot be null");
		this.delegate = delegate;
	}

	@Override
	public QueryEnhancerFactory select(DeclaredQuery query) {
		QueryEnhancerFactory factory = this.delegate.select(query);
		return new QueryEnhancerFactory() {

			@Override
			public boolean supports(DeclaredQuery declared) {
				return factory.supports(declared);
			}

			@Override
			public QueryEnhancer create(QueryProvider provider) {
				return new DeferredQueryEnhancer(factory, provider);
			}

		};
	}

	/** An enhancer that creates the real one, which parses the query, on the first call that needs it. */
	static final class DeferredQueryEnhancer implements QueryEnhancer {

		private final QueryEnhancerFactory factory;

		private final QueryProvider query;

		private volatile @Nullable QueryEnhancer enhancer;

		DeferredQueryEnhancer(QueryEnhancerFactory factory, QueryProvider query) {
			this.factory = factory;
			this.query = query;
		}

		boolean isParsed() {
			return this.enhancer != null;
		}

		private QueryEnhancer enhancer() {
			QueryEnhancer current = this.enhancer;
			if (current == null) {
				synchronized (this) {
					current = this.enhancer;
					if (current == null) {
						current = this.factory.create(this.query);
						this.enhancer = current;
					}
				}
			}
			return current;
		}

		@Override
		public boolean isSelectQuery() {
			return enhancer().isSelectQuery();
		}

		@Override
		public boolean hasConstructorExpression() {
			return enhancer().hasConstructorExpression();
		}

		@Override
		public @Nullable String detectAlias() {
			return enhancer().detectAlias();
		}

		@Override
		public String getProjection() {
			return enhancer().getProjection();
		}

		/** The query as written, until it is parsed; then the parsed one, as the real enhancer renders it. */
		@Override
		public QueryProvider getQuery() {
			QueryEnhancer current = this.enhancer;
			return (current != null) ? current.getQuery() : this.query;
		}

		@Override
		public String rewrite(QueryRewriteInformation rewriteInformation) {
			return enhancer().rewrite(rewriteInformation);
		}

		@Override
		public String createCountQueryFor(@Nullable String countProjection) {
			return enhancer().createCountQueryFor(countProjection);
		}

	}

}
