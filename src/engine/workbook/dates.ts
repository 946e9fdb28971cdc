/**
 * Dates in workbooks: which number formats show a calendar date, and Excel serials in both date
 * systems. Decided once here so the Office reader and the .xlsx reader agree on every cell.
 *
 * A time-only format (`h:mm`, `[h]:mm:ss`, `mm:ss`) is not a date: such a cell holds a time of
 * day or a duration, never a calendar day, so it reads as its number (a fraction of a day).
 */

const MS_PER_DAY = 86_400_000;
/** Day 0 of the 1900 date system as Excel counts after its fictitious 1900-02-29 (serial 60). */
const EPOCH_1900 = Date.UTC(1899, 11, 30);
/** Day 0 of the 1904 date system (Mac Excel's old default): 1904-01-01. */
const EPOCH_1904 = Date.UTC(1904, 0, 1);
/** The last day Excel can show: 9999-12-31, as a serial in the 1900 system. */
const MAX_SERIAL_1900 = 2_958_465;
/** Days between the two systems' day 0. */
const DAYS_1900_TO_1904 = 1462;

const formatCache = new Map<string, boolean>();

/**
 * True when an (invariant, en-US) number format code shows a calendar date: it has a year or
 * day token, or a month token without hours or seconds (so `h:mm` and `[mm]:ss` are not dates).
 */
export function isDateFormat(format: string | undefined): boolean {
  if (!format) return false;
  const cached = formatCache.get(format);
  if (cached !== undefined) return cached;
  const section = format.split(";")[0] ?? "";
  const bare = section
    .replace(/"[^"]*"/g, "") // quoted literals such as "年"
    .replace(/\\./g, "") // escaped characters
    .replace(/_.|\*./g, "") // padding and fill characters
    .replace(/\[[^\]]*\]/g, "") // colours, locales, conditions, elapsed-time brackets
    .replace(/general/gi, "")
    .replace(/AM\/PM|A\/P|上午\/下午/gi, "");
  const result = /[yd]/i.test(bare) || (/m/i.test(bare) && !/[hs]/i.test(bare));
  if (formatCache.size < 1000) formatCache.set(format, result);
  return result;
}

/**
 * Converts an Excel date serial to a `Date` in UTC, or `null` when the number cannot be a date
 * (negative, beyond 9999-12-31, or the 1900 system's fictitious 1900-02-29).
 */
export function excelSerialToDate(serial: number, date1904 = false): Date | null {
  if (!Number.isFinite(serial) || serial < 0) return null;
  if (date1904) {
    if (serial >= MAX_SERIAL_1900 - DAYS_1900_TO_1904 + 1) return null;
    return new Date(EPOCH_1904 + Math.round(serial * MS_PER_DAY));
  }
  if (serial >= MAX_SERIAL_1900 + 1 || Math.floor(serial) === 60) return null;
  // Serials 1..59 lie before Excel's phantom leap day, so they are one day later than the epoch suggests.
  const epoch = serial < 60 ? EPOCH_1900 + MS_PER_DAY : EPOCH_1900;
  return new Date(epoch + Math.round(serial * MS_PER_DAY));
}

/** Converts a `YYYY-MM-DD` date to an Excel serial (1900 date system), or `null` if it is not one. */
export function isoDateToSerial(iso: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = Date.UTC(y, mo - 1, d);
  const check = new Date(t);
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d) return null;
  const serial = (t - EPOCH_1900) / MS_PER_DAY;
  return serial < 61 ? serial - 1 : serial;
}

/** The serial a `date` column writes for an ISO date, or null (write it as text) when not a real date from 1900-03-01 on. */
export function dateCellSerial(iso: string): number | null {
  const serial = isoDateToSerial(iso);
  return serial !== null && serial >= 61 ? serial : null;
}
