import { ReportRequest } from '@tadoru/reports';

/** The query string of a download: the same names as the GraphQL arguments and the command's flags. */
export const REPORT_QUERY_PARAMETERS = ['map', 'format', 'lang', 'person', 'system', 'since', 'version', 'asOf'] as const;

/** `/reports/<kind>?map=…&format=…` for a request, its version pinned so the file matches what was described. */
export function downloadPath(request: ReportRequest & { version: number }): string {
  const query = new URLSearchParams();
  for (const name of REPORT_QUERY_PARAMETERS) {
    const value = request[name];
    if (value !== null && value !== undefined && value !== '') query.set(name, String(value));
  }
  return `/reports/${encodeURIComponent(request.kind)}?${query.toString()}`;
}
