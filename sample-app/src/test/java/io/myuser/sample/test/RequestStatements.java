package io.myuser.sample.test;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Records every SQL statement the application prepares on a request thread (Tomcat's {@code http-} threads), by
 * wrapping the application's DataSource. Background work (the revocation poll, the job scheduler) runs on threads
 * of its own and is not recorded. Import it into an integration test and read {@link #since(int)}.
 */
@TestConfiguration(proxyBeanMethods = false)
public class RequestStatements {

	private final List<String> statements = new ArrayList<>();

	/** How many statements were recorded so far; a mark for {@link #since(int)}. */
	public synchronized int mark() {
		return this.statements.size();
	}

	/** The statements recorded since a mark, in order. */
	public synchronized List<String> since(int mark) {
		return List.copyOf(this.statements.subList(mark, this.statements.size()));
	}

	synchronized void record(String sql) {
		this.statements.add(sql);
	}

	@Bean
	static BeanPostProcessor requestStatementsDataSourcePostProcessor(ObjectProvider<RequestStatements> self) {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				if (bean instanceof DataSource dataSource && !(bean instanceof DelegatingDataSource)) {
					return new DelegatingDataSource(dataSource) {
						@Override
						public Connection getConnection() throws SQLException {
							Connection connection = super.getConnection();
							if (!Thread.currentThread().getName().startsWith("http-")) {
								return connection;
							}
							return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
									new Class<?>[] { Connection.class },
									new RecordingConnection(connection, self.getObject()));
						}
					};
				}
				return bean;
			}
		};
	}

	private record RecordingConnection(Connection target, RequestStatements recorder) implements InvocationHandler {

		@Override
		public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
			String name = method.getName();
			if ((name.equals("prepareStatement") || name.equals("prepareCall")) && args != null
					&& args[0] instanceof String sql) {
				this.recorder.record(sql);
			}
			else if (name.equals("createStatement")) {
				this.recorder.record("<statement>");
			}
			else if (name.equals("unwrap") && args != null && args[0] == Connection.class) {
				return proxy;
			}
			try {
				return method.invoke(this.target, args);
			}
			catch (InvocationTargetException ex) {
				throw ex.getCause();
			}
		}

	}

}
