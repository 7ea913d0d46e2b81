import type { SharedUse } from '@tadoru/map';
import { RulePlants, ScenarioBuilder } from './scenario';

/**
 * A group's member-data flow from one company to a sister under joint use, declared (or not) by
 * `declaration`; returns the flow's id.
 */
function jointUse(b: ScenarioBuilder, declaration: (ids: { group: string; holding: string; sender: string; recipient: string; name: string }) => SharedUse | 'none' | 'no-notice', extraCategory = false): string {
  const group = b.group('group');
  const holding = b.org('holding', 'holding', { group });
  const sender = b.org('sender', 'consumer', { group });
  const recipient = b.org('recipient', 'consumer', { group });
  const name = b.category('name', 'Member name', 'members', 'PERSONAL');
  const history = b.category('history', 'Purchase history', 'members', 'PERSONAL');
  const declared = declaration({ group, holding, sender, recipient, name });
  const notice = declared === 'no-notice' ? undefined : b.notice('policy', sender, '2020-10-01', ['service-provision', 'group-services'], declared === 'none' ? {} : { sharedUse: declared });
  const app = b.system('app', sender, 'Member app', [{ id: 'signup', categories: [name, history], method: 'DIRECT', purposes: ['service-provision'], ...(notice ? { notice } : {}) }]);
  const crm = b.system('crm', recipient, 'Sister company CRM');
  return b.flow('joint-use', app, crm, extraCategory ? [name, history] : [name], 'SHARED_USE', { purposes: ['group-services'], ...(notice ? { notice } : {}) });
}

/** APPI-27-5-3: joint use outside what was declared. */
export const APPI_27_5_3: RulePlants = {
  violations: [
    (b) => b.expect('APPI-27-5-3', 'flow', jointUse(b, () => 'no-notice')),
    (b) => b.expect('APPI-27-5-3', 'flow', jointUse(b, () => 'none')),
    (b) => b.expect('APPI-27-5-3', 'flow', jointUse(b, ({ group, name }) => ({ users: [group], dataCategories: [name], purposes: ['group-services'] }))),
    (b) => b.expect('APPI-27-5-3', 'flow', jointUse(b, ({ holding, sender, name }) => ({ users: [sender, holding], dataCategories: [name], purposes: ['group-services'], manager: holding }))),
    (b) => b.expect('APPI-27-5-3', 'flow', jointUse(b, ({ group, holding, name }) => ({ users: [group], dataCategories: [name], purposes: ['group-services'], manager: holding }), true)),
  ],
  nearMisses: [
    // Declared completely; the recipient is named through its group.
    (b) => void jointUse(b, ({ group, holding, name }) => ({ users: [group], dataCategories: [name], purposes: ['group-services'], manager: holding })),
    // Declared completely; the recipient is named itself.
    (b) => void jointUse(b, ({ holding, recipient, name }) => ({ users: [recipient], dataCategories: [name], purposes: ['group-services', 'group-marketing'], manager: holding })),
    // "Joint use" between two systems of one company needs no declaration.
    (b) => {
      const org = b.org('company', 'consumer');
      const name = b.category('name', 'Member name', 'members', 'PERSONAL');
      const app = b.system('app', org, 'Member app', [{ id: 'signup', categories: [name], method: 'DIRECT', purposes: ['service-provision'] }]);
      const crm = b.system('crm', org, 'CRM');
      b.flow('to-crm', app, crm, [name], 'SHARED_USE', { purposes: ['service-provision'] });
    },
  ],
};
