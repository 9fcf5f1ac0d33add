import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../test/helpers/database.ts';
import { demoUserCount, loadDemoData } from '../demo/load.ts';
import { writeBackup } from './backup.ts';
import { dependencyOrder, nonEmptyTables, publicTables } from './catalog.ts';
import { openDatabase, type Database } from './client.ts';
import { migrateDatabase } from './migrate.ts';
import { restoreBackup, RestoreError } from './restore.ts';

type Kind = 'pglite' | 'postgres';
/** PGlite always; PostgreSQL too when TEST_DATABASE_URL is set, and then every direction between the two. */
const kinds: Kind[] = process.env.TEST_DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'passerelle-backup-'));
const opened: { drop(): Promise<void> }[] = [];

async function freshDatabase(kind: Kind): Promise<Database> {
  if (kind === 'postgres') {
    const test = await createTestDatabase();
    opened.push(test);
    return test.database;
  }
  const database = await openDatabase({});
  await migrateDatabase(database);
  opened.push({ drop: () => database.close() });
  return database;
}

/** Every row of every public table as PostgreSQL prints it, sorted: equal snapshots mean equal databases. */
async function snapshot(database: Database): Promise<Record<string, string[]>> {
  return database.db.transaction(async (tx) => {
    await tx.execute(sql`set local timezone to 'UTC'`);
    const result: Record<string, string[]> = {};
    for (const table of await publicTables(tx)) {
      const { rows } = (await tx.execute(
        sql.raw(`select row_to_json(t)::text as line from public."${table.name}" t`),
      )) as {
        rows: { line: string }[];
      };
      result[table.name] = rows.map((row) => row.line).sort();
    }
    return result;
  });
}

let counter = 0;
const newFile = () => path.join(dir, `backup-${++counter}.jsonl.gz`);

/** A demo database with awkward values added: multi-line text, Arabic, a numeric beyond a double's precision. */
async function demoSource(kind: Kind): Promise<{ database: Database; file: string }> {
  const database = await freshDatabase(kind);
  await loadDemoData(database.db);
  await database.query(
    `insert into audit_events (action, entity_type, changes, at)
     values ('test.awkward', 'probe', $1::jsonb, '2016-12-09T10:30:00.123456+01:00')`,
    ['{"note": "ligne 1\\nligne 2", "ar": "محمد", "big": 12345678901234567890.123456789, "none": null}'],
  );
  await database.query(`update users set name = 'Nadia\nEl Amrani' where email = 'expert@passerelle.example'`);
  const file = newFile();
  await writeBackup(database, file);
  return { database, file };
}

const sources = new Map<Kind, { database: Database; file: string }>();

beforeAll(async () => {
  for (const kind of kinds) sources.set(kind, await demoSource(kind));
});

afterAll(async () => {
  for (const database of opened) await database.drop();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('backup and restore', () => {
  for (const from of kinds) {
    for (const to of kinds) {
      it(`gives back every row of the demo data (${from} → ${to})`, async () => {
        const source = sources.get(from)!;
        const target = await freshDatabase(to);
        const restored = await restoreBackup(target, source.file);
        expect(restored.users).toBe(demoUserCount);
        const expected = await snapshot(source.database);
        expect(Object.keys(expected).length).toBeGreaterThanOrEqual(8);
        expect(await snapshot(target)).toEqual(expected);
      });
    }
  }

  it('writes a header naming the format, the schema version and every public table in foreign-key order', () => {
    const text = gunzipSync(fs.readFileSync(sources.get('pglite')!.file)).toString('utf8');
    const lines = text.trimEnd().split('\n');
    const [kind, header] = JSON.parse(lines[0]!) as [
      string,
      { format: string; migrations: unknown[]; tables: { name: string }[] },
    ];
    expect(kind).toBe('header');
    expect(header.format).toBe('passerelle-backup');
    expect(header.migrations.length).toBeGreaterThan(0);
    const names = header.tables.map((table) => table.name);
    expect(names.indexOf('users')).toBeLessThan(names.indexOf('role_assignments'));
    expect(names.indexOf('institutions')).toBeLessThan(names.indexOf('role_assignments'));
    expect(JSON.parse(lines.at(-1)!)[0]).toBe('end');
  });

  it('refuses a database that already holds rows, and writes nothing', async () => {
    const source = sources.get(kinds.at(-1)!)!;
    const before = await snapshot(source.database);
    await expect(restoreBackup(source.database, source.file)).rejects.toThrow(/only goes into an empty database/);
    expect(await snapshot(source.database)).toEqual(before);
  });

  it('refuses a truncated file, and writes nothing', async () => {
    const bytes = fs.readFileSync(sources.get('pglite')!.file);
    const truncated = newFile();
    fs.writeFileSync(truncated, bytes.subarray(0, Math.floor(bytes.length * 0.8)));
    const target = await freshDatabase(kinds.at(-1)!);
    await expect(restoreBackup(target, truncated)).rejects.toThrow(/damaged or truncated/);
    expect(await nonEmptyTables(target, await publicTables(target))).toEqual([]);
  });

  it('refuses a file cut at a line boundary (no end marker), and writes nothing', async () => {
    const lines = gunzipSync(fs.readFileSync(sources.get('pglite')!.file))
      .toString('utf8')
      .trimEnd()
      .split('\n');
    const cut = newFile();
    fs.writeFileSync(cut, gzipSync(lines.slice(0, -30).join('\n') + '\n'));
    const target = await freshDatabase(kinds.at(-1)!);
    await expect(restoreBackup(target, cut)).rejects.toThrow(/truncated/);
    expect(await nonEmptyTables(target, await publicTables(target))).toEqual([]);
  });

  it('refuses a corrupt row after valid ones, and writes nothing', async () => {
    const lines = gunzipSync(fs.readFileSync(sources.get('pglite')!.file))
      .toString('utf8')
      .trimEnd()
      .split('\n');
    const at = lines.indexOf('["table","users"]') + 5;
    lines[at] = '{"id": "not-a-uuid", "email": 42}';
    const corrupt = newFile();
    fs.writeFileSync(corrupt, gzipSync(lines.join('\n') + '\n'));
    const target = await freshDatabase(kinds.at(-1)!);
    await expect(restoreBackup(target, corrupt)).rejects.toThrow(RestoreError);
    expect(await nonEmptyTables(target, await publicTables(target))).toEqual([]);
  });

  it('refuses a file that is not a backup, and one from another schema version', async () => {
    const target = await freshDatabase(kinds.at(-1)!);
    const notBackup = newFile();
    fs.writeFileSync(notBackup, 'id,email\n1,a@b.c\n');
    await expect(restoreBackup(target, notBackup)).rejects.toThrow(/damaged or truncated/);
    const lines = gunzipSync(fs.readFileSync(sources.get('pglite')!.file))
      .toString('utf8')
      .trimEnd()
      .split('\n');
    const [, header] = JSON.parse(lines[0]!) as [string, { migrations: { hash: string }[] }];
    header.migrations.push({ hash: 'from-a-later-release' } as { hash: string });
    lines[0] = JSON.stringify(['header', header]);
    const newer = newFile();
    fs.writeFileSync(newer, gzipSync(lines.join('\n') + '\n'));
    await expect(restoreBackup(target, newer)).rejects.toThrow(/schema version/);
    expect(await nonEmptyTables(target, await publicTables(target))).toEqual([]);
  });
});

describe('backup of tables the app does not have yet', () => {
  /** Identity ids, a self reference, a generated column, a sequence, arrays, json with line breaks, numerics. */
  const probeSchema = [
    `create table public.probe_parent (
      id bigint generated always as identity primary key,
      label text, tags text[], amount numeric, doc json, twice bigint generated always as (id * 2) stored)`,
    `create table public.probe_tree (id serial primary key, parent_id int references public.probe_tree(id),
      parent bigint references public.probe_parent(id))`,
    `create sequence public.probe_counter`,
  ];

  it('copies identity ids, self references, arrays, json and sequences, over several fetches', async () => {
    const kind = kinds.at(-1)!;
    const source = await freshDatabase(kind);
    const target = await freshDatabase(kind);
    for (const database of [source, target]) for (const statement of probeSchema) await database.query(statement);
    await source.query(`
      insert into probe_parent (label, tags, amount, doc)
      select 'row ' || n, array['a' || n, null, 'x,y"z'], 1e30 + n / 7.0, ('{"n": ' || n || ', "s": "a\\nb", "k": [1, 2]}')::json
        from generate_series(1, 2500) n`);
    // Children inserted before their parent's id exists in physical order: only a single statement restores them.
    await source.query(`insert into probe_tree (id, parent_id, parent) values (1, null, 1), (2, 1, 2), (3, 2, null)`);
    await source.query(`update probe_tree set parent_id = 3 where id = 1`);
    await source.query(`select setval('probe_tree_id_seq', 3), nextval('probe_counter'), nextval('probe_counter')`);
    const file = newFile();
    await writeBackup(source, file);
    await restoreBackup(target, file);
    expect(await snapshot(target)).toEqual(await snapshot(source));
    // A line break between the tokens of a `json` value (insignificant whitespace) comes back as a space.
    await source.query(`insert into probe_parent (label, doc) values ('multi-line', E'{"a":\\n 1}')`);
    const second = newFile();
    await writeBackup(source, second);
    const again = await freshDatabase(kind);
    for (const statement of probeSchema) await again.query(statement);
    await restoreBackup(again, second);
    const [doc] = await again.query<{ same: boolean }>(
      `select doc::jsonb = '{"a": 1}'::jsonb as same from probe_parent where label = 'multi-line'`,
    );
    expect(doc!.same).toBe(true);
    const [next] = await target.query<{ id: string }>(`insert into probe_parent (label) values ('new') returning id`);
    expect(Number(next!.id)).toBe(2501);
    const [counter] = await target.query<{ value: string }>(`select nextval('probe_counter')::text as value`);
    expect(counter!.value).toBe('3');
    // Three databases migrated from scratch: most of the time is the migrations, which grow with every issue.
  }, 120_000);
});

describe('dependencyOrder', () => {
  it('puts each table after those it references, ignoring self references', () => {
    expect(
      dependencyOrder(
        ['c', 'b', 'a'],
        [
          ['c', 'b'],
          ['b', 'a'],
          ['a', 'a'],
        ],
      ),
    ).toEqual(['a', 'b', 'c']);
  });

  it('names the tables of a cycle', () => {
    expect(() =>
      dependencyOrder(
        ['x', 'y', 'z'],
        [
          ['x', 'y'],
          ['y', 'x'],
        ],
      ),
    ).toThrow(/x, y reference each other/);
  });
});
