import type { Flow } from '@tadoru/map';
import { RulePlants, ScenarioBuilder } from './scenario';

/** Pseudonymized logs sent from one company to another; returns the flow's id. */
function pseudonymizedLogs(b: ScenarioBuilder, basis: Flow['basis'], fields: { sameCompany?: boolean; senderFiled?: boolean } = {}): string {
  const group = basis === 'SHARED_USE' ? b.group('group') : undefined;
  const sender = b.org('sender', 'consumer', { ...(group ? { group } : {}), ...(fields.senderFiled ? { optOutFiled: true } : {}) });
  const recipient = fields.sameCompany ? sender : b.org('recipient', 'consumer', group ? { group } : {});
  const logs = b.category('logs', 'Pseudonymized purchase logs', 'shoppers', 'PSEUDONYMIZED');
  const notice = group
    ? b.notice('policy', sender, '2022-04-01', ['service-improvement', 'group-services'], {
        sharedUse: { users: [group], dataCategories: [logs], purposes: ['group-services'], manager: sender },
      })
    : undefined;
  const lake = b.system('lake', sender, 'Data lake', [{ id: 'import', categories: [logs], method: 'THIRD_PARTY', purposes: ['service-improvement'], ...(notice ? { notice } : {}) }]);
  const lab = b.system('lab', recipient, 'Research lab');
  return b.flow('logs', lake, lab, [logs], basis, { purposes: [group ? 'group-services' : 'research'], ...(notice ? { notice } : {}) });
}

/** APPI-41-6: pseudonymized data provided to a third party. */
export const APPI_41_6: RulePlants = {
  violations: [
    (b) => b.expect('APPI-41-6', 'flow', pseudonymizedLogs(b, 'NOT_PERSONAL')),
    (b) => b.expect('APPI-41-6', 'flow', pseudonymizedLogs(b, 'CONSENT')),
    (b) => b.expect('APPI-41-6', 'flow', pseudonymizedLogs(b, 'OPT_OUT', { senderFiled: true })),
  ],
  nearMisses: [
    (b) => void pseudonymizedLogs(b, 'ENTRUSTMENT'),
    (b) => void pseudonymizedLogs(b, 'SHARED_USE'),
    (b) => void pseudonymizedLogs(b, 'NOT_PERSONAL', { sameCompany: true }),
  ],
};
