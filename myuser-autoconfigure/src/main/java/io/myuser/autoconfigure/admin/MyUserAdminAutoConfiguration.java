package io.myuser.autoconfigure.admin;

import io.myuser.account.UserAccountService;
import io.myuser.admin.AdminAuditLogController;
import io.myuser.admin.AdminController;
import io.myuser.admin.AdminService;
import io.myuser.admin.AdminSettings;
import io.myuser.audit.AuditLogQuery;
import io.myuser.audit.AuditLogReader;
import io.myuser.autoconfigure.account.MyUserAccountAutoConfiguration;
import io.myuser.autoconfigure.audit.MyUserAuditAutoConfiguration;
import io.myuser.autoconfigure.gdpr.MyUserGdprAutoConfiguration;
import io.myuser.autoconfigure.session.MyUserSessionAutoConfiguration;
import io.myuser.autoconfigure.social.MyUserSocialAutoConfiguration;
import io.myuser.gdpr.DataRequestService;
import io.myuser.security.MyUserRoutes;
import io.myuser.session.SessionService;
import io.myuser.social.SocialAccountService;
import io.myuser.support.ClientInfoResolver;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpMethod;

/**
 * The administration API ({@code myuser.admin.*}) under {@code admin/}: only callers whose access token grants
 * {@code myuser.admin.authority} reach it (others get 403), and each request is checked against the acting
 * account's row as well. Needs a servlet web application with access tokens on.
 */
@AutoConfiguration(after = { MyUserAccountAutoConfiguration.class, MyUserSessionAutoConfiguration.class,
		MyUserAuditAutoConfiguration.class, MyUserGdprAutoConfiguration.class, MyUserSocialAutoConfiguration.class })
@ConditionalOnBooleanProperty(name = { "myuser.enabled", "myuser.admin.enabled", "myuser.token.enabled",
		"myuser.session.enabled" }, matchIfMissing = true)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnBean({ UserAccountService.class, SessionService.class })
@EnableConfigurationProperties(MyUserAdminProperties.class)
public final class MyUserAdminAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	AdminSettings myUserAdminSettings(MyUserAdminProperties properties) {
		return new AdminSettings(properties.getVerificationEmailInterval(), properties.getPageSize(),
				properties.getMaxPageSize());
	}

	@Bean
	@ConditionalOnMissingBean
	AdminService myUserAdminService(UserAccountService accounts, SessionService sessions,
			ObjectProvider<SocialAccountService> socialAccounts, ObjectProvider<DataRequestService> dataRequests,
			ObjectProvider<AuditLogReader> auditLogs, ApplicationEventPublisher events, AdminSettings settings) {
		return new AdminService(accounts, sessions, socialAccounts.getIfAvailable(), dataRequests.getIfAvailable(),
				auditLogs.getIfAvailable(), events, settings);
	}

	@Bean
	@ConditionalOnMissingBean
	AdminController myUserAdminController(AdminService admin, ClientInfoResolver clientInfoResolver) {
		return new AdminController(admin, clientInfoResolver);
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBean({ AuditLogReader.class, AuditLogQuery.Paging.class })
	AdminAuditLogController myUserAdminAuditLogController(AdminService admin, AuditLogQuery.Paging paging,
			ClientInfoResolver clientInfoResolver) {
		return new AdminAuditLogController(admin, paging, clientInfoResolver);
	}

	@Bean
	@ConditionalOnMissingBean(name = "myUserAdminRoutes")
	MyUserRoutes myUserAdminRoutes(MyUserAdminProperties properties) {
		String authority = properties.getAuthority();
		return MyUserRoutes.of("admin")
			.hasAuthority(authority, HttpMethod.GET, "/admin/**")
			.hasAuthority(authority, HttpMethod.POST, "/admin/**")
			.hasAuthority(authority, HttpMethod.PUT, "/admin/**")
			.hasAuthority(authority, HttpMethod.PATCH, "/admin/**")
			.hasAuthority(authority, HttpMethod.DELETE, "/admin/**")
			.build();
	}

}
