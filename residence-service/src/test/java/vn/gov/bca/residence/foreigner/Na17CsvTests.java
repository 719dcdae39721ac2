package vn.gov.bca.residence.foreigner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;

import vn.gov.bca.platform.web.error.ApiException;
import vn.gov.bca.platform.web.error.ProblemType;

/**
 * Form NA17 as a CSV file: RFC 4180 quoting with its line numbers, the header in Vietnamese or as
 * the JSON fields, the values converted into what the row check reads (and left as they are when
 * they do not convert), and a file not in the layout refused whole, naming the column or the line.
 */
class Na17CsvTests {

	private static final String HEADER = "STT,Họ và tên,Ngày sinh,Giới tính,Quốc tịch,Số hộ chiếu,Số thị thực,"
			+ "Ngày nhập cảnh,Số phòng,Thời gian đến,Dự kiến ngày đi";

	private static List<Na17Csv.Row> read(String text) {
		return Na17Csv.read(text.getBytes(StandardCharsets.UTF_8));
	}

	private static ApiException refused(String text) {
		ApiException refused = catchThrowableOfType(ApiException.class, () -> read(text));
		assertThat(refused).as("refused: %s", text).isNotNull();
		return refused;
	}

	@Test
	void quotedFieldsHoldCommasDoubledQuotesAndLineBreaks() {
		List<Na17Csv.Record> records = Na17Csv
			.records("a,\"b, c\",\"say \"\"hi\"\"\"\r\n\"two\nlines\",,\"\"\nlast,x,");
		assertThat(records).containsExactly(new Na17Csv.Record(1, List.of("a", "b, c", "say \"hi\"")),
				new Na17Csv.Record(2, List.of("two\nlines", "", "")), new Na17Csv.Record(4, List.of("last", "x", "")));
	}

	@Test
	void aFinalLineEndIsNotARecordAndLoneCrEndsALine() {
		assertThat(Na17Csv.records("a,b\r\n")).containsExactly(new Na17Csv.Record(1, List.of("a", "b")));
		assertThat(Na17Csv.records("a\rb\r\n\"\"")).containsExactly(new Na17Csv.Record(1, List.of("a")),
				new Na17Csv.Record(2, List.of("b")), new Na17Csv.Record(3, List.of("")));
		assertThat(Na17Csv.records("")).isEmpty();
	}

	@Test
	void malformedQuotingNamesTheLine() {
		assertThatThrownBy(() -> Na17Csv.records("a,b\nc,\"d\"e\n")).isInstanceOfSatisfying(ApiException.class,
				(ex) -> {
					assertThat(ex.type()).isEqualTo(ProblemType.MALFORMED_REQUEST);
					assertThat(ex.detailCode()).isEqualTo("foreigner.csv-quoting");
					assertThat(ex.properties()).containsEntry("line", 2);
				});
		// A quote inside an unquoted field, and a quote never closed (named by the line it opens on).
		assertThat(catchThrowableOfType(ApiException.class, () -> Na17Csv.records("a,b\nc,d\ne,f\"g\n")).properties())
			.containsEntry("line", 3);
		assertThat(catchThrowableOfType(ApiException.class, () -> Na17Csv.records("a,b\nc,\"d\n\ne,f\n")).properties())
			.containsEntry("line", 2);
	}

	@Test
	void aVietnameseFileBecomesTheRowsTheCheckReads() {
		String file = "\uFEFF" + HEADER + "\r\n"
				+ "1,\"PARK, JI-HOON\",15/03/1988,Nam,KR,M70000001,DL1234567,30/11/2026,301,01/12/2026 21:30,5/12/2026\r\n"
				+ "2,SMITH \"\"JANE\"\",2/7/1992,NỮ,US,5550001,,2026-11-30,302,2026-12-01T14:30:00Z,2026-12-04\r\n"
				+ ",,,,,,,,,,\r\n" + "\r\n" + "3,\"SMITH \"\"JANE\"\"\",02/07/1992,nữ,US,5550002,,30/11/2026,303,"
				+ "1/12/2026 9:05:30,04/12/2026\r\n";
		// Row 2 has a quote in an unquoted field: malformed.
		assertThat(refused(file).properties()).containsEntry("line", 3);

		List<Na17Csv.Row> rows = read(file.replace("SMITH \"\"JANE\"\",2/7", "SMITH JANE,2/7"));
		assertThat(rows).extracting(Na17Csv.Row::line).containsExactly(2, 3, 6);
		assertThat(rows.get(0).guest()).isEqualTo(new ForeignGuests.GuestRow("M70000001", "KR", "PARK, JI-HOON",
				"1988-03-15", "MALE", "DL1234567", "2026-11-30", "301", "2026-12-01T21:30+07:00", "2026-12-05"));
		assertThat(rows.get(1).guest()).isEqualTo(new ForeignGuests.GuestRow("5550001", "US", "SMITH JANE",
				"1992-07-02", "FEMALE", "", "2026-11-30", "302", "2026-12-01T14:30:00Z", "2026-12-04"));
		assertThat(rows.get(2).guest().fullName()).isEqualTo("SMITH \"JANE\"");
		assertThat(rows.get(2).guest().sex()).isEqualTo("FEMALE");
		assertThat(OffsetDateTime.parse(rows.get(2).guest().arrivedAt()).toInstant())
			.isEqualTo(Instant.parse("2026-12-01T02:05:30Z"));
	}

	@Test
	void englishColumnsInAnyOrderAndCaseWithoutRowNumbers() {
		String file = " ROOM ,passportnumber,FullName,nationality,sex,birthDate,visa,entryDate,arrivedAt,plannedDeparture\n"
				+ "12,AB12345,LEE SOO,KR,female,1990-01-01,,2026-11-30,2026-12-01T21:30+07:00,2026-12-02";
		List<Na17Csv.Row> rows = read(file);
		assertThat(rows).singleElement()
			.isEqualTo(new Na17Csv.Row(2, new ForeignGuests.GuestRow("AB12345", "KR", "LEE SOO", "1990-01-01", "female",
					"", "2026-11-30", "12", "2026-12-01T21:30+07:00", "2026-12-02")));
	}

	@Test
	void aHeaderWrittenInDecomposedUnicodeIsRecognised() {
		String file = Normalizer.normalize(HEADER.toUpperCase(java.util.Locale.ROOT), Normalizer.Form.NFD) + "\n"
				+ "1,A B,01/01/1990,Nam,KR,AB12345,,30/11/2026,1,01/12/2026 10:00,02/12/2026\n";
		assertThat(read(file)).singleElement().extracting((row) -> row.guest().sex()).isEqualTo("MALE");
	}

	@Test
	void valuesThatDoNotConvertArePassedOnForTheRowCheckToRefuse() {
		assertThat(Na17Csv.date("31/02/1990")).isEqualTo("31/02/1990");
		assertThat(Na17Csv.date("1990-13-01")).isEqualTo("1990-13-01");
		assertThat(Na17Csv.date("01.01.1990")).isEqualTo("01.01.1990");
		assertThat(Na17Csv.instant("01/12/2026 25:00")).isEqualTo("01/12/2026 25:00");
		assertThat(Na17Csv.instant("01/12/2026")).isEqualTo("01/12/2026");
		assertThat(Na17Csv.sex("Khác")).isEqualTo("Khác");
		assertThat(Na17Csv.sex("")).isEmpty();
	}

	@Test
	void aMissingUnknownOrRepeatedColumnIsNamed() {
		ApiException missing = refused(HEADER.replace("Quốc tịch,", "") + "\n1,A,01/01/1990,Nam,AB12345,,,,,\n");
		assertThat(missing.type()).isEqualTo(ProblemType.VALIDATION);
		assertThat(missing.detailCode()).isEqualTo("foreigner.csv-column-missing");
		assertThat(missing.detailArgs()).containsExactly("Quốc tịch", "nationality");
		assertThat(missing.properties()).containsEntry("column", "Quốc tịch");

		ApiException unknown = refused(HEADER.replace("Số phòng", "Phòng") + "\n1,A,,,,,,,,,\n");
		assertThat(unknown.detailCode()).isEqualTo("foreigner.csv-column-unknown");
		assertThat(unknown.properties()).containsEntry("column", "Phòng");

		// STT only as the leading column.
		ApiException rowNumberElsewhere = refused(HEADER.replace("STT,", "") + ",STT\n");
		assertThat(rowNumberElsewhere.properties()).containsEntry("column", "STT");

		ApiException twice = refused(HEADER + ",fullName\n");
		assertThat(twice.detailCode()).isEqualTo("foreigner.csv-column-twice");
		assertThat(twice.properties()).containsEntry("column", "Họ và tên");
	}

	@Test
	void aValueUnderNoColumnNamesTheLineAndShortRowsReadEmpty() {
		ApiException shifted = refused(HEADER + "\n1,A,01/01/1990,Nam,KR,AB12345,,30/11/2026,1,01/12/2026 10:00,02/12/2026\n"
				+ "2,SMITH, JOHN,01/01/1990,Nam,US,AB12346,,30/11/2026,2,01/12/2026 10:00,02/12/2026\n");
		assertThat(shifted.detailCode()).isEqualTo("foreigner.csv-extra-value");
		assertThat(shifted.properties()).containsEntry("line", 3);

		// Empty cells beyond the header are tolerated; a short row leaves the rest empty.
		List<Na17Csv.Row> rows = read(HEADER + ",,\n1,A,01/01/1990,Nam,KR,AB12345,,,,\n");
		assertThat(rows.get(0).guest().plannedDeparture()).isEmpty();
		assertThat(rows.get(0).guest().arrivedAt()).isEmpty();
	}

	@Test
	void anEmptyFileOrAHeaderWithoutRowsIsRefused() {
		assertThat(refused("").detailCode()).isEqualTo("foreigner.csv-empty");
		assertThat(refused("\uFEFF\r\n\r\n").detailCode()).isEqualTo("foreigner.csv-empty");
		assertThat(refused(HEADER + "\r\n,,,,,,,,,,\r\n").detailCode()).isEqualTo("foreigner.csv-empty");
	}

	@Test
	void aFileNotInUtf8IsRefused() {
		byte[] latin1 = ("STT,Ngày sinh\n").getBytes(StandardCharsets.ISO_8859_1);
		assertThatThrownBy(() -> Na17Csv.read(latin1)).isInstanceOfSatisfying(ApiException.class,
				(ex) -> assertThat(ex.detailCode()).isEqualTo("foreigner.csv-not-utf8"));
	}

}
