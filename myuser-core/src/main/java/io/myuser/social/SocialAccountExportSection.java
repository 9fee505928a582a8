package io.myuser.social;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.myuser.personaldata.ExportArchive;
import io.myuser.personaldata.ExportContext;
import io.myuser.personaldata.ExportSection;
import io.myuser.personaldata.PersonalDataOrder;
import io.myuser.personaldata.PersonalDataReader;

import org.springframework.core.Ordered;
import org.springframework.util.Assert;

/**
 * The connected social accounts' part of an export: {@code social_accounts.json}, newest first.
 */
public class SocialAccountExportSection implements ExportSection, Ordered {

	private final SocialAccountRepository socialAccounts;

	private final PersonalDataReader reader;

	public SocialAccountExportSection(SocialAccountRepository socialAccounts, PersonalDataReader reader) {
		Assert.notNull(socialAccounts, "socialAccounts cannot be null");
		Assert.notNull(reader, "reader cannot be null");
		this.socialAccounts = socialAccounts;
		this.reader = reader;
	}

	@Override
	public void write(ExportContext context, ExportArchive archive) throws IOException {
		List<Map<String, Object>> accounts = this.reader.read(() -> this.socialAccounts
			.findByUserIdOrderByDateJoinedDesc(context.userId())
			.stream()
			.map(SocialAccountExportSection::item)
			.toList());
		archive.json("social_accounts.json", accounts);
	}

	@Override
	public int getOrder() {
		return PersonalDataOrder.SOCIAL;
	}

	private static Map<String, Object> item(SocialAccount account) {
		Map<String, Object> item = new LinkedHashMap<>();
		item.put("id", account.getId().toString());
		item.put("provider", account.getProvider());
		item.put("uid", account.getUid());
		item.put("email", account.getEmail());
		item.put("email_verified", account.isEmailVerified());
		item.put("avatar_url", account.getAvatarUrl());
		item.put("profile_url", account.getProfileUrl());
		item.put("date_joined", account.getDateJoined());
		item.put("last_login", account.getLastLogin());
		return item;
	}

}
