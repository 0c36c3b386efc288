/**
 * Kill -9 under load, on SQLite and PostgreSQL: see packages/server/bench/kill-journey.ts.
 * 100 tickets here; `node packages/server/bench/kill-journey.ts --tickets 600` for the numbers.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { runKillJourney } from '../../packages/server/bench/kill-journey.js';
import { databaseTargets } from '../../packages/server/test/helpers.js';

for (const target of databaseTargets) {
  describe(
    `porthole serve killed with SIGKILL while delivering (${target.name})`,
    { skip: target.skip },
    () => {
      it(
        'creates every acknowledged ticket in Zendesk exactly once and signs every webhook',
        { timeout: 600_000 },
        async () => {
          const database = await target.create();
          try {
            const result = await runKillJourney({
              tickets: 100,
              databaseUrl: database.url,
              killEvery: { tickets: 20, ms: 2_000 },
            });
            assert.equal(result.acknowledged, 100);
            assert.ok(result.kills >= 3, `only ${result.kills} kills`);
            assert.deepEqual(result.zendeskMissing, []);
            assert.deepEqual(result.zendeskDuplicates, []);
            assert.equal(result.zendeskTickets, 100);
            assert.deepEqual(result.webhookMissing, []);
            assert.equal(result.badSignatures, 0);
          } finally {
            await database.drop();
          }
        },
      );
    },
  );
}
