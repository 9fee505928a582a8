package io.myuser.support.web;

import java.util.List;
import java.util.function.Supplier;

import jakarta.servlet.ServletRegistration;
import jakarta.servlet.http.HttpServletMapping;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;
import org.springframework.util.ClassUtils;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;

/**
 * Tells what Spring MVC would do with a request, before it gets there: it asks every {@link HandlerMapping} in the
 * order the {@link DispatcherServlet} asks them (annotated controllers, router functions, static resources,
 * actuator endpoints, whatever a host adds), and stops where the dispatcher stops.
 */
public final class HandlerLookup {

	/**
	 * What the dispatcher would do with a request.
	 */
	public enum Outcome {

		/** A handler would run: a controller, a router function, a resource handler or any other. */
		HANDLER,

		/**
		 * A handler mapping matched the request's path but refused it (wrong method, media type or parameters):
		 * Spring MVC answers 4xx without running any handler.
		 */
		REFUSED,

		/**
		 * No handler mapping knows the request, or the request does not go to a {@link DispatcherServlet} at all
		 * (another servlet of the host may serve it).
		 */
		UNKNOWN

	}

	private final Supplier<List<HandlerMapping>> handlerMappings;

	/**
	 * Create a lookup.
	 * @param handlerMappings the handler mappings in the dispatcher's order, asked for on every lookup (so that
	 * they may be created late)
	 */
	public HandlerLookup(Supplier<List<HandlerMapping>> handlerMappings) {
		Assert.notNull(handlerMappings, "handlerMappings cannot be null");
		this.handlerMappings = handlerMappings;
	}

	/**
	 * Look a request up.
	 * @param request the request
	 * @return what the dispatcher would do with it
	 */
	public Outcome lookup(HttpServletRequest request) {
		Assert.notNull(request, "request cannot be null");
		if (!goesToDispatcherServlet(request)) {
			return Outcome.UNKNOWN;
		}
		Object previous = request.getAttribute(ServletRequestPathUtils.PATH_ATTRIBUTE);
		ServletRequestPathUtils.parseAndCache(request);
		try {
			for (HandlerMapping mapping : this.handlerMappings.get()) {
				try {
					if (mapping.getHandler(request) != null) {
						return Outcome.HANDLER;
					}
				}
				catch (Exception ex) {
					// The dispatcher stops at the first mapping that throws and answers with the error.
					return Outcome.REFUSED;
				}
			}
			return Outcome.UNKNOWN;
		}
		finally {
			if (previous != null) {
				request.setAttribute(ServletRequestPathUtils.PATH_ATTRIBUTE, previous);
			}
			else {
				request.removeAttribute(ServletRequestPathUtils.PATH_ATTRIBUTE);
			}
		}
	}

	private static boolean goesToDispatcherServlet(HttpServletRequest request) {
		HttpServletMapping mapping = request.getHttpServletMapping();
		String servletName = (mapping != null) ? mapping.getServletName() : null;
		if (servletName == null || servletName.isEmpty()) {
			return false;
		}
		ServletRegistration registration = request.getServletContext().getServletRegistration(servletName);
		String className = (registration != null) ? registration.getClassName() : null;
		return className != null && isDispatcherServlet(className, request.getServletContext().getClassLoader());
	}

	private static boolean isDispatcherServlet(String className, @Nullable ClassLoader classLoader) {
		if (className.equals(DispatcherServlet.class.getName())) {
			return true;
		}
		try {
			return DispatcherServlet.class.isAssignableFrom(ClassUtils.forName(className, classLoader));
		}
		catch (ClassNotFoundException | LinkageError ex) {
			return false;
		}
	}

}
