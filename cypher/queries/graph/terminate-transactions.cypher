// Stops transactions of this service's own (found by their lock token), never anyone else's.
TERMINATE TRANSACTIONS $ids
