package io.myuser.profile;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.myuser.personaldata.ExportArchive;
import io.myuser.personaldata.ExportContext;
import io.myuser.personaldata.ExportSection;
import io.myuser.personaldata.PersonalDataOrder;
import io.myuser.support.persistence.BaseEntity;

import org.springframework.core.Ordered;
import org.springframework.util.Assert;

/**
 * The profile's part of an export: {@code profile.json} (an account that never had a profile row gets the
 * defaults).
 */
public class ProfileExportSection implements ExportSection, Ordered {

	private final ProfileService profiles;

	public ProfileExportSection(ProfileService profiles) {
		Assert.notNull(profiles, "profiles cannot be null");
		this.profiles = profiles;
	}

	@Override
	public void write(ExportContext context, ExportArchive archive) throws IOException {
		Optional<Profile> found = this.profiles.findStored(context.userId());
		Map<String, Object> profile = new LinkedHashMap<>();
		profile.put("marketing_consent", found.map(Profile::isMarketingConsent).orElse(false));
		profile.put("marketing_consent_updated_at", found.map(Profile::getMarketingConsentUpdatedAt).orElse(null));
		profile.put("created_at", found.map(BaseEntity::getCreatedAt).orElse(null));
		profile.put("updated_at", found.map(BaseEntity::getUpdatedAt).orElse(null));
		archive.json("profile.json", profile);
	}

	@Override
	public int getOrder() {
		return PersonalDataOrder.PROFILE;
	}

	/**
	 * The consent history's part of an export: {@code consent_history.csv}, oldest first.
	 */
	public static class ConsentHistory implements ExportSection, Ordered {

		private final ProfileService profiles;

		public ConsentHistory(ProfileService profiles) {
			Assert.notNull(profiles, "profiles cannot be null");
			this.profiles = profiles;
		}

		@Override
		public void write(ExportContext context, ExportArchive archive) throws IOException {
			List<ConsentRecord> history = this.profiles.consentHistory(context.userId());
			try (ExportArchive.CsvWriter csv = archive.csv("consent_history.csv",
					List.of("recorded_at", "consent_type", "granted", "policy_version", "ip_address", "user_agent"))) {
				for (ConsentRecord record : history) {
					csv.row(record.getRecordedAt(), record.getConsentType(), record.isGranted(),
							record.getPolicyVersion(), record.getIpAddress(), record.getUserAgent());
				}
			}
		}

		@Override
		public int getOrder() {
			return PersonalDataOrder.CONSENT;
		}

	}

}
