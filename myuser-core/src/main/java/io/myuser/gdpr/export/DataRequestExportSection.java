package io.myuser.gdpr.export;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.myuser.gdpr.DataRequest;
import io.myuser.gdpr.DataRequestRepository;
import io.myuser.personaldata.ExportArchive;
import io.myuser.personaldata.ExportContext;
import io.myuser.personaldata.ExportSection;
import io.myuser.personaldata.PersonalDataOrder;
import io.myuser.personaldata.PersonalDataReader;

import org.springframework.core.Ordered;
import org.springframework.util.Assert;

/**
 * The data requests' part of an export: {@code data_requests.json}, newest first, the one being answered included.
 */
public class DataRequestExportSection implements ExportSection, Ordered {

	private final DataRequestRepository requests;

	private final PersonalDataReader reader;

	public DataRequestExportSection(DataRequestRepository requests, PersonalDataReader reader) {
		Assert.notNull(requests, "requests cannot be null");
		Assert.notNull(reader, "reader cannot be null");
		this.requests = requests;
		this.reader = reader;
	}

	@Override
	public void write(ExportContext context, ExportArchive archive) throws IOException {
		List<Map<String, Object>> items = this.reader.read(() -> this.requests
			.findByUserIdOrderByCreatedAtDesc(context.userId())
			.stream()
			.map(DataRequestExportSection::item)
			.toList());
		archive.json("data_requests.json", items);
	}

	@Override
	public int getOrder() {
		return PersonalDataOrder.DATA_REQUESTS;
	}

	private static Map<String, Object> item(DataRequest request) {
		Map<String, Object> item = new LinkedHashMap<>();
		item.put("id", request.getId().toString());
		item.put("request_type", request.getRequestType().name());
		item.put("status", request.getStatus().name());
		item.put("notes", request.getNotes());
		item.put("created_at", request.getCreatedAt());
		item.put("due_at", request.getDueAt());
		item.put("processed_at", request.getProcessedAt());
		return item;
	}

}
