import { Column, Row } from '../document/report-document';

/**
 * Past this many columns a table no longer fits an A4 page as columns (a ledger record has 28 items;
 * nine or ten short ones still read as a table):
 * printable formats write each row as a record instead — its first column as the record's title,
 * then one line per item that has a value. CSV, JSON and Markdown keep the table as it is.
 */
export const MAX_PRINTED_COLUMNS = 10;

export function printsAsRecords(columns: readonly Column[]): boolean {
  return columns.length > MAX_PRINTED_COLUMNS;
}

/** The items of a record worth a line: every column but the first (the title), without empty values. */
export function recordItems(columns: readonly Column[], row: Row): Array<{ column: Column; value: Row[string] }> {
  return columns.slice(1).flatMap((column) => {
    const value = row[column.key] ?? null;
    if (value === null || (Array.isArray(value) && value.length === 0) || value === '') return [];
    return [{ column, value }];
  });
}
