package io.myuser.account;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import io.myuser.personaldata.ExportArchive;
import io.myuser.personaldata.ExportContext;
import io.myuser.personaldata.ExportSection;
import io.myuser.personaldata.PersonalDataOrder;
import io.myuser.personaldata.PersonalDataReader;

import org.springframework.core.Ordered;
import org.springframework.util.Assert;

/**
 * The account's part of an export: {@code user_info.json}.
 */
public class AccountExportSection implements ExportSection, Ordered {

	private final UserRepository users;

	private final PersonalDataReader reader;

	public AccountExportSection(UserRepository users, PersonalDataReader reader) {
		Assert.notNull(users, "users cannot be null");
		Assert.notNull(reader, "reader cannot be null");
		this.users = users;
		this.reader = reader;
	}

	@Override
	public void write(ExportContext context, ExportArchive archive) throws IOException {
		Map<String, Object> info = this.reader.read(() -> {
			Optional<User> found = this.users.findById(context.userId());
			Map<String, Object> fields = new LinkedHashMap<>();
			found.ifPresent((user) -> {
				fields.put("id", user.getId().toString());
				fields.put("email", user.getEmail());
				fields.put("first_name", user.getFirstName());
				fields.put("last_name", user.getLastName());
				fields.put("date_joined", user.getDateJoined());
				fields.put("last_login", user.getLastLogin());
				fields.put("is_active", user.isActive());
				fields.put("email_verified", user.isEmailVerified());
				fields.put("is_staff", user.isStaff());
				fields.put("has_password", user.hasUsablePassword());
			});
			return fields;
		});
		archive.json("user_info.json", info);
	}

	@Override
	public int getOrder() {
		return PersonalDataOrder.ACCOUNT;
	}

}
