import { getContext, setContext } from 'svelte';
import type { Problem } from '../core/problems';
import { estimateLoop, type LoopEstimates } from '../core/loop/estimate-loop';
import { linkOutcomes, type LinkedOutcomes } from '../core/loop/link-outcomes';
import { sortLoopFiles, type NamedBytes, type SortedLoopFiles } from '../core/loop/sort-files';

export type OutcomesResult = { refused: Problem } | { linked: LinkedOutcomes; estimates: LoopEstimates };

/**
 * The Outcomes tab's files and what came of them. Files arrive in any order and number (one
 * drop of three, or one at a time) and are told apart by content (sortLoopFiles); a newer
 * file of a kind replaces the older. Once a list, a manifest and an outcomes file are in, they
 * are linked and estimated (core/loop). Independent of the scored file: outcomes come weeks
 * after the list. Nothing is kept beyond the page: the bytes live in memory until cleared.
 */
export class OutcomesDesk {
  files = $state.raw<SortedLoopFiles>({ other: [] });
  reading = $state(false);
  result = $state.raw<OutcomesResult | null>(null);

  /** The kinds still missing, in the order the view names them. */
  missing = $derived((['list', 'manifest', 'outcomes'] as const).filter((k) => !this.files[k]));

  async add(list: FileList | readonly File[] | null | undefined): Promise<void> {
    const files = [...(list ?? [])];
    if (files.length === 0) return;
    this.reading = true;
    try {
      const added: NamedBytes[] = await Promise.all(files.map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })));
      const now = sortLoopFiles(added);
      const was = this.files;
      this.files = { list: now.list ?? was.list, manifest: now.manifest ?? was.manifest, outcomes: now.outcomes ?? was.outcomes, other: now.other };
      this.result = this.link();
    } finally {
      this.reading = false;
    }
  }

  clear(): void {
    this.files = { other: [] };
    this.result = null;
  }

  private link(): OutcomesResult | null {
    const { list, manifest, outcomes } = this.files;
    if (!list || !manifest || !outcomes) return null;
    const r = linkOutcomes({ list, manifest: { name: manifest.name, text: new TextDecoder().decode(manifest.bytes) }, outcomes });
    if ('refused' in r) return r;
    const l = r.linked;
    return { linked: l, estimates: estimateLoop({ rows: l.rows, model: l.model, random: l.random }) };
  }
}

const DESK = Symbol('outcomes-desk');

/** Makes the page's one OutcomesDesk available to the views below (App.svelte). */
export function setOutcomesDesk(desk: OutcomesDesk): OutcomesDesk {
  return setContext(DESK, desk);
}

/** The page's OutcomesDesk; undefined where none was provided (a view rendered on its own). */
export function findOutcomesDesk(): OutcomesDesk | undefined {
  return getContext<OutcomesDesk | undefined>(DESK);
}
