// The transactions this service started with a given lock token (in their metadata), and whether
// each is waiting for a lock ("Blocked by: …") or running: only a waiting one is stopped.
SHOW TRANSACTIONS YIELD transactionId, metaData, status
WHERE metaData.lockToken = $token
RETURN transactionId AS id, status
