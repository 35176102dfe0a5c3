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
