import { Lang } from '@tadoru/common';

/**
 * Words only the renderers use. The shared `REPORT_WORDS.page` has a total ("Page 3 of 9"), which a
 * streamed PDF cannot know when it writes page 3, so the page number stands alone here.
 */
const RENDER_WORDS = {
  page: { en: 'Page {page}', ja: '{page} ページ' },
  diagramNote: {
    en: 'The drawing itself is in the HTML and PDF versions of this report; the text above describes it.',
    ja: '図そのものは本報告書のHTML版・PDF版に掲載しています。上記はその内容を文章で示したものです。',
  },
  diagram: { en: 'Diagram', ja: '図' },
  item: { en: 'Item', ja: '項目' },
  value: { en: 'Value', ja: '内容' },
  note: { en: 'Note', ja: '注記' },
  warning: { en: 'Warning', ja: '注意' },
  noRows: { en: 'No entries.', ja: '該当なし' },
  reportDetails: { en: 'Report', ja: '報告書' },
  title: { en: 'Title', ja: '表題' },
} as const;

export function renderWord(name: keyof typeof RENDER_WORDS, lang: Lang, values: Record<string, string | number> = {}): string {
  return RENDER_WORDS[name][lang].replace(/\{(\w+)\}/g, (_, key: string) => String(values[key] ?? ''));
}
