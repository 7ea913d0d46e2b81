// in-force element date: the element existed on `date`. `element` is a Flow or Derivation node, or a
// FEEDS relationship (which carries the interval of its flow or derivation); its validFrom and validTo
// bound the interval, both days included, and an absent bound means "always" or "still running"
// (data-map.md). Asked without a date (null), every element is in force.
// args: element date
date IS NULL OR ((element.validFrom IS NULL OR element.validFrom <= date) AND (element.validTo IS NULL OR element.validTo >= date))
