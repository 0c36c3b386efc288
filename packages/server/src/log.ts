import type { ServerLogger } from './options.js';

/** Keys whose values never reach a log line, whoever passes them. */
const SECRET_KEY = /pass|secret|token|authorization|cookie|api.?key|message|body|email/i;

function describeError(error: unknown, withStack: boolean): unknown {
  if (!(error instanceof Error)) return String(error);
  const { code, status } = error as { code?: unknown; status?: unknown };
  return {
    name: error.name,
    message: error.message,
    ...(typeof code === 'string' || typeof code === 'number' ? { code } : {}),
    ...(typeof status === 'number' ? { status } : {}),
    ...(withStack && error.stack ? { stack: error.stack } : {}),
  };
}

function clean(details: Record<string, unknown>, withStack: boolean): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(details)) {
    if (key === 'error') out[key] = describeError(value, withStack);
    else if (SECRET_KEY.test(key)) out[key] = '[redacted]';
    else out[key] = value;
  }
  return out;
}

/**
 * One JSON object per line: `{"time":…,"level":"info","msg":…,…details}`. Keys that look like
 * credentials or personal text (`token`, `password`, `message`, `email` …) are redacted, so a
 * careless call cannot leak them; callers pass ids, never bodies.
 */
export function createJsonLogger(
  write: (line: string) => void = (line) => process.stderr.write(line),
): ServerLogger {
  const log = (level: string, msg: string, details: Record<string, unknown> = {}) => {
    write(
      `${JSON.stringify({ time: new Date().toISOString(), level, msg, ...clean(details, level === 'error') })}\n`,
    );
  };
  return {
    info: (msg, details) => log('info', msg, details),
    warn: (msg, details) => log('warn', msg, details),
    error: (msg, details) => log('error', msg, details),
  };
}
