package vn.gov.bca.residence.foreigner;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import vn.gov.bca.platform.web.error.ApiException;
import vn.gov.bca.platform.web.error.ProblemType;
import vn.gov.bca.platform.web.time.VietnamTime;

/**
 * The list of foreign guests as a CSV file in the layout of form NA17, read into the rows the JSON
 * declaration takes. The file is UTF-8 (a byte order mark is tolerated), quoted as RFC 4180 says
 * (fields in double quotes may hold commas, line breaks and doubled quotes; lines end with CRLF or
 * LF) and begins with a header naming NA17's columns in Vietnamese ("Họ và tên") or as the JSON
 * fields ("fullName"), in any order and case, with an optional leading "STT" (row number) column
 * that is ignored.
 * <p>
 * Only the layout is judged here: a file that is not UTF-8, a broken quote, a missing, unknown or
 * repeated column, a value under no column or a file without a guest is refused whole (400). The
 * values are converted into what the row check reads (Vietnamese dates {@code dd/MM/yyyy} into ISO
 * ones, {@code dd/MM/yyyy HH:mm} into an instant of Vietnam's time, "Nam"/"Nữ" into MALE/FEMALE); a
 * value that does not convert is handed on unchanged, so that the row check refuses that row with
 * its usual error and the other rows are still answered.
 */
final class Na17Csv {

	/** A list of 1,000 guests is about 150 KB; 2 MB leaves room for long names and quoting. */
	static final int MAX_BYTES = 2 * 1024 * 1024;

	static final String MAX_SIZE = "2 MB";

	private static final String ROW_NUMBER = "stt";

	private static final Pattern DAY = Pattern.compile("(\\d{1,2})/(\\d{1,2})/(\\d{4})");

	private static final Pattern DAY_AND_TIME = Pattern
		.compile("(\\d{1,2})/(\\d{1,2})/(\\d{4})\\s+(\\d{1,2}):(\\d{2})(?::(\\d{2}))?");

	/** NA17's columns: the Vietnamese name on the form and the JSON field accepted as its alias. */
	enum Column {

		FULL_NAME("Họ và tên", "fullName"),
		BIRTH_DATE("Ngày sinh", "birthDate"),
		SEX("Giới tính", "sex"),
		NATIONALITY("Quốc tịch", "nationality"),
		PASSPORT_NUMBER("Số hộ chiếu", "passportNumber"),
		VISA("Số thị thực", "visa"),
		ENTRY_DATE("Ngày nhập cảnh", "entryDate"),
		ROOM("Số phòng", "room"),
		ARRIVED_AT("Thời gian đến", "arrivedAt"),
		PLANNED_DEPARTURE("Dự kiến ngày đi", "plannedDeparture");

		private final String vietnamese;

		private final String field;

		Column(String vietnamese, String field) {
			this.vietnamese = vietnamese;
			this.field = field;
		}

		String vietnamese() {
			return this.vietnamese;
		}

		String field() {
			return this.field;
		}

	}

	private static final Map<String, Column> COLUMNS = columns();

	/** One record of the file: its fields as written, and the line of the file it begins on (from 1). */
	record Record(int line, List<String> fields) {
	}

	/** One guest of the file, and the line of the file its row begins on (from 1). */
	record Row(int line, ForeignGuests.GuestRow guest) {
	}

	private Na17Csv() {
	}

	/** The guests of a file, in the file's order; blank rows are skipped. */
	static List<Row> read(byte[] body) {
		List<Record> records = records(text(body));
		int header = 0;
		while (header < records.size() && blank(records.get(header))) {
			header++;
		}
		if (header == records.size()) {
			throw new ApiException(ProblemType.VALIDATION, "foreigner.csv-empty");
		}
		Header layout = header(records.get(header));
		List<Row> rows = new ArrayList<>();
		for (Record record : records.subList(header + 1, records.size())) {
			if (!blank(record)) {
				rows.add(new Row(record.line(), guest(record, layout)));
			}
		}
		if (rows.isEmpty()) {
			throw new ApiException(ProblemType.VALIDATION, "foreigner.csv-empty");
		}
		return rows;
	}

	/** The body as text: UTF-8, strictly (a Windows code page read as UTF-8 would garble every name). */
	static String text(byte[] body) {
		String text;
		try {
			text = StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(body))
				.toString();
		}
		catch (CharacterCodingException ex) {
			throw new ApiException(ProblemType.MALFORMED_REQUEST, "foreigner.csv-not-utf8");
		}
		return text.startsWith("\uFEFF") ? text.substring(1) : text;
	}

	/**
	 * RFC 4180: fields separated by commas, records by CRLF, LF (or a lone CR); a field in double
	 * quotes may hold commas, line breaks and quotes written twice. A quote elsewhere in a field, a
	 * character after a closing quote or a quote never closed is a 400 naming the line.
	 */
	static List<Record> records(String text) {
		List<Record> records = new ArrayList<>();
		List<String> fields = new ArrayList<>();
		StringBuilder field = new StringBuilder();
		// The current field was quoted and its closing quote read: only a comma or a line end may follow.
		boolean quoted = false;
		int line = 1;
		int recordLine = 1;
		int length = text.length();
		int i = 0;
		while (i < length) {
			char c = text.charAt(i);
			if (c == ',') {
				fields.add(field.toString());
				field.setLength(0);
				quoted = false;
				i++;
			}
			else if (c == '\r' || c == '\n') {
				fields.add(field.toString());
				field.setLength(0);
				quoted = false;
				records.add(new Record(recordLine, List.copyOf(fields)));
				fields.clear();
				i = endOfLine(text, i);
				line++;
				recordLine = line;
			}
			else if (quoted || (c == '"' && !field.isEmpty())) {
				throw quoting(line);
			}
			else if (c == '"') {
				int opened = line;
				i++;
				while (true) {
					if (i == length) {
						throw quoting(opened);
					}
					char q = text.charAt(i);
					if (q == '"' && i + 1 < length && text.charAt(i + 1) == '"') {
						field.append('"');
						i += 2;
					}
					else if (q == '"') {
						i++;
						break;
					}
					else {
						if (q == '\n' || (q == '\r' && (i + 1 == length || text.charAt(i + 1) != '\n'))) {
							line++;
						}
						field.append(q);
						i++;
					}
				}
				quoted = true;
			}
			else {
				field.append(c);
				i++;
			}
		}
		if (quoted || !field.isEmpty() || !fields.isEmpty()) {
			fields.add(field.toString());
			records.add(new Record(recordLine, List.copyOf(fields)));
		}
		return records;
	}

	/** Past the line end at {@code i}: CRLF, LF or CR. */
	private static int endOfLine(String text, int i) {
		if (i < text.length() && text.charAt(i) == '\r') {
			i++;
		}
		if (i < text.length() && text.charAt(i) == '\n') {
			i++;
		}
		return i;
	}

	private static ApiException quoting(int line) {
		return new ApiException(ProblemType.MALFORMED_REQUEST, "foreigner.csv-quoting", line).with("line", line);
	}

	/**
	 * @param columns the column of each position of the header, null where it has no name (and at 0
	 * when numbered)
	 * @param numbered whether the first column is "STT", the row number, ignored
	 */
	private record Header(Column[] columns, boolean numbered) {
	}

	private static Header header(Record header) {
		Column[] columns = new Column[header.fields().size()];
		boolean numbered = normalized(header.fields().get(0)).equals(ROW_NUMBER);
		for (int i = (numbered ? 1 : 0); i < columns.length; i++) {
			String written = header.fields().get(i).strip();
			String name = normalized(written);
			if (name.isEmpty()) {
				continue;
			}
			Column column = COLUMNS.get(name);
			if (column == null) {
				throw new ApiException(ProblemType.VALIDATION, "foreigner.csv-column-unknown", written).with("column",
						written);
			}
			for (int j = 0; j < i; j++) {
				if (columns[j] == column) {
					throw new ApiException(ProblemType.VALIDATION, "foreigner.csv-column-twice", written)
						.with("column", column.vietnamese());
				}
			}
			columns[i] = column;
		}
		for (Column column : Column.values()) {
			if (!Arrays.asList(columns).contains(column)) {
				throw new ApiException(ProblemType.VALIDATION, "foreigner.csv-column-missing", column.vietnamese(),
						column.field()).with("column", column.vietnamese());
			}
		}
		return new Header(columns, numbered);
	}

	private static ForeignGuests.GuestRow guest(Record record, Header header) {
		Column[] columns = header.columns();
		Map<Column, String> values = new EnumMap<>(Column.class);
		for (int i = (header.numbered() ? 1 : 0); i < record.fields().size(); i++) {
			String value = record.fields().get(i);
			if (i < columns.length && columns[i] != null) {
				values.put(columns[i], Normalizer.normalize(value.strip(), Normalizer.Form.NFC));
			}
			else if (!value.isBlank()) {
				// A value under no column: the file is not in NA17's layout (an unquoted comma, a shifted row).
				throw new ApiException(ProblemType.VALIDATION, "foreigner.csv-extra-value", record.line())
					.with("line", record.line());
			}
		}
		return new ForeignGuests.GuestRow(value(values, Column.PASSPORT_NUMBER), value(values, Column.NATIONALITY),
				value(values, Column.FULL_NAME), date(value(values, Column.BIRTH_DATE)), sex(value(values, Column.SEX)),
				value(values, Column.VISA), date(value(values, Column.ENTRY_DATE)), value(values, Column.ROOM),
				instant(value(values, Column.ARRIVED_AT)), date(value(values, Column.PLANNED_DEPARTURE)));
	}

	private static String value(Map<Column, String> values, Column column) {
		return values.getOrDefault(column, "");
	}

	/** {@code 15/03/1988} (or {@code 15/3/1988}) as {@code 1988-03-15}; anything else unchanged. */
	static String date(String value) {
		Matcher day = DAY.matcher(value);
		if (!day.matches()) {
			return value;
		}
		try {
			return LocalDate.of(Integer.parseInt(day.group(3)), Integer.parseInt(day.group(2)),
					Integer.parseInt(day.group(1)))
				.toString();
		}
		catch (DateTimeException ex) {
			return value;
		}
	}

	/**
	 * {@code 01/12/2026 21:30} (seconds optional) read in Vietnam's time, as an instant with its
	 * offset ({@code 2026-12-01T21:30+07:00}); anything else (ISO 8601 already) unchanged.
	 */
	static String instant(String value) {
		Matcher time = DAY_AND_TIME.matcher(value);
		if (!time.matches()) {
			return value;
		}
		try {
			return LocalDateTime
				.of(Integer.parseInt(time.group(3)), Integer.parseInt(time.group(2)), Integer.parseInt(time.group(1)),
						Integer.parseInt(time.group(4)), Integer.parseInt(time.group(5)),
						(time.group(6) != null) ? Integer.parseInt(time.group(6)) : 0)
				.atZone(VietnamTime.ZONE)
				.toOffsetDateTime()
				.toString();
		}
		catch (DateTimeException ex) {
			return value;
		}
	}

	/** "Nam" is MALE and "Nữ" FEMALE, in any case; anything else (MALE, FEMALE) unchanged. */
	static String sex(String value) {
		String sex = normalized(value);
		if (sex.equals("nam")) {
			return "MALE";
		}
		if (sex.equals("nữ")) {
			return "FEMALE";
		}
		return value;
	}

	/** Trimmed, NFC (a header typed on macOS is often NFD), lower case, inner spaces as one. */
	private static String normalized(String value) {
		return Normalizer.normalize(value.strip(), Normalizer.Form.NFC)
			.replaceAll("\\s+", " ")
			.toLowerCase(Locale.ROOT);
	}

	private static boolean blank(Record record) {
		return record.fields().stream().allMatch(String::isBlank);
	}

	private static Map<String, Column> columns() {
		Map<String, Column> columns = new HashMap<>();
		for (Column column : Column.values()) {
			columns.put(normalized(column.vietnamese()), column);
			columns.put(normalized(column.field()), column);
		}
		return Map.copyOf(columns);
	}

}
