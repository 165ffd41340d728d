// Quiet logging: nothing is printed unless the person or a developer turns
// it on from the worker's console with `globalThis.avatarSaverDebug = true`.

const PREFIX = '[avatar-saver]';

/** Logs with a prefix when debugging is on. */
export function debug(...parts) {
  if (globalThis.avatarSaverDebug === true) {
    console.debug(PREFIX, ...parts);
  }
}
