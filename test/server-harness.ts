import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { join, resolve } from 'node:path';
import { PACKAGE_ROOT } from '../src/paths.js';
import { type Backend, newDatabase } from './backends.js';

export const SEEDS = resolve(PACKAGE_ROOT, '../shared/fixtures/seeds');
const CLI = join(PACKAGE_ROOT, 'bin', 'parallax.js');

export interface RunningServer {
  url: string;
  db: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

/** A fresh database of a backend holding the seed story, ingested by the real CLI. */
export async function seededDatabase(backend: Backend = 'SQLite'): Promise<string> {
  const db = await newDatabase(backend);
  const result = spawnSync(process.execPath, [CLI, 'ingest', '--db', db, '-q', SEEDS], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`seeding failed: ${result.stderr}`);
  return db;
}

/** Starts `parallax serve` on a free port and waits until it says where it listens. */
export async function startServer(db: string, { token, args = [] }: { token?: string; args?: string[] } = {}): Promise<RunningServer> {
  const env = { ...process.env, PARALLAX_DB: '', PARALLAX_TOKEN: token ?? '' };
  const child = spawn(process.execPath, [CLI, 'serve', '--db', db, '--port', '0', ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  const url = await new Promise<string>((resolveUrl, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start: ${stderr}`)), 30_000);
    child.stderr!.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      const match = /serving (http:\/\/\S+?) /.exec(stderr);
      if (match) {
        clearTimeout(timer);
        resolveUrl(match[1]);
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}: ${stderr}`));
    });
  });
  return {
    url,
    db,
    process: child,
    stop: () =>
      new Promise<void>((done) => {
        if (child.exitCode !== null) return done();
        child.once('exit', () => done());
        child.kill('SIGTERM');
      }),
  };
}
