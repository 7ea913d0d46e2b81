/** The example tabs the playground opens with. */
export const PLAYGROUND_TABS: { query: string; variables?: string }[] = [
  {
    query: `# tadoru: where does personal data go, and on what ground?
# All flows of the Rikunabi 2019 map with their sender, recipient, categories and basis.
# Press the ▶ button (or Ctrl-Enter) to run. Other tabs hold more examples.
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
    query: `# Maps stored in this database.
query Maps {
  maps { name sources importedAt counts { organizations systems flows people } }
}
`,
  },
];
