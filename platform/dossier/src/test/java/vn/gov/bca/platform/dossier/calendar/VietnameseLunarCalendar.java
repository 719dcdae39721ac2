package vn.gov.bca.platform.dossier.calendar;

import java.time.LocalDate;

/**
 * Converts a solar date to the Vietnamese lunar calendar (timezone UTC+7), after Hồ Ngọc Đức's
 * published algorithm (new moons and the sun's longitude from Meeus' formulas). Only for tests: it
 * checks the lunar holidays typed into the holiday file independently of whoever typed them.
 */
final class VietnameseLunarCalendar {

	/** A lunar date; {@code leap} for a day of an intercalary month. */
	record LunarDate(int day, int month, int year, boolean leap) {
	}

	private static final double TIME_ZONE = 7.0;

	/** Julian day number of 1970-01-01. */
	private static final long EPOCH_JULIAN_DAY = 2_440_588;

	private VietnameseLunarCalendar() {
	}

	static LunarDate of(LocalDate date) {
		long dayNumber = date.toEpochDay() + EPOCH_JULIAN_DAY;
		long k = (long) Math.floor((dayNumber - 2415021.076998695) / 29.530588853);
		long monthStart = newMoonDay(k + 1);
		if (monthStart > dayNumber) {
			monthStart = newMoonDay(k);
		}
		int year = date.getYear();
		long a11 = lunarMonth11(year);
		long b11 = a11;
		int lunarYear;
		if (a11 >= monthStart) {
			lunarYear = year;
			a11 = lunarMonth11(year - 1);
		}
		else {
			lunarYear = year + 1;
			b11 = lunarMonth11(year + 1);
		}
		int lunarDay = (int) (dayNumber - monthStart + 1);
		int diff = (int) Math.floor((monthStart - a11) / 29.0);
		boolean leap = false;
		int lunarMonth = diff + 11;
		if (b11 - a11 > 365) {
			int leapMonthDiff = leapMonthOffset(a11);
			if (diff >= leapMonthDiff) {
				lunarMonth = diff + 10;
				leap = (diff == leapMonthDiff);
			}
		}
		if (lunarMonth > 12) {
			lunarMonth -= 12;
		}
		if (lunarMonth >= 11 && diff < 4) {
			lunarYear -= 1;
		}
		return new LunarDate(lunarDay, lunarMonth, lunarYear, leap);
	}

	/** The solar date of a lunar day (not in a leap month) of the lunar year that starts in {@code solarYear}. */
	static LocalDate solarDate(int lunarDay, int lunarMonth, int solarYear) {
		for (LocalDate date = LocalDate.of(solarYear, 1, 1); date.getYear() == solarYear; date = date.plusDays(1)) {
			LunarDate lunar = of(date);
			if (lunar.day() == lunarDay && lunar.month() == lunarMonth && lunar.year() == solarYear && !lunar.leap()) {
				return date;
			}
		}
		throw new IllegalArgumentException(lunarDay + "/" + lunarMonth + " not found in " + solarYear);
	}

	private static long newMoonDay(long k) {
		double t = k / 1236.85;
		double t2 = t * t;
		double t3 = t2 * t;
		double dr = Math.PI / 180;
		double jd1 = 2415020.75933 + 29.53058868 * k + 0.0001178 * t2 - 0.000000155 * t3;
		jd1 = jd1 + 0.00033 * Math.sin((166.56 + 132.87 * t - 0.009173 * t2) * dr);
		double m = 359.2242 + 29.10535608 * k - 0.0000333 * t2 - 0.00000347 * t3;
		double mpr = 306.0253 + 385.81691806 * k + 0.0107306 * t2 + 0.00001236 * t3;
		double f = 21.2964 + 390.67050646 * k - 0.0016528 * t2 - 0.00000239 * t3;
		double c1 = (0.1734 - 0.000393 * t) * Math.sin(m * dr) + 0.0021 * Math.sin(2 * dr * m);
		c1 = c1 - 0.4068 * Math.sin(mpr * dr) + 0.0161 * Math.sin(dr * 2 * mpr);
		c1 = c1 - 0.0004 * Math.sin(dr * 3 * mpr);
		c1 = c1 + 0.0104 * Math.sin(dr * 2 * f) - 0.0051 * Math.sin(dr * (m + mpr));
		c1 = c1 - 0.0074 * Math.sin(dr * (m - mpr)) + 0.0004 * Math.sin(dr * (2 * f + m));
		c1 = c1 - 0.0004 * Math.sin(dr * (2 * f - m)) - 0.0006 * Math.sin(dr * (2 * f + mpr));
		c1 = c1 + 0.0010 * Math.sin(dr * (2 * f - mpr)) + 0.0005 * Math.sin(dr * (2 * mpr + m));
		double deltaT;
		if (t < -11) {
			deltaT = 0.001 + 0.000839 * t + 0.0002261 * t2 - 0.00000845 * t3 - 0.000000081 * t * t3;
		}
		else {
			deltaT = -0.000278 + 0.000265 * t + 0.000262 * t2;
		}
		double jdNew = jd1 + c1 - deltaT;
		return (long) Math.floor(jdNew + 0.5 + TIME_ZONE / 24);
	}

	/** The sun's longitude at the start of that day, as one of 12 sectors of 30°. */
	private static int sunLongitude(long dayNumber) {
		double t = (dayNumber - 2451545.5 - TIME_ZONE / 24) / 36525;
		double t2 = t * t;
		double dr = Math.PI / 180;
		double m = 357.52910 + 35999.05030 * t - 0.0001559 * t2 - 0.00000048 * t * t2;
		double l0 = 280.46645 + 36000.76983 * t + 0.0003032 * t2;
		double dl = (1.914600 - 0.004817 * t - 0.000014 * t2) * Math.sin(dr * m);
		dl = dl + (0.019993 - 0.000101 * t) * Math.sin(dr * 2 * m) + 0.000290 * Math.sin(dr * 3 * m);
		double l = (l0 + dl) * dr;
		l = l - Math.PI * 2 * Math.floor(l / (Math.PI * 2));
		return (int) Math.floor(l / Math.PI * 6);
	}

	/** The first day of the 11th lunar month (the one holding the winter solstice) of that year. */
	private static long lunarMonth11(int year) {
		long off = LocalDate.of(year, 12, 31).toEpochDay() + EPOCH_JULIAN_DAY - 2415021;
		long k = (long) Math.floor(off / 29.530588853);
		long newMoon = newMoonDay(k);
		if (sunLongitude(newMoon) >= 9) {
			newMoon = newMoonDay(k - 1);
		}
		return newMoon;
	}

	private static int leapMonthOffset(long a11) {
		long k = (long) Math.floor((a11 - 2415021.076998695) / 29.530588853 + 0.5);
		int last;
		int i = 1;
		int arc = sunLongitude(newMoonDay(k + i));
		do {
			last = arc;
			i++;
			arc = sunLongitude(newMoonDay(k + i));
		}
		while (arc != last && i < 14);
		return i - 1;
	}

}
