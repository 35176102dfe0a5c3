const dateTimeFormat = new Intl.DateTimeFormat(undefined, {
  dateStyle: "medium",
  timeStyle: "short",
});

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: "medium" });

/** An ISO timestamp as the reader's local date and time. */
export function formatDateTime(iso: string): string {
  return dateTimeFormat.format(new Date(iso));
}

/** An ISO timestamp as the reader's local date. */
export function formatDate(iso: string): string {
  return dateFormat.format(new Date(iso));
}

/** How long ago something happened, in the unit a person would use. */
export interface Elapsed {
  value: number;
  unit: Intl.RelativeTimeFormatUnit;
}

const units: readonly [Intl.RelativeTimeFormatUnit, number][] = [
  ["minute", 60],
  ["hour", 60 * 60],
  ["day", 24 * 60 * 60],
];

/**
 * Seconds elapsed as a count of the largest unit that fits, up to a week;
 * null under a minute ("just now") or past a week (a date reads better).
 */
export function elapsed(seconds: number): Elapsed | null {
  if (seconds < 60 || seconds >= 7 * 24 * 60 * 60) {
    return null;
  }
  let best: Elapsed = { value: 1, unit: "minute" };
  for (const [unit, size] of units) {
    if (seconds >= size) {
      best = { value: Math.floor(seconds / size), unit };
    }
  }
  return best;
}

const relativeFormat = new Intl.RelativeTimeFormat(undefined, {
  numeric: "auto",
});

/** An ISO timestamp relative to `now`: "just now", "2 minutes ago", a date. */
export function formatRelative(iso: string, now: Date = new Date()): string {
  const seconds = (now.getTime() - new Date(iso).getTime()) / 1000;
  if (seconds < 60 && seconds > -60) {
    return "just now";
  }
  const span = elapsed(seconds);
  return span === null
    ? formatDate(iso)
    : relativeFormat.format(-span.value, span.unit);
}

const dayFormat = new Intl.DateTimeFormat(undefined, {
  dateStyle: "medium",
  timeZone: "UTC",
});

/** A calendar date (YYYY-MM-DD) as the reader writes dates, in no zone. */
export function formatDay(isoDate: string): string {
  return dayFormat.format(new Date(`${isoDate}T00:00:00Z`));
}
