/** Formatting that depends on the UI language; pure functions so they are easy to test. */

const MINUTE = 60;
const HOUR = 3600;
const DAY = 86400;

function formatWith(iso: string | null | undefined, locale: string, options: Intl.DateTimeFormatOptions) {
  if (!iso) return '–';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? '–' : date.toLocaleString(locale, options);
}

export function formatDateTime(iso: string | null | undefined, locale: string): string {
  return formatWith(iso, locale, { dateStyle: 'medium', timeStyle: 'short' });
}

/** "12 Jan, 14:00": day and time without the year, for narrow places (give the full one as a tooltip). */
export function formatShortDateTime(iso: string, locale: string): string {
  return formatWith(iso, locale, { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });
}

export function formatDate(iso: string, locale: string): string {
  return formatWith(iso, locale, { day: 'numeric', month: 'short' });
}

/** "3 hr. ago", "vor 2 Tagen" — how long ago something happened, in the largest sensible unit. */
export function formatAgo(iso: string, now: number, locale: string): string {
  const seconds = Math.round((new Date(iso).getTime() - now) / 1000);
  const rtf = new Intl.RelativeTimeFormat(locale, { numeric: 'auto', style: 'short' });
  const abs = Math.abs(seconds);
  if (abs < MINUTE) return rtf.format(0, 'minute');
  if (abs < HOUR) return rtf.format(Math.round(seconds / MINUTE), 'minute');
  if (abs < DAY) return rtf.format(Math.round(seconds / HOUR), 'hour');
  return rtf.format(Math.round(seconds / DAY), 'day');
}

function unit(value: number, unitName: 'second' | 'minute' | 'hour' | 'day', locale: string): string {
  return new Intl.NumberFormat(locale, { style: 'unit', unit: unitName, unitDisplay: 'narrow' }).format(
    value,
  );
}

/** A span of time in at most two units: "45s", "12m", "3h 20m", "2d 4h" (localised units). */
export function formatDuration(seconds: number | null | undefined, locale: string): string {
  if (seconds === null || seconds === undefined || !Number.isFinite(seconds)) return '–';
  const s = Math.max(0, Math.round(seconds));
  if (s < MINUTE) return unit(s, 'second', locale);
  // Round to whole minutes first, so 7h 59m 50s reads "8h", never "7h 60m".
  const minutes = Math.round(s / MINUTE);
  if (minutes < 60) return unit(minutes, 'minute', locale);
  if (minutes < 24 * 60) {
    const [h, m] = [Math.floor(minutes / 60), minutes % 60];
    return m ? `${unit(h, 'hour', locale)} ${unit(m, 'minute', locale)}` : unit(h, 'hour', locale);
  }
  const hours = Math.round(s / HOUR);
  const [d, h] = [Math.floor(hours / 24), hours % 24];
  return h ? `${unit(d, 'day', locale)} ${unit(h, 'hour', locale)}` : unit(d, 'day', locale);
}

export type DueState = 'none' | 'ok' | 'soon' | 'overdue';

/** Within this many seconds a due time counts as "soon" and is highlighted. */
export const DUE_SOON_SECONDS = HOUR;

/**
 * Where a conversation stands against its first-response target. Answered or resolved
 * conversations have nothing due any more.
 */
export function dueState(
  conv: { firstResponseDueAt: string | null; firstResponseAt: string | null; status: string },
  now: number,
): { state: DueState; seconds: number } {
  if (!conv.firstResponseDueAt || conv.firstResponseAt || conv.status === 'resolved') {
    return { state: 'none', seconds: 0 };
  }
  const seconds = Math.round((new Date(conv.firstResponseDueAt).getTime() - now) / 1000);
  if (seconds < 0) return { state: 'overdue', seconds: -seconds };
  return { state: seconds <= DUE_SOON_SECONDS ? 'soon' : 'ok', seconds };
}

export function formatBytes(bytes: number, locale: string): string {
  if (bytes < 1024) return `${bytes} B`;
  const kb = bytes / 1024;
  if (kb < 1024) return `${kb.toLocaleString(locale, { maximumFractionDigits: 0 })} KB`;
  return `${(kb / 1024).toLocaleString(locale, { maximumFractionDigits: 1 })} MB`;
}

export function initials(name: string | null | undefined, fallback = '?'): string {
  // For a mail address only the part before "@" names the person.
  const parts = (name ?? '')
    .trim()
    .split('@')[0]
    .split(/[\s._-]+/)
    .filter(Boolean);
  if (parts.length === 0) return fallback;
  const first = parts[0][0] ?? '';
  const last = parts.length > 1 ? (parts[parts.length - 1][0] ?? '') : '';
  return (first + last).toUpperCase();
}

// All dark enough for white initials (contrast at least 4.5:1).
const AVATAR_COLOURS = [
  '#3451d1',
  '#0b7366',
  '#a8521f',
  '#9b3fb5',
  '#b5304a',
  '#4f6b10',
  '#2d6fb0',
  '#8a5a00',
];

/** A stable colour per person, so the same customer always looks the same. */
export function colourFor(key: string): string {
  let hash = 0;
  for (let i = 0; i < key.length; i++) hash = (hash * 31 + key.charCodeAt(i)) | 0;
  return AVATAR_COLOURS[Math.abs(hash) % AVATAR_COLOURS.length];
}

/** A value for `<input type="datetime-local">` in the browser's time zone. */
export function toLocalInput(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}
