import * as yaml from 'js-yaml';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '@tadoru/graph';

export const DPO_QUESTION = `# tadoru: who receives students' browsing history, and for what purpose?
# One row per recipient, system, category received (the history itself or data derived from it,
# such as the offer-decline score), flow and purpose: with the legal basis, the notice, the path the
# data took, and the rules each unlawful step breaks. Press the ▶ button (or Ctrl-Enter) to run.
# Other tabs: a person's trace, the findings, every flow, and more.
query WhoReceivesBrowsingHistory($map: String! = "rikunabi-2019", $category: String! = "rn2020-browsing-member") {
  map(name: $map) {
    recipients(category: $category) {
      partial
      totalCount
      rows {
        organizationName
        systemName
        categoryId
        derived
        purpose { name }
        basis
        notice { id publishedAt }
        path { systems steps { kind via rulesBroken } }
        findings { rule severity affectedPeople message }
      }
    }
  }
}
`;

/**
 * The change set of the Rikunabi story (examples/changes/rikunabi-one-more-employer.yaml): the March
 * 2019 score delivery extended to one more employer, as the typed input's variables.
 */
function oneMoreEmployer(): string {
  const document = yaml.load(readFileSync(join(projectRoot(), 'examples', 'changes', 'rikunabi-one-more-employer.yaml'), 'utf8'), { schema: yaml.JSON_SCHEMA }) as Record<string, unknown>;
  const { tadoru: _format, ...change } = document;
  return JSON.stringify({ map: 'rikunabi-2019', change }, null, 2);
}

const DIFF_SELECTION = `baseVersion
      version
      recipients {
        added { organization system category flow purposes derived }
        removed { organization system category flow }
      }
      introduced { rule severity target { kind id } affectedPeople path message }
      resolved { rule target { kind id } }
      elements { added changed retired removed }
      summary { introduced { critical high medium low } }`;

export interface PlaygroundTab {
  query: string;
  variables?: string;
  /** The tab writes (a mutation that changes data): the start-up warm-up never runs it. */
  writes?: boolean;
}

/** The example tabs the playground opens with; the first is the question tadoru exists for. */
export const PLAYGROUND_TABS: PlaygroundTab[] = [
  { query: DPO_QUESTION },
  {
    query: `# Everything about one cohort: where their data is, who received it, under which consent,
# and the findings that concern them. rn2020-no-consent: 7,983 students without valid consent.
query PersonTrace($map: String! = "rikunabi-2019", $person: String! = "rn2020-no-consent") {
  map(name: $map) {
    personTrace(person: $person) {
      person { id subject count uses }
      consents { notice organization at withdrawnAt }
      holdings { organizationId systemId categoryId derived depth }
      recipients {
        organizationName
        categoryId
        flowId
        basis
        consent { concerned consented withdrawn }
        findings { rule severity }
      }
      findings { rule severity target { kind id } affectedPeople message }
      partial
    }
  }
}
`,
  },
  {
    query: `# The rules the map breaks, most severe first, with a summary by severity.
# Filter by rule, severity, organization, target or date (asOf: "2019-05-01").
query Findings($map: String! = "rikunabi-2019") {
  map(name: $map) {
    findings(first: 50) {
      totalCount
      summary { critical high medium low }
      nodes { id rule severity title target { kind id } affectedPeople path message messageJa citation }
    }
  }
}
`,
  },
  {
    query: `# One finding explained: the rule, the facts, the way the data came, and the people affected.
query ExplainFinding($map: String! = "rikunabi-2019", $id: String! = "APPI-27-1:flow:toyota-scores-named") {
  map(name: $map) {
    finding(id: $id) {
      summary
      summaryJa
      rule { id title citation condition explanation { en ja } }
      finding { severity affectedPeople path pathSteps { kind via fromSystem toSystem fromCategory toCategory } evidence { name value } }
      people { id count since consents { at withdrawnAt notice { id } } }
    }
  }
}
`,
  },
  {
    query: `# Where the offer-decline score comes from (UPSTREAM), at Toyota's applicant tracking system:
# every category at every system on the way, and the flow or derivation that led there.
query Lineage($map: String! = "rikunabi-2019") {
  map(name: $map) {
    lineage(category: "rn2020-decline-score", system: "toyota-ats", direction: UPSTREAM, maxDepth: 10) {
      partial
      cutBy
      nodes { depth asset system { name operator { name } } category { name class } reachedVia { kind via } }
    }
  }
}
`,
  },
  {
    query: `# tadoru: where does personal data go, and on what ground?
# All flows of the Rikunabi 2019 map with their sender, recipient, categories and basis.
query RikunabiFlows($map: String! = "rikunabi-2019") {
  map(name: $map) {
    name
    counts { organizations systems flows derivations people }
    flows(first: 100) {
      totalCount
      nodes {
        id
        basis
        crossOrganization
        validFrom
        validTo
        from { id name }
        to { id name }
        sender { id name roles }
        recipient { id name roles }
        dataCategories { id name class profiling }
        purposes { id name }
        notice { id publishedAt }
      }
    }
  }
}
`,
  },
  {
    query: `# Who holds students' browsing history (tied to their member id), which flows carry it,
# and what is derived from it?
query BrowsingHistory($map: String! = "rikunabi-2019", $category: String! = "rn2020-browsing-member") {
  map(name: $map) {
    dataCategory(id: $category) {
      id
      name
      class
      subject { name jobSeeker }
      holders { nodes { id name roles } }
      flows { nodes { id basis sender { name } recipient { name } } }
      usedBy { nodes { id outputs { id name profiling } system { name } } }
    }
  }
}
`,
  },
  {
    query: `# Cohorts of people and the consents they gave.
query Cohorts($map: String! = "rikunabi-2019") {
  map(name: $map) {
    people(first: 50) {
      nodes {
        id
        count
        since
        subject { name }
        uses { id name }
        consents { at withdrawnAt notice { id publishedAt organization { name } } }
      }
    }
  }
}
`,
  },
  {
    query: `# Architects: what would change if Rikunabi delivered the decline scores to one more employer,
# as it did to its clients from March 2019? The change set is in the variables below (the typed
# ChangeSetInput; \`content\` takes the YAML or JSON document instead). Nothing is written: the diff
# shows who would newly receive what and which findings the change would introduce.
mutation ProposeOneMoreEmployer($map: String!, $change: ChangeSetInput!) {
  proposeChange(map: $map, change: $change) {
      ${DIFF_SELECTION}
  }
}
`,
    variables: oneMoreEmployer(),
  },
  {
    query: `# Apply the change onto the version it was proposed against (the proposal's baseVersion; the demo
# starts at 1). CONFLICT, and nothing written, when the map has moved on; failOn: HIGH refuses to
# apply a change that would introduce a high or critical finding. The history records who applied it.
mutation ApplyOneMoreEmployer($map: String!, $change: ChangeSetInput!, $expectedVersion: Int! = 1) {
  applyChange(map: $map, change: $change, expectedVersion: $expectedVersion) {
    applied
    diff {
      ${DIFF_SELECTION}
    }
  }
}
`,
    variables: oneMoreEmployer(),
    writes: true,
  },
  {
    query: `# Every write to a map, forever: version, time, actor (API key name and role), the change, the
# findings it introduced and resolved. Filter with since/until, element ("sample-employer-scores-named")
# or actor. compareVersions gives the diff between any two versions; map(name, version: N) answers
# every question as the map stood at version N.
query History($map: String! = "rikunabi-2019") {
  changes(map: $map, first: 20) {
    nodes {
      version
      at
      kind
      actor { name role }
      description
      elements { added changed retired removed }
      introduced { rule severity target { id } }
      resolved { rule target { id } }
      elementChanges(first: 5) { section id kind }
    }
    pageInfo { hasNextPage endCursor }
  }
  first: map(name: $map, version: 1) { version findings(first: 0) { totalCount } }
  now: map(name: $map) { version findings(first: 0) { totalCount } }
}
`,
  },
  {
    query: `# Review before go-live: an architect submits the proposal as a change request (with its diff);
# a DPO approves it (applied onto the version it was checked on, or CONFLICT with a fresh diff when
# the map moved on) or rejects it with a comment:
#   mutation { approveChange(id: "<id>", comment: "checked with legal") { state appliedVersion } }
#   mutation { rejectChange(id: "<id>", comment: "needs consent first") { state } }
mutation SubmitOneMoreEmployer($map: String!, $change: ChangeSetInput!) {
  submitChange(map: $map, change: $change) {
    id
    state
    author { name role }
    baseVersion
    diff { summary { introduced { critical high medium low } } recipients { added { organization category } } }
  }
}
`,
    variables: oneMoreEmployer(),
    writes: true,
  },
  {
    query: `# Change requests with their state, author, reviewer and diff (state: PENDING, APPROVED, REJECTED).
query ChangeRequests($map: String = "rikunabi-2019") {
  changeRequests(map: $map, first: 20) {
    nodes { id state description author { name role } reviewer { name role } comment createdAt decidedAt baseVersion appliedVersion }
  }
}
`,
  },
  {
    query: `# A report for a regulator, built from one version of the map: here the breach scope of the
# offer-decline scoring system (APPI Art. 26) in Japanese — every client company downstream, the
# people affected, whether a report to the PPC is mandatory. \`json\` is the whole report; open
# \`downloadUrl\` (this page's origin) for the PDF. Kinds: ledger, findings, disclosure (person:),
# breach (system:, since:), ropa, published_matters, overview; formats: json, csv, markdown, html, pdf.
query Report($map: String = "rikunabi-2019") {
  report(kind: breach, map: $map, system: "dmp-follow-model", since: "2019-03-01", lang: ja, format: pdf) {
    title version versionRecordedAt downloadUrl json
  }
}
`,
  },
  {
    query: `# Maps stored in this database.
query Maps {
  maps { name sources importedAt counts { organizations systems flows people } }
}
`,
  },
];
