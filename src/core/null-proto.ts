/**
 * Objects keyed by text from the wire. A plain `{}` answers `constructor`, `toString` or
 * `__proto__` from Object.prototype (and writing `__proto__` replaces its prototype), so a table
 * looked up by a device's word, or a bag filled with a device's keys, inherits nothing here.
 * test/unit/house/wire-keyed.test.ts keeps plain string-keyed literals out of the wire-facing rooms.
 */

/**
 * Instances inherit nothing: the prototype is an empty, frozen object without a prototype of its
 * own. V8 keeps them in fast mode; Object.create(null) makes dictionary-mode objects, which took
 * three times as long to fill (RFC 5424 headers with structured data: 1.8M/s -> 0.54M/s).
 */
function Bare(): void {}
Bare.prototype = Object.freeze(Object.create(null) as object);
const BareObject = Bare as unknown as new () => Record<string, never>;

/** An empty object that inherits nothing, for keys and values that come from the wire. */
export function record<T>(): Record<string, T> {
  return new BareObject() as Record<string, T>;
}

/** A lookup table for wire text: a copy of `entries` that inherits nothing (tables filled in by loops at load add to it). */
export function table<T>(entries: Readonly<Record<string, T>>): Record<string, T> {
  return Object.assign(record<T>(), entries);
}
