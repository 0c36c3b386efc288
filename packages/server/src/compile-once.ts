import type { Compilable, CompiledQuery } from 'kysely';

/**
 * A Kysely query built and compiled once; each call gives it new arguments. Kysely otherwise
 * builds the operation tree and compiles it to SQL on every execution, which on the hot paths
 * (a ticket's delivery reads it, then records the outcome) costs more than SQLite takes to run
 * the query. The SQL must not depend on the arguments' values: no `in` lists of varying length.
 *
 * ```ts
 * const byId = compileOnce((id: string) => db.selectFrom('tickets').selectAll().where('id', '=', id));
 * const { rows } = await db.executeQuery(byId(ticketId));
 * ```
 *
 * A raw `sql` query is compiled by the builder itself: `(id) => sql\`…\`.compile(db)`.
 */
export function compileOnce<A extends unknown[], R>(
  build: (...args: A) => Compilable<R> | CompiledQuery<R>,
): (...args: A) => CompiledQuery<R> {
  // Markers no real argument equals; each becomes one (or more) of the compiled parameters.
  const markers = Array.from({ length: build.length }, (_, i) => `\u0000argument ${i}\u0000`);
  const built = build(...(markers as A));
  const template = 'compile' in built ? built.compile() : built;
  const slots = template.parameters.map((value) => markers.indexOf(value as string));
  if (new Set(slots.filter((slot) => slot >= 0)).size !== markers.length) {
    throw new Error('compileOnce: every argument must become a query parameter');
  }
  return (...args) => ({
    ...template,
    parameters: slots.map((slot, i) => (slot < 0 ? template.parameters[i] : args[slot])),
  });
}
