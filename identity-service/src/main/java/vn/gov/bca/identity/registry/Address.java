package vn.gov.bca.identity.registry;

/**
 * An address as recorded, and the administrative unit it belongs to now. Records made before
 * July 2025 name old provinces, districts and communes; {@code asRecorded} keeps those words as
 * they were written, while {@code provinceCode} and {@code commune} place the address in the
 * 34-province map.
 *
 * @param asRecorded the address as written in the record
 * @param provinceCode the current 2-digit province code
 * @param commune the current commune (xã, phường, đặc khu)
 * @param detail house number, street, hamlet
 */
public record Address(String asRecorded, String provinceCode, String commune, String detail) {

}
