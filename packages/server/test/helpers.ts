/**
 * Test databases: a real SQLite file in a temp folder, and PostgreSQL when
 * PORTHOLE_TEST_DATABASE_URL names one (each test database is its own schema, dropped after).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { ServerLogger } from '@porthole/server';

export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

export interface DatabaseTarget {
  name: 'sqlite' | 'postgres';
  /** Why the target is skipped, when it is. */
  skip: string | false;
  create(): Promise<TestDatabase>;
}

const postgresUrl = process.env.PORTHOLE_TEST_DATABASE_URL;
const hasPostgres = postgresUrl !== undefined && /^postgres(?:ql)?:\/\//.test(postgresUrl);

export const databaseTargets: DatabaseTarget[] = [
  {
    name: 'sqlite',
    skip: false,
    async create() {
      const dir = await mkdtemp(join(tmpdir(), 'porthole-server-'));
      // A folder that does not exist yet: the server must create it.
      return {
        url: `sqlite:${join(dir, 'data', 'porthole.db')}`,
        drop: () => rm(dir, { recursive: true, force: true }),
      };
    },
  },
  {
    name: 'postgres',
    // On CI a missing database is a failure, not a quietly skipped half of the suite.
    skip:
      hasPostgres || process.env.CI === 'true'
        ? false
        : 'PostgreSQL suite skipped: set PORTHOLE_TEST_DATABASE_URL=postgres://user:pass@host/db to run it',
    async create() {
      if (!hasPostgres) {
        throw new Error(
          'CI=true but PORTHOLE_TEST_DATABASE_URL is not set: the PostgreSQL suite cannot run.',
        );
      }
      const schema = `porthole_test_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
      const admin = new pg.Client({ connectionString: postgresUrl });
      await admin.connect();
      await admin.query(`create schema "${schema}"`);
      await admin.end();
      const url = new URL(postgresUrl ?? '');
      url.searchParams.set('options', `-c search_path=${schema}`);
      return {
        url: url.toString(),
        async drop() {
          const client = new pg.Client({ connectionString: postgresUrl });
          await client.connect();
          await client.query(`drop schema "${schema}" cascade`);
          await client.end();
        },
      };
    },
  },
];

export interface CapturingLogger extends ServerLogger {
  errors: { message: string; details?: Record<string, unknown> }[];
  warnings: string[];
}

/** A logger that keeps errors for assertions instead of printing them. */
export function createCapturingLogger(): CapturingLogger {
  const errors: CapturingLogger['errors'] = [];
  const warnings: string[] = [];
  return {
    errors,
    warnings,
    info() {},
    warn: (message) => warnings.push(message),
    error: (message, details) => errors.push(details ? { message, details } : { message }),
  };
}

export const AGENT_TOKEN = 'test-agent-token-0123456789';
