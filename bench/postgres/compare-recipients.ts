/**
 * Whether tadoru and the PostgreSQL baseline gave the same answer to one "recipients" question.
 * tadoru's rows (RecipientRow) carry much more; what both must agree on is who received what, where,
 * by which flow and for which purpose.
 */

/** One receipt: recipient organization, its system, the category received, the flow, one purpose. */
export interface RecipientKey {
  organization: string;
  system: string;
  category: string;
  flow: string;
  purpose: string | null;
}

export interface RecipientsComparison {
  /** The two answers are the same set of rows. */
  same: boolean;
  /**
   * Same, or tadoru was cut by maxNodes (which the baseline does not apply) and every row it gave is
   * also the baseline's: the baseline's extra rows lie past tadoru's node cap.
   */
  agrees: boolean;
  onlyInTadoru: RecipientKey[];
  onlyInPostgres: RecipientKey[];
  tadoruRows: number;
  postgresRows: number;
}

export function compareRecipients(tadoru: RecipientKey[], postgres: RecipientKey[], options: { tadoruCutByMaxNodes?: boolean } = {}): RecipientsComparison {
  const tadoruKeys = keyed(tadoru);
  const postgresKeys = keyed(postgres);
  const onlyInTadoru = [...tadoruKeys].filter(([k]) => !postgresKeys.has(k)).map(([, row]) => row);
  const onlyInPostgres = [...postgresKeys].filter(([k]) => !tadoruKeys.has(k)).map(([, row]) => row);
  const same = onlyInTadoru.length === 0 && onlyInPostgres.length === 0;
  return {
    same,
    agrees: same || (options.tadoruCutByMaxNodes === true && onlyInTadoru.length === 0),
    onlyInTadoru: onlyInTadoru.sort(compareKeys),
    onlyInPostgres: onlyInPostgres.sort(compareKeys),
    tadoruRows: tadoruKeys.size,
    postgresRows: postgresKeys.size,
  };
}

/** Human-readable differences, one line per row, for a mismatch report. */
export function describeDifferences(question: string, comparison: RecipientsComparison): string {
  const lines = [`${question}: tadoru ${comparison.tadoruRows} rows, PostgreSQL ${comparison.postgresRows} rows`];
  for (const row of comparison.onlyInTadoru) lines.push(`  only in tadoru:     ${formatKey(row)}`);
  for (const row of comparison.onlyInPostgres) lines.push(`  only in PostgreSQL: ${formatKey(row)}`);
  return lines.join('\n');
}

export function formatKey(row: RecipientKey): string {
  return `${row.organization} @ ${row.system} receives ${row.category} by ${row.flow} for ${row.purpose ?? '(no purpose)'}`;
}

/** Distinct rows by their five fields (tadoru's rows carry more; only these count). */
function keyed(rows: RecipientKey[]): Map<string, RecipientKey> {
  const byKey = new Map<string, RecipientKey>();
  for (const { organization, system, category, flow, purpose } of rows) {
    const row = { organization, system, category, flow, purpose: purpose ?? null };
    byKey.set(JSON.stringify([organization, system, category, flow, row.purpose]), row);
  }
  return byKey;
}

function compareKeys(a: RecipientKey, b: RecipientKey): number {
  return formatKey(a).localeCompare(formatKey(b));
}
