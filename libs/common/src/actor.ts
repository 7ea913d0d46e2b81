/** Who made a write, as its history record names them: an API key's name and role, or the CLI's user. */
export interface Actor {
  name: string;
  role: string;
}

/** Writes the service makes on its own (findings refreshed after a rule-pack upgrade). */
export const SERVICE_ACTOR: Actor = { name: 'tadoru', role: 'SERVICE' };

/** Writes made with direct access to the database (the CLI, the service's own start-up imports). */
export const LOCAL_ACTOR: Actor = { name: 'local', role: 'ADMIN' };
