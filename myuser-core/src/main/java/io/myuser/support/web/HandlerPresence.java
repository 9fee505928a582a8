package io.myuser.support.web;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.util.Assert;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;

/**
 * Tells whether a request would reach a handler of a {@link HandlerMapping}. A request that matches a route's
 * path but not its method or media type reaches no handler: Spring MVC answers it 405 or 415 without running any
 * controller code.
 */
public final class HandlerPresence {

	private final HandlerMapping handlerMapping;

	public HandlerPresence(HandlerMapping handlerMapping) {
		Assert.notNull(handlerMapping, "handlerMapping cannot be null");
		this.handlerMapping = handlerMapping;
	}

	/**
	 * Check a request.
	 * @param request the request
	 * @return whether a handler would run for the request
	 */
	public boolean isMapped(HttpServletRequest request) {
		Object previous = request.getAttribute(ServletRequestPathUtils.PATH_ATTRIBUTE);
		ServletRequestPathUtils.parseAndCache(request);
		try {
			return this.handlerMapping.getHandler(request) != null;
		}
		catch (Exception ex) {
			// Method or media type mismatch: MVC answers 405/415 and runs no handler.
			return false;
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

}
