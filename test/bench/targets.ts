/**
 * The page's workers through the Chrome DevTools Protocol. Playwright's public API has no
 * CDP session for a dedicated worker, so a second CDP client on the page auto-attaches to
 * them in non-flattened mode (Target.setAutoAttach with flatten: false) and talks to each
 * through Target.sendMessageToTarget / Target.receivedMessageFromTarget
 * (https://chromedevtools.github.io/devtools-protocol/tot/Target/).
 */
import type { CDPSession } from 'playwright-core';

export interface HeapUsage {
  /** Bytes of live JavaScript objects (V8 heap). */
  usedSize: number;
  /** Bytes of ArrayBuffer backing stores: typed arrays and WebAssembly memory live here. */
  backingStorageSize: number;
}

interface Attached {
  type: string;
  url: string;
}

export class Targets {
  readonly attached = new Map<string, Attached>();
  /** Most dedicated workers alive at once. */
  maxWorkers = 0;
  #next = 1;
  #pending = new Map<number, { resolve: (m: unknown) => void; reject: (e: Error) => void }>();

  constructor(private readonly cdp: CDPSession) {
    cdp.on('Target.attachedToTarget', (e) => {
      this.attached.set(e.sessionId, { type: e.targetInfo.type, url: e.targetInfo.url });
      this.maxWorkers = Math.max(this.maxWorkers, this.workers().length);
    });
    cdp.on('Target.detachedFromTarget', (e) => void this.attached.delete(e.sessionId ?? ''));
    cdp.on('Target.receivedMessageFromTarget', (e) => {
      const message = JSON.parse(e.message) as { id?: number; result?: unknown; error?: { message: string } };
      const waiting = message.id === undefined ? undefined : this.#pending.get(message.id);
      if (!waiting) return;
      this.#pending.delete(message.id!);
      if (message.error) waiting.reject(new Error(message.error.message));
      else waiting.resolve(message.result);
    });
  }

  async start(): Promise<void> {
    await this.cdp.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: false, flatten: false });
  }

  /** Session ids of the page's dedicated workers (service workers are not the page's work). */
  workers(): string[] {
    return [...this.attached].filter(([, t]) => t.type === 'worker').map(([id]) => id);
  }

  send<T>(sessionId: string, method: string, params: object = {}): Promise<T> {
    const id = this.#next++;
    return new Promise<T>((resolve, reject) => {
      this.#pending.set(id, { resolve: resolve as (m: unknown) => void, reject });
      this.cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) }).catch(reject);
    });
  }

  /** Heap of the page and each worker, summed: one sample of the tab's JavaScript memory. */
  async heap(): Promise<{ used: number; withBuffers: number; perTarget: number }> {
    const all = await Promise.all([
      this.cdp.send('Runtime.getHeapUsage') as Promise<HeapUsage>,
      ...this.workers().map((s) => this.send<HeapUsage>(s, 'Runtime.getHeapUsage').catch(() => ({ usedSize: 0, backingStorageSize: 0 }))),
    ]);
    let used = 0;
    let withBuffers = 0;
    let perTarget = 0;
    for (const h of all) {
      used += h.usedSize;
      withBuffers += h.usedSize + (h.backingStorageSize ?? 0);
      perTarget = Math.max(perTarget, h.usedSize + (h.backingStorageSize ?? 0));
    }
    return { used, withBuffers, perTarget };
  }
}
