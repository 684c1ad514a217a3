import { formatDistanceStrict } from 'date-fns';

/** "5 minutes ago"; `now` is a parameter so tests and server renders agree. */
export function formatRelative(value: string | Date, now: Date = new Date()): string {
  return `${formatDistanceStrict(new Date(value), now)} ago`;
}

/** A stable absolute time for the thread, in UTC so server and client render the same text. */
export function formatDateTime(value: string | Date): string {
  return new Date(value).toISOString().slice(0, 16).replace('T', ' ') + ' UTC';
}

/** Whole seconds as "2 h 5 min", "3 d 4 h" or "45 s"; null as an en dash. */
export function formatDuration(seconds: number | null): string {
  if (seconds === null) return '–';
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} h ${minutes % 60} min`;
  return `${Math.floor(hours / 24)} d ${hours % 24} h`;
}
