package vn.gov.bca.platform.dossier.calendar;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Reads the CSV holiday file line by line, naming the line of any mistake: the file is edited by
 * hand, and a typo in a date would otherwise silently move a citizen's appointment.
 */
final class HolidayFileReader {

	static final String HEADER = "date,weekday,kind,status,name_vi,name_en,source";

	private static final int COLUMNS = 7;

	private HolidayFileReader() {
	}

	static List<CalendarEntry> read(InputStream in, String name) {
		List<CalendarEntry> entries = new ArrayList<>();
		List<String> problems = new ArrayList<>();
		boolean headerSeen = false;
		try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
			String line;
			int number = 0;
			while ((line = reader.readLine()) != null) {
				number++;
				if (number == 1 && line.startsWith("\uFEFF")) {
					// A byte-order mark, as spreadsheet programs write.
					line = line.substring(1);
				}
				if (line.isBlank() || line.startsWith("#")) {
					continue;
				}
				if (!headerSeen) {
					if (!line.strip().equals(HEADER)) {
						throw new InvalidCalendarException(name + " line " + number + ": expected the header '" + HEADER
								+ "', found '" + line + "'");
					}
					headerSeen = true;
					continue;
				}
				try {
					entries.add(entry(fields(line)));
				}
				catch (IllegalArgumentException ex) {
					problems.add("line " + number + ": " + ex.getMessage());
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + name, ex);
		}
		if (!headerSeen) {
			throw new InvalidCalendarException(name + " has no header line '" + HEADER + "'");
		}
		if (!problems.isEmpty()) {
			throw new InvalidCalendarException("Invalid " + name + ": " + String.join("; ", problems));
		}
		return entries;
	}

	private static CalendarEntry entry(List<String> fields) {
		if (fields.size() != COLUMNS) {
			throw new IllegalArgumentException("expected " + COLUMNS + " fields, found " + fields.size());
		}
		LocalDate date = date(fields.get(0));
		DayOfWeek stated = weekday(fields.get(1));
		if (date.getDayOfWeek() != stated) {
			throw new IllegalArgumentException(date + " is a " + date.getDayOfWeek() + ", not a " + stated);
		}
		DayKind kind = constant(DayKind.class, fields.get(2), "kind");
		CalendarEntry.Status status = constant(CalendarEntry.Status.class, fields.get(3), "status");
		String nameVi = required(fields.get(4), "name_vi");
		String nameEn = required(fields.get(5), "name_en");
		String source = required(fields.get(6), "source");
		return new CalendarEntry(date, kind, status, nameVi, nameEn, source);
	}

	private static LocalDate date(String text) {
		try {
			return LocalDate.parse(text.strip());
		}
		catch (DateTimeParseException ex) {
			throw new IllegalArgumentException("'" + text + "' is not a date (yyyy-mm-dd)");
		}
	}

	private static DayOfWeek weekday(String text) {
		String abbreviation = text.strip().toUpperCase(Locale.ROOT);
		for (DayOfWeek day : DayOfWeek.values()) {
			if (day.name().substring(0, 3).equals(abbreviation)) {
				return day;
			}
		}
		throw new IllegalArgumentException("'" + text + "' is not a weekday (MON, TUE, WED, THU, FRI, SAT, SUN)");
	}

	private static <E extends Enum<E>> E constant(Class<E> type, String text, String column) {
		for (E constant : type.getEnumConstants()) {
			if (constant.name().equals(text.strip())) {
				return constant;
			}
		}
		throw new IllegalArgumentException("'" + text + "' is not a " + column + " ("
				+ String.join(", ", Arrays.stream(type.getEnumConstants()).map(Enum::name).toList()) + ")");
	}

	private static String required(String text, String column) {
		if (text.isBlank()) {
			throw new IllegalArgumentException(column + " is empty");
		}
		return text.strip();
	}

	/** Splits one line on commas outside double quotes; {@code ""} inside quotes is a quote. */
	static List<String> fields(String line) {
		List<String> fields = new ArrayList<>();
		StringBuilder field = new StringBuilder();
		boolean quoted = false;
		for (int i = 0; i < line.length(); i++) {
			char c = line.charAt(i);
			if (quoted) {
				if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
					field.append('"');
					i++;
				}
				else if (c == '"') {
					quoted = false;
				}
				else {
					field.append(c);
				}
			}
			else if (c == '"') {
				quoted = true;
			}
			else if (c == ',') {
				fields.add(field.toString());
				field.setLength(0);
			}
			else {
				field.append(c);
			}
		}
		if (quoted) {
			throw new IllegalArgumentException("a quote is not closed");
		}
		fields.add(field.toString());
		return fields;
	}

}
