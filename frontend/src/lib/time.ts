/** formatElapsed writes a duration for a ticking clock: "0:07", "1:05", "1:02:03" (negative reads as 0). */
export function formatElapsed(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = String(total % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}

/** elapsedBetween is the time from an ISO start to an ISO end, or to now while there is no end; 0 without a start. */
export function elapsedBetween(start: string | null | undefined, end: string | null | undefined, now: number): number {
  const from = start ? Date.parse(start) : NaN;
  if (Number.isNaN(from)) return 0;
  const to = end ? Date.parse(end) : now;
  return Math.max(0, (Number.isNaN(to) ? now : to) - from);
}

/** steps are the units timeAgo counts in, largest first, with their length in seconds. */
const steps: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 86400], ['month', 30 * 86400], ['week', 7 * 86400], ['day', 86400], ['hour', 3600], ['minute', 60],
];

/** timeAgo says how long ago an ISO time was, in words: "just now", "5 minutes ago", "yesterday". */
export function timeAgo(iso: string, now: number, locale = 'en'): string {
  const secs = Math.round((now - Date.parse(iso)) / 1000);
  if (Number.isNaN(secs) || secs < 45) return 'just now';
  const fmt = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  for (const [unit, size] of steps) {
    if (secs >= size) return fmt.format(-Math.floor(secs / size), unit);
  }
  return fmt.format(-1, 'minute');
}
