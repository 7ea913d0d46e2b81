/** Lists longer than this are cut in messages ("a, b, c, d, e and 12 more"); the evidence keeps them whole. */
export const MESSAGE_LIST_LIMIT = 6;

/**
 * Fills `{name}` placeholders from a rule's row: lists are joined (long ones cut), numbers get
 * thousands separators, and a missing value shows as "none" so a message never reads "undefined".
 */
export function fillTemplate(template: string, values: Record<string, unknown>, language: 'en' | 'ja'): string {
  return template.replace(/\{([A-Za-z_][\w]*)\}/g, (_, name: string) => show(values[name], language));
}

function show(value: unknown, language: 'en' | 'ja'): string {
  if (value === null || value === undefined || (Array.isArray(value) && value.length === 0)) return language === 'en' ? 'none' : 'なし';
  if (Array.isArray(value)) {
    const shown = value.length > MESSAGE_LIST_LIMIT ? value.slice(0, MESSAGE_LIST_LIMIT - 1) : value;
    const text = shown.map((v) => show(v, language)).join(language === 'en' ? ', ' : '、');
    const more = value.length - shown.length;
    if (more === 0) return text;
    return language === 'en' ? `${text} and ${more} more` : `${text} ほか${more}件`;
  }
  if (typeof value === 'number') return value.toLocaleString('en-US');
  return String(value);
}

/** The placeholders a template uses, so tests can check every rule returns what its messages need. */
export function placeholdersOf(template: string): string[] {
  return [...template.matchAll(/\{([A-Za-z_][\w]*)\}/g)].map((m) => m[1]);
}
