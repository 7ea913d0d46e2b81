export interface StoredMapInfo {
  name: string;
  sources: string[];
  checksum: string;
  counts: Record<string, number>;
  createdAt: string;
  importedAt: string;
  /** Set while a bulk import, swap or removal holds the map. */
  busy?: 'importing' | 'replacing' | 'deleting';
}

export function busyMessage(name: string, busy: NonNullable<StoredMapInfo['busy']>): string {
  const what = { importing: 'is being imported', replacing: 'is being replaced by a bulk import', deleting: 'is being removed' }[busy];
  return `map "${name}" ${what}; try again when that has finished`;
}
