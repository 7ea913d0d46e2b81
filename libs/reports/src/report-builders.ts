import { BreachReport } from './breach/breach.report';
import { DisclosureReport } from './disclosure/disclosure.report';
import { FindingsReport } from './findings/findings.report';
import { LedgerReport } from './ledger/ledger.report';
import { OverviewReport } from './overview/overview.report';
import { PublishedMattersReport } from './published-matters/published-matters.report';
import { RopaReport } from './ropa/ropa.report';

/** Every kind of report, in the order the command's help lists them. */
export const REPORT_BUILDER_CLASSES = [LedgerReport, FindingsReport, DisclosureReport, BreachReport, RopaReport, PublishedMattersReport, OverviewReport] as const;
