import { Lang, Localized } from '@tadoru/common';
import { Column } from './report-document';

/** A column as a kind declares it once, with its label in both languages. */
export interface LocalizedColumn {
  key: string;
  kind: Column['kind'];
  label: Localized;
}

/** The columns with their labels in the report's language. */
export function columnsIn(columns: readonly LocalizedColumn[], lang: Lang): Column[] {
  return columns.map((c) => ({ key: c.key, kind: c.kind, label: c.label[lang] }));
}
