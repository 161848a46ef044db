/** Helpers for connector settings: plain JSON objects addressed by dotted paths ("imap.password"). */
export type Settings = Record<string, unknown>;

const isPlainObject = (value: unknown): value is Settings =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export function getPath(settings: Settings, path: string): unknown {
  let node: unknown = settings;
  for (const key of path.split('.')) {
    if (!isPlainObject(node)) return undefined;
    node = node[key];
  }
  return node;
}

/** Sets a value, creating the objects on the way; `undefined` removes the key. */
export function setPath(settings: Settings, path: string, value: unknown): void {
  const keys = path.split('.');
  let node: Settings = settings;
  for (const key of keys.slice(0, -1)) {
    if (!isPlainObject(node[key])) {
      if (value === undefined) return;
      node[key] = {};
    }
    node = node[key] as Settings;
  }
  const last = keys[keys.length - 1];
  if (value === undefined) delete node[last];
  else node[last] = value;
}

export const cloneSettings = (settings: Settings): Settings => structuredClone(settings);

/**
 * JSON Merge Patch (RFC 7396): objects merge key by key, `null` removes a key, anything else
 * (arrays included) replaces. A PATCH may send only what changes.
 */
export function mergePatch(target: Settings, patch: Settings): Settings {
  const result = cloneSettings(target);
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete result[key];
    else if (isPlainObject(value))
      result[key] = mergePatch(isPlainObject(result[key]) ? result[key] : {}, value);
    else result[key] = structuredClone(value);
  }
  return result;
}
