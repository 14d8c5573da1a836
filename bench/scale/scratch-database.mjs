// A database of a benchmark's own: a SQLite file in a folder, or, when DATABASE_URL names a PostgreSQL server
// (an admin connection), a database created there for the run and dropped after it.
import { join } from 'node:path';
import pg from 'pg';

const adminUrl = process.env.DATABASE_URL;

async function admin(sql, values) {
  const c = new pg.Client({ connectionString: adminUrl });
  await c.connect();
  try {
    return await c.query(sql, values);
  } finally {
    await c.end();
  }
}

/**
 * `name` (a plain identifier: it goes into the SQL as it is) names the PostgreSQL database; `dir` holds the file.
 * With `template` (PostgreSQL only), the database starts as a copy of that one.
 */
export async function scratchDatabase(name, dir, template) {
  if (!adminUrl) return { url: join(dir, 'taizhang.db'), drop: async () => undefined };
  await admin(`CREATE DATABASE ${name}${template ? ` TEMPLATE ${template}` : ''}`);
  const u = new URL(adminUrl);
  u.pathname = `/${name}`;
  return { url: u.toString(), drop: () => admin(`DROP DATABASE IF EXISTS ${name}`) };
}

/** Whether the PostgreSQL server holds a database of this name. */
export async function databaseExists(name) {
  return (await admin('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount === 1;
}
