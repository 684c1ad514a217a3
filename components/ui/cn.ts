export type ClassValue = string | number | false | null | undefined;

/** Join truthy class names with a space. No conflict resolution: later classes do not override earlier ones. */
export function cn(...classes: ClassValue[]): string {
  return classes.filter(Boolean).join(' ');
}
