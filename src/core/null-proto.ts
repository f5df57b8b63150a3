/**
 * Objects keyed by text from the wire. A plain `{}` answers `constructor`, `toString` or
 * `__proto__` from Object.prototype (and writing `__proto__` replaces its prototype), so a table
 * looked up by a device's word, or a bag filled with a device's keys, is made without a prototype.
 * test/unit/house/wire-keyed.test.ts keeps plain string-keyed literals out of the wire-facing rooms.
 */

/** A lookup table for wire text: a null-prototype copy of `entries` (tables filled in by loops at load add to it). */
export function table<T>(entries: Readonly<Record<string, T>>): Record<string, T> {
  return Object.assign(Object.create(null) as Record<string, T>, entries);
}

/** An empty null-prototype object, for keys and values that come from the wire. */
export function record<T>(): Record<string, T> {
  return Object.create(null) as Record<string, T>;
}
