/**
 * Worker thread of the record-step pool: rebuilds each plan it is given from its spec,
 * then runs the record steps on each batch it is sent and posts the result back.
 */
import { parentPort } from 'node:worker_threads';
import { builtInEnvironment } from '../builtins.js';
import { planCleanse, runRecordSteps, type CleansePlan } from '../engine/cleanse.js';
import { packChanges, type FromWorker, type PlanSpec, type ToWorker } from './worker-protocol.js';

function restorePlan(spec: PlanSpec): CleansePlan {
  const plan = planCleanse(builtInEnvironment, spec.headers, spec.sample, {
    pack: spec.pack,
    dedupe: spec.dedupe,
    ...(spec.target !== undefined ? { target: spec.target } : {}),
    ...(spec.campaign !== undefined ? { campaign: spec.campaign } : {}),
    ...(spec.hasExisting ? { existing: [] } : {}),
    ...(spec.hasAccounts ? { accounts: [] } : {}),
  });
  if (plan.pack.hash !== spec.packHash) throw new Error(`worker compiled pack ${plan.pack.hash}, expected ${spec.packHash}`);
  return plan;
}

const port = parentPort;
if (port) {
  const plans = new Map<number, CleansePlan>();
  const send = (m: FromWorker): void => port.postMessage(m);
  const message = (e: unknown): string => (e instanceof Error ? e.message : String(e));
  port.on('message', (m: ToWorker) => {
    if (m.type === 'release') {
      plans.delete(m.plan);
      return;
    }
    try {
      if (m.type === 'plan') {
        plans.set(m.plan, restorePlan(m.spec));
        send({ type: 'ready', seq: m.seq });
        return;
      }
      const plan = plans.get(m.plan);
      if (!plan) throw new Error(`unknown plan ${m.plan}`);
      const batch = runRecordSteps(plan, m.rows, m.rowNumbers ?? undefined, m.first);
      send({ type: 'batch', seq: m.seq, batch: { ...batch, changes: [] }, changes: packChanges(batch.changes) });
    } catch (e) {
      send({ type: 'error', seq: m.seq, message: message(e) });
    }
  });
}
