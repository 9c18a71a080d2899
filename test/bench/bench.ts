/**
 * `npm run bench`: the scale benchmark of issue 8 (a benchmark, not a timed test).
 *
 *   npm run bench                                   100,000 and 1,000,000 rows
 *   npm run bench -- --rows 100000                  one size (comma-separated for several)
 *   npm run bench -- --skip-reference | --skip-browser
 *   npm run bench -- --profile                      adds CPU profiles of the page and workers
 *   npm run bench -- --skip-compare                 leaves out the Compare models tab
 *   npm run bench -- --report-only                  prints bench.md again from the last bench.json
 *
 * Generates the CSVs with the model pipeline's generator (cached in test/bench/out/), builds
 * the app when the build is missing or older than its sources, serves it with `vite preview`,
 * runs each file through the real app in headless Chromium (browser-run.ts) and the
 * reference stack in Python (reference.py) on the same machine, and writes
 * test/bench/out/bench.json and bench.md. Environment: BENCH_DIST (build folder, default
 * dist), BENCH_APP (checkout to build, default .), BENCH_PORT (default 4183), CHROMIUM_PATH, BENCH_TIMEOUT_S (per file, default 1200).
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { runInBrowser, type BrowserRun } from './browser-run';
import { markdown, type Bench, type Reference } from './report';

const OUT = 'test/bench/out';
const SEED = 8;
/** --profile builds unminified into a folder of its own, so profiles name the functions. */
const DIST = (process.env.BENCH_DIST ?? 'dist') + (process.argv.includes('--profile') ? '-profile' : '');
/** The checkout whose app is built (default this one; a clean `git archive` of HEAD avoids measuring work in progress). */
const APP = process.env.BENCH_APP ?? '.';
const PORT = Number(process.env.BENCH_PORT ?? 4183);
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const TIMEOUT_MS = Number(process.env.BENCH_TIMEOUT_S ?? 1200) * 1000;

const args = process.argv.slice(2);
const flag = (name: string) => args.includes(name);
const option = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const sizes = (option('--rows') ?? '100000,1000000').split(',').map((s) => Number(s.replace(/_/g, '')));
const log = (line: string) => console.log(line);

function csvFor(rows: number): string {
  mkdirSync(OUT, { recursive: true });
  const path = join(OUT, `rows-${rows}.csv`);
  if (!existsSync(path)) {
    log(`generating ${path}`);
    execFileSync('python3', ['models/generate.py', '--rows', String(rows), '--seed', String(SEED), '--out', path], { stdio: 'inherit' });
  }
  return path;
}

function newest(path: string): number {
  const s = statSync(path);
  if (!s.isDirectory()) return s.mtimeMs;
  return Math.max(s.mtimeMs, ...readdirSync(path).map((name) => newest(join(path, name))));
}

function ensureBuild(): void {
  const built = join(DIST, 'index.html');
  const sources = Math.max(...['src', 'public', 'index.html', 'vite.config.ts', 'package.json'].map((p) => join(APP, p)).filter(existsSync).map(newest));
  if (existsSync(built) && statSync(built).mtimeMs >= sources) return;
  log(`building the app in ${APP} into ${DIST}`);
  const unminified = flag('--profile') ? ['--minify', 'false'] : [];
  execFileSync('npx', ['vite', 'build', '--outDir', resolve(DIST), '--emptyOutDir', '--logLevel', 'warn', ...unminified], { stdio: 'inherit', cwd: APP });
}

async function serve(): Promise<() => void> {
  const url = `http://127.0.0.1:${PORT}/`;
  if (await fetch(url).then(() => true, () => false)) throw new Error(`port ${PORT} is taken: stop that server or set BENCH_PORT`);
  const server = spawn('node_modules/.bin/vite', ['preview', '--host', '127.0.0.1', '--port', String(PORT), '--strictPort', '--outDir', DIST], { stdio: 'ignore', detached: true });
  for (let i = 0; i < 100; i++) {
    if (await fetch(url).then((r) => r.ok, () => false)) return () => process.kill(-server.pid!);
    await new Promise((r) => setTimeout(r, 200));
  }
  process.kill(-server.pid!);
  throw new Error(`vite preview did not answer on ${url}`);
}

/** pred_contrib's rows/s does not depend on the file, so it is timed once, on the first file. */
let contribTimed: Reference['contrib'] | null = null;

function reference(csv: string): Reference {
  log(`  reference: pandas + onnxruntime on ${csv}${contribTimed ? '' : ', LightGBM pred_contrib on its first 5,000 rows'}`);
  const contribRows = contribTimed ? '0' : '5000';
  const out = execFileSync('python3', ['test/bench/reference.py', '--csv', csv, '--contrib-rows', contribRows], { encoding: 'utf8' });
  const ref = JSON.parse(out.trim().split('\n').at(-1)!) as Reference;
  contribTimed ??= ref.contrib;
  return { ...ref, contrib: ref.contrib ?? contribTimed };
}

/** HEAD, marked when the app being built is this checkout and its sources have local changes. */
function commit(): string {
  const head = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
  if (process.env.BENCH_COMMIT) return process.env.BENCH_COMMIT;
  const dirty = APP === '.' && execFileSync('git', ['status', '--porcelain', '--', 'src', 'public', 'index.html', 'vite.config.ts'], { encoding: 'utf8' }).trim();
  return dirty ? `${head} + uncommitted changes` : head;
}

function chromiumVersion(): string {
  try {
    return execFileSync(CHROMIUM, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return CHROMIUM;
  }
}

async function main(): Promise<void> {
  if (flag('--report-only')) {
    const table = markdown(JSON.parse(readFileSync(join(OUT, 'bench.json'), 'utf8')) as Bench);
    writeFileSync(join(OUT, 'bench.md'), table);
    return log(table);
  }
  const bench: Bench = {
    date: new Date().toISOString(),
    commit: commit(),
    machine: { cpu: cpus()[0]?.model ?? 'unknown', cores: cpus().length, memoryGB: Math.round(totalmem() / 2 ** 30), chromium: chromiumVersion(), node: process.version },
    files: [],
  };
  const csvs = sizes.map((rows) => ({ rows, csv: csvFor(rows) }));
  let stop = () => {};
  if (!flag('--skip-browser')) {
    ensureBuild();
    stop = await serve();
  }
  try {
    for (const { rows, csv } of csvs) {
      log(`\n${rows.toLocaleString('en')} rows`);
      const bytes = statSync(csv).size;
      const loadBefore = loadavg()[0];
      let browser: BrowserRun | null = null;
      if (!flag('--skip-browser')) {
        browser = { ...(await runInBrowser({ url: `http://127.0.0.1:${PORT}/`, csv, rows, chromium: CHROMIUM, timeoutMs: TIMEOUT_MS, profile: flag('--profile'), compare: !flag('--skip-compare'), log })), bytes };
      }
      const ref = flag('--skip-reference') ? null : reference(csv);
      bench.files.push({ rows, bytes, csv, browser, reference: ref, load: [loadBefore, loadavg()[0]] });
      writeFileSync(join(OUT, 'bench.json'), JSON.stringify(bench, null, 2) + '\n');
    }
  } finally {
    stop();
  }
  const table = markdown(bench);
  writeFileSync(join(OUT, 'bench.md'), table);
  log(`\n${table}`);
  log(`written: ${join(OUT, 'bench.json')}, ${join(OUT, 'bench.md')}`);
}

await main();
