/**
 * Worker thread of the record-step pool: rebuilds each plan it is given from its spec,
 * then runs the record steps on each batch it is sent and posts the result back.
 */
import { parentPort } from 'node:worker_threads';
import { builtInEnvironment } from '../builtins.js';
import { planCleanse, runRecordSteps, type CleansePlan } from '../engine/cleanse.js';
import type { AccountIndex } from '../match/accounts/core.js';
import { loadAccountIndex } from '../match/accounts/index.js';
import { withOutput } from '../io/batch-output.js';
import { packChanges, packMatches, type FromWorker, type PlanSpec, type ToWorker } from './worker-protocol.js';

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
  const indexes = new Map<number, AccountIndex>();
  const send = (m: FromWorker, transfer: readonly ArrayBuffer[] = []): void => port.postMessage(m, transfer);
  const message = (e: unknown): string => (e instanceof Error ? e.message : String(e));
  port.on('message', (m: ToWorker) => {
    if (m.type === 'release') {
      plans.delete(m.plan);
      indexes.delete(m.plan);
      return;
    }
    try {
      if (m.type === 'accounts') {
        indexes.set(m.plan, loadAccountIndex(m.index));
        send({ type: 'ready', seq: m.seq });
        return;
      }
      if (m.type === 'match') {
        const index = indexes.get(m.plan);
        if (!index) throw new Error(`unknown account index ${m.plan}`);
        send({ type: 'matches', seq: m.seq, matches: packMatches(index.matchAll(m.leads)) });
        return;
      }
      if (m.type === 'plan') {
        plans.set(m.plan, restorePlan(m.spec));
        send({ type: 'ready', seq: m.seq });
        return;
      }
      const plan = plans.get(m.plan);
      if (!plan) throw new Error(`unknown plan ${m.plan}`);
      const batch = runRecordSteps(plan, m.rows, m.rowNumbers ?? undefined, m.first);
      if (m.output) {
        const b = withOutput(batch, m.output);
        // The bytes move to the main thread (no copy).
        send({ type: 'batch', seq: m.seq, batch: b, changes: packChanges([]) }, [b.output.clean.buffer, b.output.changes.buffer]);
      } else send({ type: 'batch', seq: m.seq, batch: { ...batch, changes: [] }, changes: packChanges(batch.changes) });
    } catch (e) {
      send({ type: 'error', seq: m.seq, message: message(e) });
    }
  });
}
