// happened-by moment date: the event dated `moment` (a consent given or withdrawn, a notice published)
// had happened by `date`, that day included: as of a date, later events do not exist yet. Asked
// without a date (null), every event has happened. Dates are ISO strings, compared as text.
// args: moment date
date IS NULL OR moment <= date
