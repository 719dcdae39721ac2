package vn.gov.bca.platform.dossier.portal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

import vn.gov.bca.platform.web.time.VietnamTime;

/**
 * The national portal's messages as typed records, in its field names: the dossier of
 * {@code DongBoHoSoMC}, the progress entry of {@code CapNhatTienDoHoSoMC}, the procedure of
 * {@code DongBoThuTuc}. Times are {@code yyyyMMddHHmmss} in Vietnam's time ({@link #time}); a
 * day-only date (the appointment) is sent as the end of that day's office hours, 17:00.
 */
public final class PortalMessages {

	static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuuMMddHHmmss");

	private PortalMessages() {
	}

	/** An instant as the portal writes it; null stays null. */
	public static String time(Instant instant) {
		return (instant != null) ? TIME.format(instant.atZone(VietnamTime.ZONE)) : null;
	}

	/** A day as the portal writes a time limit: that day at 17:00, Vietnam's time. */
	public static String endOf(LocalDate day) {
		return (day != null) ? TIME.format(day.atTime(17, 0)) : null;
	}

	/** A dossier ({@code DongBoHoSoMC}: the whole dossier each time, the portal keeps the last). */
	public record SyncedDossier(@JsonProperty("MaHoSo") String code, @JsonProperty("MaTTHC") String procedureCode,
			@JsonProperty("TenTTHC") String procedureName, @JsonProperty("MaLinhVuc") String fieldCode,
			@JsonProperty("TenLinhVuc") String fieldName, @JsonProperty("KenhThucHien") String channel,
			@JsonProperty("ChuHoSo") String owner, @JsonProperty("LoaiDoiTuong") String applicantType,
			@JsonProperty("MaDoiTuong") String applicantId, @JsonProperty("SoDienThoai") String phone,
			@JsonProperty("Email") String email, @JsonProperty("TrichYeuHoSo") String summary,
			@JsonProperty("NgayTiepNhan") String receivedAt, @JsonProperty("NgayHenTra") String appointmentAt,
			@JsonProperty("TrangThaiHoSo") String status, @JsonProperty("NgayTra") String returnedAt,
			@JsonProperty("HinhThuc") String returnMethod, @JsonProperty("MaDonViXuLy") String handlingUnitCode,
			@JsonProperty("DonViXuLy") String handlingUnit, @JsonProperty("TaiLieuNop") List<SubmittedFile> documents,
			@JsonProperty("DanhSachLePhi") List<FeeLine> fees,
			@JsonProperty("DanhSachGiayToKetQua") List<ResultDocument> results,
			@JsonProperty("DanhSachHoSoBoSung") List<SupplementLine> supplements) {
	}

	/** A file the applicant submitted. */
	public record SubmittedFile(@JsonProperty("TepDinhKemId") String id, @JsonProperty("TenTepDinhKem") String name,
			@JsonProperty("MaThanhPhanHoSo") String kind, @JsonProperty("MaHash") String sha256) {
	}

	/** A fee asked for, and whether it is paid. */
	public record FeeLine(@JsonProperty("TenPhiLePhi") String name, @JsonProperty("Gia") long amount,
			@JsonProperty("HinhThucThu") String collection, @JsonProperty("SoBienLai") String receiptNumber,
			@JsonProperty("NgayThu") String paidAt) {
	}

	/** A document the dossier produced, with where anyone holding it can verify it. */
	public record ResultDocument(@JsonProperty("GiayToId") String id, @JsonProperty("TenGiayTo") String name,
			@JsonProperty("MaThanhPhanHoSo") String type, @JsonProperty("SoGiayTo") String number,
			@JsonProperty("NgayCap") String issuedAt, @JsonProperty("DuongDanTraCuu") String verificationUrl) {
	}

	/** What the applicant was asked to add, and when. */
	public record SupplementLine(@JsonProperty("NoiDungBoSung") String missing,
			@JsonProperty("NgayYeuCau") String requestedAt) {
	}

	/**
	 * A progress entry ({@code CapNhatTienDoHoSoMC}): who handled the step (an account id, never a
	 * person's number), their role, when, in which unit, what was done, the status after it, when
	 * the step began and the legal end of the dossier's handling.
	 */
	public record ProgressUpdate(@JsonProperty("MaHoSo") String code, @JsonProperty("NguoiXuLy") String handler,
			@JsonProperty("ChucDanh") String title, @JsonProperty("ThoiDiemXuLy") String at,
			@JsonProperty("PhongBanXuLy") String unit, @JsonProperty("NoiDungXuLy") String content,
			@JsonProperty("TrangThai") String status, @JsonProperty("NgayBatDau") String stepStart,
			@JsonProperty("NgayKetThucTheoQuyDinh") String legalEnd) {
	}

	/** A procedure as published ({@code DongBoThuTuc}). */
	public record PublishedProcedure(@JsonProperty("MaTTHC") String code, @JsonProperty("TenTTHC") String name,
			@JsonProperty("MaLinhVuc") String fieldCode, @JsonProperty("TenLinhVuc") String fieldName,
			@JsonProperty("MucDo") String serviceLevel, @JsonProperty("CapThucHien") String agencyLevel,
			@JsonProperty("ThoiHanGiaiQuyet") int workingDays, @JsonProperty("MucDoDinhDanh") int identityLevel,
			@JsonProperty("CoQuanThucHien") List<String> agencies, @JsonProperty("PhiLePhi") List<ProcedureFee> fees,
			@JsonProperty("ThanhPhanHoSo") List<ProcedureDocument> documents) {
	}

	/** A fee of a procedure, with the period it applies and its amounts by channel. */
	public record ProcedureFee(@JsonProperty("MaPhiLePhi") String code, @JsonProperty("TenPhiLePhi") String name,
			@JsonProperty("MucPhiTrucTuyen") long online, @JsonProperty("MucPhiTrucTiep") long counter,
			@JsonProperty("TuNgay") String from, @JsonProperty("DenNgay") String until) {
	}

	/** A document the applicant submits for the procedure. */
	public record ProcedureDocument(@JsonProperty("MaGiayTo") String code, @JsonProperty("TenGiayTo") String name,
			@JsonProperty("BatBuoc") boolean required) {
	}

}
