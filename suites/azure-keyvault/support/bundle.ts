// Reading Key Vault bundles (reference §2.2): ids are {vault}/certificates/{name}/{version},
// recoveryLevel says whether the vault soft-deletes (Recoverable) and allows purge (Purgeable).

export type Obj = Record<string, unknown>;

export const asObj = (v: unknown): Obj => (v && typeof v === 'object' ? (v as Obj) : {});
export const attributesOf = (b: unknown): Obj => asObj(asObj(b).attributes);
export const recoveryLevelOf = (b: unknown): string | undefined => {
  const l = attributesOf(b).recoveryLevel;
  return typeof l === 'string' ? l : undefined;
};
/** Soft delete is on when the level contains Recoverable (CertificateAttributes.recoveryLevel). */
export const softDeletes = (level: string | undefined) => !!level && level.includes('Recoverable');
export const purgeable = (level: string | undefined) => !!level && level.includes('Purgeable');

/** The version segment of a bundle id, or undefined when the id is not {...}/certificates/{name}/{version}. */
export function versionOf(id: unknown, name: string): string | undefined {
  if (typeof id !== 'string') return undefined;
  try {
    const parts = new URL(id).pathname.split('/').filter(Boolean);
    return parts.length === 3 && parts[0] === 'certificates' && parts[1] === name ? parts[2] : undefined;
  } catch {
    return undefined;
  }
}

/** The name of a list item id ({vault}/certificates/{name} or deleted items' id). */
export function nameOfItem(id: unknown): string | undefined {
  if (typeof id !== 'string') return undefined;
  try {
    return new URL(id).pathname.split('/').filter(Boolean)[1];
  } catch {
    return undefined;
  }
}
