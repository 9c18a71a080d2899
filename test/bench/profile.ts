/**
 * Where the time goes: V8's sampling CPU profiler (CDP Profiler domain) on the page and on
 * every worker, from the drop to the last milestone, summed by function (self time). Used by
 * `npm run bench -- --profile`, which builds the app unminified so the names are readable.
 */
import type { CDPSession } from 'playwright-core';
import type { Targets } from './targets';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
  children?: number[];
}

interface Profile {
  nodes: ProfileNode[];
  samples?: number[];
  timeDeltas?: number[];
  startTime: number;
  endTime: number;
}

export interface ProfileSummary {
  target: string;
  /** Wall time profiled and time the thread was busy (not idle), ms. */
  wallMs: number;
  busyMs: number;
  /** Self time by function, longest first: [name (file:line), ms]. */
  top: [string, number][];
  /**
   * Stretches of the thread busy without a break over STRETCH_MS (the long tasks, read from the
   * samples themselves since the profile's clock is not the page's), longest first: when they
   * began (ms into the profile), how long they lasted, and the functions they spent most time
   * in (self time, named as in `top`): [name (file:line), ms].
   */
  stretches: { atMs: number; ms: number; top: [string, number][] }[];
}

/** A stretch of busy samples longer than this is reported with its causes (the long-task limit). */
const STRETCH_MS = 50;

const INTERVAL_US = 1000;

export class Profiler {
  #workers: string[] = [];
  constructor(
    private readonly cdp: CDPSession,
    private readonly targets: Targets,
  ) {}

  async start(): Promise<void> {
    this.#workers = this.targets.workers();
    await this.cdp.send('Profiler.enable');
    await this.cdp.send('Profiler.setSamplingInterval', { interval: INTERVAL_US });
    await this.cdp.send('Profiler.start');
    for (const w of this.#workers) {
      await this.targets.send(w, 'Profiler.enable');
      await this.targets.send(w, 'Profiler.setSamplingInterval', { interval: INTERVAL_US });
      await this.targets.send(w, 'Profiler.start');
    }
  }

  async stop(): Promise<ProfileSummary[]> {
    const page = ((await this.cdp.send('Profiler.stop')) as { profile: Profile }).profile;
    const out = [summarise('main thread', page)];
    for (const [i, w] of this.#workers.entries()) {
      const stopped = await this.targets.send<{ profile: Profile }>(w, 'Profiler.stop').catch(() => null);
      if (stopped) out.push(summarise(`worker ${i + 1}`, stopped.profile));
    }
    return out;
  }
}

export function summarise(target: string, profile: Profile): ProfileSummary {
  const byNode = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, ProfileNode>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n);
  const where = (n: ProfileNode) => {
    const file = n.callFrame.url.split('/').pop() ?? '';
    return file ? `${n.callFrame.functionName || '(anonymous)'} (${file}:${n.callFrame.lineNumber + 1})` : n.callFrame.functionName || '(anonymous)';
  };
  /** Built-ins and callbacks without a script are named after the nearest caller that has one. */
  const label = (n: ProfileNode) => {
    if (n.callFrame.url || n.callFrame.functionName.startsWith('(')) return where(n);
    let up = parent.get(n.id);
    while (up && !up.callFrame.url) up = parent.get(up.id);
    return up ? `${n.callFrame.functionName || '(anonymous)'} ← ${where(up)}` : where(n);
  };
  const self = new Map<string, number>();
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  let busy = 0;
  for (let i = 0; i < samples.length; i++) {
    const node = byNode.get(samples[i]);
    const ms = (deltas[i + 1] ?? deltas[i] ?? 0) / 1000;
    if (!node) continue;
    if (node.callFrame.functionName === '(idle)') continue;
    busy += ms;
    const key = label(node);
    self.set(key, (self.get(key) ?? 0) + ms);
  }
  const top = [...self].sort((a, b) => b[1] - a[1]).slice(0, 15).map(([k, ms]) => [k, Math.round(ms)] as [string, number]);
  return { target, wallMs: Math.round((profile.endTime - profile.startTime) / 1000), busyMs: Math.round(busy), top, stretches: stretches(profile, byNode, label) };
}

/** Busy stretches over STRETCH_MS: consecutive samples none of which is (idle), with the functions they spent most time in (self time, as `top`). */
function stretches(profile: Profile, byNode: Map<number, ProfileNode>, label: (n: ProfileNode) => string): ProfileSummary['stretches'] {
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  const out: ProfileSummary['stretches'] = [];
  let t = 0;
  let from = -1;
  let fromMs = 0;
  const close = (end: number, endMs: number) => {
    if (from < 0) return;
    const ms = endMs - fromMs;
    if (ms > STRETCH_MS) {
      const self = new Map<string, number>();
      for (let i = from; i < end; i++) {
        const node = byNode.get(samples[i]);
        if (!node) continue;
        const key = label(node);
        self.set(key, (self.get(key) ?? 0) + (deltas[i + 1] ?? 0) / 1000);
      }
      const top = [...self].sort((a, b) => b[1] - a[1]).slice(0, 10).map(([k, v]) => [k, Math.round(v)] as [string, number]);
      out.push({ atMs: Math.round(fromMs), ms: Math.round(ms), top });
    }
    from = -1;
  };
  for (let i = 0; i < samples.length; i++) {
    t += (deltas[i] ?? 0) / 1000;
    const idle = byNode.get(samples[i])?.callFrame.functionName === '(idle)';
    if (idle) close(i, t);
    else if (from < 0) {
      from = i;
      fromMs = t;
    }
  }
  close(samples.length, t);
  return out.sort((a, b) => b.ms - a.ms).slice(0, 12);
}
